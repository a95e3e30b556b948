import { z } from 'zod';
import { reportReaction } from '../../../commands/haemovigilance.js';
import {
  listNearMisses,
  listReactions,
  severities,
} from '../../../db/repos/haemovigilance-repo.js';
import { currentUser } from '../../auth-hook.js';
import { pageQuery, pageSchema, toPage } from '../../pagination.js';
import type { RouteModule } from '../../types.js';
import { dinSchema } from '../units/schema.js';

const tags = ['haemovigilance'];

const reactionSchema = z.object({
  id: z.string(),
  din: z.string(),
  patientId: z.string(),
  siteId: z.string(),
  supplierSiteId: z.string(),
  reactionType: z.string(),
  severity: z.enum(severities),
  imputability: z.number(),
  description: z.string(),
  reportedAt: z.date(),
  reportedBy: z.string(),
});

const nearMissSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  kind: z.string(),
  din: z.string(),
  patientId: z.string(),
  expectedPatientId: z.string().nullable(),
  detail: z.string(),
  at: z.date(),
  actor: z.string(),
});

const listQuery = z.object({ ...pageQuery, order: z.enum(['asc', 'desc']).default('desc') });

export const reactionRoutes: RouteModule = (app, deps) => {
  app.post(
    '/api/reactions',
    {
      config: { permission: 'reactions:write' },
      schema: {
        tags,
        summary: 'Report an adverse transfusion reaction; the supplying center is notified',
        body: z.object({
          din: dinSchema,
          reactionType: z
            .string()
            .min(1)
            .max(100)
            .describe('e.g. febrile non-haemolytic, allergic, TRALI, TACO, haemolytic'),
          severity: z.enum(severities),
          imputability: z.number().int().min(0).max(3),
          description: z.string().max(2000).optional(),
        }),
        response: { 201: reactionSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reportReaction(deps, currentUser(request), request.body)),
  );
  app.get(
    '/api/reactions',
    {
      config: { permission: 'haemovigilance:read' },
      schema: {
        tags,
        summary: 'Reactions reported by or to your site',
        querystring: listQuery,
        response: { 200: pageSchema(reactionSchema) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const siteId = user.role === 'auditor' ? null : user.siteId;
      return toPage(
        await listReactions(deps.db, { ...request.query, siteId, limit: request.query.limit + 1 }),
        request.query,
      );
    },
  );
  app.get(
    '/api/near-misses',
    {
      config: { permission: 'haemovigilance:read' },
      schema: {
        tags,
        summary: 'Near misses recorded at your site (refused bedside checks)',
        querystring: listQuery,
        response: { 200: pageSchema(nearMissSchema) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const siteId = user.role === 'auditor' ? null : user.siteId;
      return toPage(
        await listNearMisses(deps.db, { ...request.query, siteId, limit: request.query.limit + 1 }),
        request.query,
      );
    },
  );
};
