import { z } from 'zod';
import { startLookback } from '../../../commands/haemovigilance.js';
import { currentUser } from '../../auth-hook.js';
import type { RouteModule } from '../../types.js';

const lookbackBody = z
  .object({
    donorId: z.string().min(1).max(64).optional(),
    donationId: z.string().min(1).max(64).optional(),
    reason: z.string().min(1).max(500).describe('e.g. "donor anti-HCV reactive on 2030-03-02"'),
  })
  .refine((b) => (b.donorId === undefined) !== (b.donationId === undefined), {
    message: 'give exactly one of donorId and donationId',
  });

const resultSchema = z.object({
  donations: z.array(
    z.object({
      donationId: z.string(),
      donorId: z.string(),
      siteId: z.string(),
      collectedAt: z.date(),
    }),
  ),
  components: z.array(
    z.object({ din: z.string(), status: z.string(), siteId: z.string(), expiresAt: z.date() }),
  ),
  held: z.array(z.string()),
  /** Patient identifiers stay with their hospital: each site's notification names its own. */
  transfusedAt: z.array(z.object({ din: z.string(), siteId: z.string(), event: z.string() })),
  notifiedSites: z.array(z.string()),
});

export const lookbackRoutes: RouteModule = (app, deps) => {
  app.post(
    '/api/lookbacks',
    {
      config: { permission: 'lookback:write' },
      schema: {
        tags: ['haemovigilance'],
        summary:
          'Lookback from a donor or donation: hold in-date components everywhere and notify each site concerned',
        body: lookbackBody,
        response: { 201: resultSchema },
      },
    },
    async (request, reply) => {
      const result = await startLookback(deps, currentUser(request), request.body);
      return reply.status(201).send({
        donations: result.donations,
        components: result.components.map(({ din, status, siteId, expiresAt }) => ({
          din,
          status,
          siteId,
          expiresAt,
        })),
        held: result.held,
        transfusedAt: result.recipients.map(({ din, siteId, event }) => ({ din, siteId, event })),
        notifiedSites: result.notifiedSites,
      });
    },
  );
};
