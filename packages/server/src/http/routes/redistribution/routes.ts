import { componentClassSchema } from '@hemonet/core';
import { z } from 'zod';
import { proposeRedistribution } from '../../../commands/redistribution-proposals.js';
import type { RouteModule } from '../../types.js';
import { bloodGroupView } from '../units/schema.js';

const proposalResponse = z.object({
  component: componentClassSchema,
  proposals: z.array(
    z.object({
      din: z.string(),
      bloodGroup: bloodGroupView,
      expiresAt: z.date(),
      fromSiteId: z.string(),
      toSiteId: z.string(),
      travelMinutes: z.number(),
    }),
  ),
});

export const redistributionRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/redistribution-proposals',
    {
      // Read-only, but advice for those who create the shipments (as unit suggestions are
      // for those who crossmatch).
      config: { permission: 'shipments:write' },
      schema: {
        tags: ['shipments'],
        summary:
          'Units at risk of expiring unused and the nearby hospital expected to transfuse them (read-only)',
        querystring: z.object({
          component: componentClassSchema.describe('Component class, e.g. RED_CELLS'),
        }),
        response: { 200: proposalResponse },
      },
    },
    async (request) => {
      const { component } = request.query;
      return { component, proposals: await proposeRedistribution(deps, component) };
    },
  );
};
