import { DomainError } from '@hemonet/core';
import { z } from 'zod';
import { disposeHeldUnit } from '../../../coldchain/dispositions.js';
import { getAlarm } from '../../../db/repos/alarms-repo.js';
import { listAlarmUnits } from '../../../db/repos/unit-presence-repo.js';
import { createLocalBus } from '../../../live/bus.js';
import { currentUser } from '../../auth-hook.js';
import type { RouteModule } from '../../types.js';
import { actionResultSchema, dinSchema } from '../units/schema.js';
import { actionResult } from '../units/views.js';
import { canSeeSite } from './scope.js';

const tags = ['alarms'];
const params = z.object({ alarmId: z.coerce.number().int().positive() });
const alarmUnitSchema = z.object({
  din: z.string(),
  heldAt: z.date(),
  disposition: z.enum(['released', 'discarded', 'not_held']).nullable(),
  disposedAt: z.date().nullable(),
});
const fallbackBus = createLocalBus();

/**
 * Units an excursion alarm touched, and the decision on each held one (issue 4, item 5): an alarm
 * closes only when every held unit was released or discarded.
 */
export const alarmUnitRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/alarms/:alarmId/units',
    {
      config: { permission: 'sites:read' },
      schema: {
        tags,
        summary: 'Units an excursion held and their dispositions',
        params,
        response: { 200: z.object({ items: z.array(alarmUnitSchema) }) },
      },
    },
    async (request) => {
      const alarm = await getAlarm(deps.db, request.params.alarmId);
      if (!alarm || !canSeeSite(currentUser(request), alarm.siteId))
        throw new DomainError('ALARM_NOT_FOUND', `no alarm ${request.params.alarmId}`);
      const rows = await listAlarmUnits(deps.db, alarm.id);
      return { items: rows.map(({ alarmId: _a, ...row }) => row) };
    },
  );
  app.post(
    '/api/alarms/:alarmId/units/:din/disposition',
    {
      config: { permission: 'quality:write' },
      schema: {
        tags,
        summary: 'Release (by the excursion release rule) or discard a unit the alarm held',
        params: params.extend({ din: dinSchema }),
        body: z.object({
          decision: z.enum(['release', 'discard']),
          note: z.string().max(1000).optional(),
        }),
        response: { 200: actionResultSchema },
      },
    },
    async (request) => {
      const { alarmId, din } = request.params;
      const recorded = await disposeHeldUnit(
        { ...deps, bus: deps.live ?? fallbackBus },
        currentUser(request),
        { alarmId, din, ...request.body },
      );
      return actionResult(din, [recorded]);
    },
  );
};
