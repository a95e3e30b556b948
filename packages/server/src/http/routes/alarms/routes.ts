import { alarmStatusSchema, DomainError } from '@hemonet/core';
import { z } from 'zod';
import { assertActsAtSite } from '../../../auth/site-scope.js';
import { acknowledgeAlarm, closeAlarm } from '../../../coldchain/alarm-service.js';
import { alarmView } from '../../../coldchain/live-events.js';
import { createLocalBus } from '../../../live/bus.js';
import { getAlarm, listAlarms } from '../../../db/repos/alarms-repo.js';
import { currentUser } from '../../auth-hook.js';
import type { AppDeps, RouteModule } from '../../types.js';
import { canSeeSite, visibleSites } from './scope.js';

const tags = ['alarms'];
const alarmSchema = z.object({
  id: z.number(),
  deviceId: z.string(),
  siteId: z.string(),
  locationId: z.string().nullable(),
  condition: z.string(),
  severity: z.enum(['warning', 'critical']),
  status: alarmStatusSchema,
  startedAt: z.string(),
  raisedAt: z.string(),
  endedAt: z.string().nullable(),
  minValue: z.number().nullable(),
  maxValue: z.number().nullable(),
  detectedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  comment: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  escalationLevel: z.number(),
});
const params = z.object({ alarmId: z.coerce.number().int().positive() });

const fallbackBus = createLocalBus();
const serviceDeps = (deps: AppDeps) => ({
  db: deps.db,
  clock: deps.clock,
  bus: deps.live ?? fallbackBus,
});

/** Alarms: list, acknowledge with a comment, close (issue 4, item 4). */
export const alarmRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/alarms',
    {
      config: { permission: 'sites:read' },
      schema: {
        tags,
        summary: 'Alarms, newest first',
        querystring: z.object({
          site: z.string().optional(),
          status: alarmStatusSchema.optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ items: z.array(alarmSchema) }) },
      },
    },
    async (request) => {
      const q = request.query;
      const siteIds = visibleSites(currentUser(request), q.site);
      const rows = await listAlarms(deps.db, {
        siteIds,
        statuses: q.status ? [q.status] : undefined,
        limit: q.limit,
      });
      return { items: rows.map(alarmView) };
    },
  );
  app.post(
    '/api/alarms/:alarmId/acknowledge',
    {
      config: { permission: 'storage:write' },
      schema: {
        tags,
        summary: 'Acknowledge an alarm (comment required)',
        params,
        body: z.object({ comment: z.string().max(2000) }),
        response: { 200: alarmSchema },
      },
    },
    async (request) => {
      const user = currentUser(request);
      await assertAlarmAtUserSite(deps, request.params.alarmId, user);
      return alarmView(
        await acknowledgeAlarm(
          serviceDeps(deps),
          request.params.alarmId,
          user.username,
          request.body.comment,
        ),
      );
    },
  );
  app.post(
    '/api/alarms/:alarmId/close',
    {
      config: { permission: 'storage:write' },
      schema: {
        tags,
        summary: 'Close a resolved, acknowledged alarm',
        params,
        response: { 200: alarmSchema },
      },
    },
    async (request) => {
      const user = currentUser(request);
      await assertAlarmAtUserSite(deps, request.params.alarmId, user);
      return alarmView(await closeAlarm(serviceDeps(deps), request.params.alarmId));
    },
  );
};

async function assertAlarmAtUserSite(
  deps: AppDeps,
  id: number,
  user: ReturnType<typeof currentUser>,
): Promise<void> {
  const alarm = await getAlarm(deps.db, id);
  if (!alarm || !canSeeSite(user, alarm.siteId))
    throw new DomainError('ALARM_NOT_FOUND', `no alarm ${id}`);
  if (user.role !== 'admin') assertActsAtSite(user, alarm.siteId);
}
