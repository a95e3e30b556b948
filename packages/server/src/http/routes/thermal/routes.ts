import { z } from 'zod';
import { unitThermalHistory } from '../../../coldchain/thermal.js';
import { assertCanSeeUnit, requireUnit } from '../../../commands/unit-context.js';
import { unitJourneyChecks } from '../../../db/repos/shipments-repo.js';
import { currentUser } from '../../auth-hook.js';
import type { RouteModule } from '../../types.js';
import { journeyCheckOut, journeyCheckSchema } from '../shipments/journey-schema.js';
import { dinParams } from '../units/schema.js';

const segmentSchema = z.object({
  place: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  minC: z.number().nullable(),
  maxC: z.number().nullable(),
  outOfRangeMs: z.number(),
  unmonitoredMs: z.number(),
});
const historySchema = z.object({
  din: z.string(),
  minC: z.number().nullable(),
  maxC: z.number().nullable(),
  timeOutOfRangeMs: z.number(),
  timeOutOfControlledStorageMs: z.number(),
  unmonitoredMs: z.number(),
  segments: z.array(segmentSchema),
  journeys: z
    .array(journeyCheckSchema.extend({ shipmentId: z.string() }))
    .describe("Box-logger verdicts of the unit's shipments, with their evidence"),
});

const iso = (ms: number) => new Date(ms).toISOString();

/** `GET /api/units/{din}/thermal-history`: the unit's own temperatures (issue 4, item 5). */
export const thermalRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/units/:din/thermal-history',
    {
      config: { permission: 'units:read' },
      schema: {
        tags: ['units'],
        summary:
          'Thermal history: where the unit was, min/max, time out of range and out of storage',
        params: dinParams,
        response: { 200: historySchema },
      },
    },
    async (request) => {
      const unit = await requireUnit(deps.db, request.params.din);
      assertCanSeeUnit(currentUser(request), unit);
      const h = await unitThermalHistory(deps, unit);
      const journeys = await unitJourneyChecks(deps.db, unit.din);
      return {
        din: unit.din,
        ...h,
        segments: h.segments.map((s) => ({ ...s, from: iso(s.from), to: iso(s.to) })),
        journeys: journeys.map((j) => ({ ...journeyCheckOut(j), shipmentId: j.shipmentId })),
      };
    },
  );
};
