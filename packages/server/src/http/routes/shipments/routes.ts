import { DomainError } from '@hemonet/core';
import { z } from 'zod';
import { canReadSite } from '../../../auth/site-scope.js';
import { receiveShipment, shipUnits } from '../../../commands/shipments.js';
import { getShipment, listShipments, type Shipment } from '../../../db/repos/shipments-repo.js';
import { currentUser } from '../../auth-hook.js';
import { pageQuery, pageSchema, toPage } from '../../pagination.js';
import type { RouteModule } from '../../types.js';
import { dinSchema } from '../units/schema.js';
import { journeyCheckOut, journeyCheckSchema } from './journey-schema.js';

const tags = ['shipments'];
const statusSchema = z.enum(['in_transit', 'partially_received', 'received']);

const shipmentSchema = z.object({
  id: z.string(),
  fromSiteId: z.string(),
  toSiteId: z.string(),
  status: statusSchema,
  shippedAt: z.date(),
  shippedBy: z.string(),
  receivedAt: z.date().nullable(),
  boxDeviceId: z.string().nullable(),
  units: z.array(
    z.object({
      din: z.string(),
      receivedAt: z.date().nullable(),
      receivedBy: z.string().nullable(),
      journey: journeyCheckSchema
        .nullable()
        .describe("The box logger's verdict on the journey, taken at receipt"),
    }),
  ),
});

const shipmentOut = (s: Shipment) => ({
  ...s,
  units: s.units.map((u) => ({ ...u, journey: u.journey && journeyCheckOut(u.journey) })),
});

const listQuery = z.object({
  ...pageQuery,
  order: z.enum(['asc', 'desc']).default('desc'),
  status: statusSchema.optional(),
  direction: z.enum(['outgoing', 'incoming']).optional(),
  site: z.string().optional().describe('Auditors only: shipments of this site'),
});

const shipmentParams = z.object({ shipmentId: z.uuid() });

export const shipmentRoutes: RouteModule = (app, deps) => {
  app.post(
    '/api/shipments',
    {
      config: { permission: 'shipments:write' },
      schema: {
        tags,
        summary: 'Ship units from your site to another site',
        body: z.object({
          toSiteId: z.string().min(1),
          dins: z.array(dinSchema).min(1).max(500),
          boxDeviceId: z
            .string()
            .regex(/^[A-Za-z0-9_-]{1,64}$/)
            .optional()
            .describe('Transport box logger travelling with the units: it gates their receipt'),
        }),
        response: { 201: shipmentSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(shipmentOut(await shipUnits(deps, currentUser(request), request.body))),
  );
  app.post(
    '/api/shipments/:shipmentId/receipt',
    {
      config: { permission: 'shipments:write' },
      schema: {
        tags,
        summary:
          'Receive units by scanning them (unit keys or ISBT 128 bar-code data); with a box logger its journey readings accept them into stock or hold them',
        params: shipmentParams,
        body: z.object({ scans: z.array(z.string().min(1).max(100)).min(1).max(500) }),
        response: { 200: shipmentSchema },
      },
    },
    async (request) =>
      shipmentOut(
        await receiveShipment(
          deps,
          currentUser(request),
          request.params.shipmentId,
          request.body.scans,
        ),
      ),
  );
  app.get(
    '/api/shipments',
    {
      config: { permission: 'shipments:read' },
      schema: {
        tags,
        summary: 'Shipments from or to your site',
        querystring: listQuery,
        response: { 200: pageSchema(shipmentSchema) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const { site, ...q } = request.query;
      const involvingSiteId = user.role === 'auditor' ? (site ?? null) : user.siteId;
      const shipments = await listShipments(deps.db, { ...q, involvingSiteId, limit: q.limit + 1 });
      return toPage(shipments.map(shipmentOut), q);
    },
  );
  app.get(
    '/api/shipments/:shipmentId',
    {
      config: { permission: 'shipments:read' },
      schema: {
        tags,
        summary: 'One shipment',
        params: shipmentParams,
        response: { 200: shipmentSchema },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const shipment = await getShipment(deps.db, request.params.shipmentId);
      if (!shipment)
        throw new DomainError('SHIPMENT_NOT_FOUND', `no shipment ${request.params.shipmentId}`);
      if (!canReadSite(user, shipment.fromSiteId) && !canReadSite(user, shipment.toSiteId)) {
        throw new DomainError(
          'FORBIDDEN_SITE',
          'this shipment neither leaves from nor goes to your site',
        );
      }
      return shipmentOut(shipment);
    },
  );
};
