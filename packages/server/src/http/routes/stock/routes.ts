import { componentClassSchema } from '@hemonet/core';
import { z } from 'zod';
import { countIssuableStock } from '../../../db/repos/stock-repo.js';
import type { RouteModule } from '../../types.js';
import { siteIdSchema } from '../sites/schema.js';
import { bloodGroupView } from '../units/schema.js';

/** The horizon of "expiring soon" in the stock view: three days, as the issuing policy's 72 h. */
const EXPIRING_WITHIN_MS = 72 * 3_600_000;

const stockQuery = z.object({
  component: componentClassSchema
    .optional()
    .describe('Component class, e.g. RED_CELLS (all if absent)'),
  site: siteIdSchema.optional().describe('One site (all sites if absent), as in /api/units'),
});

const stockResponse = z.object({
  asOf: z.date(),
  stock: z.array(
    z.object({
      siteId: z.string(),
      component: componentClassSchema,
      bloodGroup: bloodGroupView,
      available: z.number().describe('Units a patient could take now'),
      expiringWithin72h: z.number().describe('Of those, units that expire within 72 hours'),
    }),
  ),
});

export const stockRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/stock',
    {
      // Stock levels are shared city-wide: every site sees where blood is (counts, no patients).
      config: { permission: 'stock:read' },
      schema: {
        tags: ['units'],
        summary: 'Live stock levels per site, component and ABO/RhD group (issuable units)',
        querystring: stockQuery,
        response: { 200: stockResponse },
      },
    },
    async (request) => {
      const at = deps.clock();
      const levels = await countIssuableStock(deps.db, {
        componentClass: request.query.component,
        siteId: request.query.site,
        at,
        expiringBefore: new Date(at.getTime() + EXPIRING_WITHIN_MS),
      });
      const stock = levels.map(({ siteId, componentClass, abo, rhd, available, expiring }) => ({
        siteId,
        component: componentClass,
        bloodGroup: { abo, rhd },
        available,
        expiringWithin72h: expiring,
      }));
      return { asOf: at, stock };
    },
  );
};
