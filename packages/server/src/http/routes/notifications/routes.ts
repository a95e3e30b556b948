import { z } from 'zod';
import { acknowledge } from '../../../commands/notifications.js';
import { listNotifications } from '../../../db/repos/notifications-repo.js';
import { currentUser } from '../../auth-hook.js';
import { pageQuery, pageSchema, toPage } from '../../pagination.js';
import type { RouteModule } from '../../types.js';

const tags = ['notifications'];

const notificationSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  kind: z.string(),
  subject: z.string(),
  body: z.record(z.string(), z.unknown()),
  createdAt: z.date(),
  createdBy: z.string(),
  acknowledgedAt: z.date().nullable(),
  acknowledgedBy: z.string().nullable(),
});

const listQuery = z.object({
  ...pageQuery,
  order: z.enum(['asc', 'desc']).default('desc'),
  kind: z.string().optional(),
  unacknowledged: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  site: z.string().optional().describe('Auditors only'),
});

export const notificationRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/notifications',
    {
      config: { permission: 'notifications:read' },
      schema: {
        tags,
        summary: 'Notifications addressed to your site',
        querystring: listQuery,
        response: { 200: pageSchema(notificationSchema) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const { site, ...q } = request.query;
      const siteId = user.role === 'auditor' ? (site ?? null) : user.siteId;
      return toPage(await listNotifications(deps.db, { ...q, siteId, limit: q.limit + 1 }), q);
    },
  );
  app.post(
    '/api/notifications/:id/acknowledge',
    {
      config: { permission: 'notifications:write' },
      schema: {
        tags,
        summary: 'Acknowledge a notification of your site',
        params: z.object({ id: z.uuid() }),
        response: { 200: notificationSchema },
      },
    },
    async (request) => acknowledge(deps, currentUser(request), request.params.id),
  );
};
