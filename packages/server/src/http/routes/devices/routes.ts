import { componentClassSchema } from '@hemonet/core';
import { z } from 'zod';
import { assertActsAtSite } from '../../../auth/site-scope.js';
import {
  listDevicesWithStatus,
  registerDevice,
  requireDevice,
  rotateDeviceSecret,
} from '../../../coldchain/device-registry.js';
import { deviceKinds } from '../../../db/repos/devices-repo.js';
import { currentUser } from '../../auth-hook.js';
import type { RouteModule } from '../../types.js';
import { visibleSites } from '../alarms/scope.js';

const tags = ['devices'];
const deviceId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const credentials = z.object({
  deviceId: z.string(),
  secret: z.string(),
  topic: z.string(),
  siteId: z.string(),
});
const statusSchema = z
  .object({
    lastSeenAt: z.date().nullable(),
    lastReadingAt: z.date().nullable(),
    lastTemperature: z.number().nullable(),
    acceptedCount: z.number(),
    rejectedCount: z.number(),
    lastRejectCode: z.string().nullable(),
    lastRejectAt: z.date().nullable(),
  })
  .nullable();
const deviceSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  kind: z.enum(deviceKinds),
  locationId: z.string().nullable(),
  componentClass: z.string().nullable(),
  name: z.string(),
  reportingIntervalS: z.number(),
  excursionDelayS: z.number(),
  revokedAt: z.date().nullable(),
  topic: z.string(),
  status: statusSchema,
});
const newDevice = z.object({
  siteId: z.string().min(1),
  kind: z.enum(deviceKinds),
  locationId: z.string().min(1).nullable().default(null),
  componentClass: componentClassSchema.nullable().default(null),
  name: z.string().min(1).max(200).optional(),
  reportingIntervalS: z.number().int().positive().max(86_400).default(60),
  excursionDelayS: z.number().int().nonnegative().max(86_400).default(600),
});

/** Device registry and live status (issue 4, items 1 and 7). */
export const deviceRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/devices',
    {
      config: { permission: 'sites:read' },
      schema: {
        tags,
        summary: 'Devices with their current status',
        querystring: z.object({ site: z.string().optional() }),
        response: { 200: z.object({ items: z.array(deviceSchema) }) },
      },
    },
    async (request) => {
      const sites = visibleSites(currentUser(request), request.query.site);
      return { items: await listDevicesWithStatus(deps, sites) };
    },
  );
  app.post(
    '/api/devices',
    {
      config: { permission: 'sites:write' },
      schema: {
        tags,
        summary: 'Register a device; the secret is shown only here',
        body: newDevice,
        response: { 201: credentials },
      },
    },
    async (request, reply) => {
      return reply.status(201).send(await registerDevice(deps, request.body));
    },
  );
  app.post(
    '/api/devices/:deviceId/rotate',
    {
      config: { permission: 'sites:write' },
      schema: {
        tags,
        summary: 'Replace a device secret',
        params: z.object({ deviceId }),
        response: { 200: credentials },
      },
    },
    async (request) => {
      const device = await requireDevice(deps, request.params.deviceId);
      const user = currentUser(request);
      if (user.role !== 'admin') assertActsAtSite(user, device.siteId);
      return rotateDeviceSecret(deps, device.id);
    },
  );
};
