import { z } from 'zod';
import { listAudit } from '../../../db/repos/audit-repo.js';
import { pageQuery, pageSchema, toPage } from '../../pagination.js';
import type { RouteModule } from '../../types.js';

const auditQuery = z.object({
  ...pageQuery,
  order: z.enum(['asc', 'desc']).default('desc'),
  actor: z.string().optional(),
  entity: z.string().optional(),
  site: z.string().optional(),
});

const auditRecord = z.object({
  id: z.number(),
  actor: z.string(),
  siteId: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  at: z.date(),
  details: z.record(z.string(), z.unknown()),
});

export const auditRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/audit',
    {
      config: { permission: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'Audit trail of changes other than unit events (newest first)',
        querystring: auditQuery,
        response: { 200: pageSchema(auditRecord) },
      },
    },
    async (request) => {
      const { site, ...q } = request.query;
      return toPage(await listAudit(deps.db, { ...q, siteId: site, limit: q.limit + 1 }), q);
    },
  );
};
