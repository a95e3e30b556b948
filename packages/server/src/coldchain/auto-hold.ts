import { excursionConditions, legalEvents, parseUnitState, touchedUnits } from '@hemonet/core';
import { recordUnitEvents, type RecordUnitEventsDeps } from '../commands/record-unit-events.js';
import { alarmsNeedingHolds, type AlarmRow } from '../db/repos/alarms-repo.js';
import { findSiteTimeZone } from '../db/repos/sites-repo.js';
import { getUnit } from '../db/repos/units-repo.js';
import {
  alarmUnitDins,
  insertAlarmUnits,
  presencesAtLocation,
  setHoldsAppliedUntil,
} from '../db/repos/unit-presence-repo.js';
import { defaultTimeZone, localTime } from '../time-zone.js';

export interface AutoHoldDeps extends RecordUnitEventsDeps {
  clock: () => Date;
}

/** The ledger actor of automatic holds. */
export const COLD_CHAIN_ACTOR = 'system:coldchain';

/**
 * Holds exactly the units that were in the alarm's storage location at some instant of the
 * excursion (domain.md §2.4: quarantine affected units immediately, then evaluate). Runs on raise
 * and again while the excursion lasts, so a unit put in during it is held too. Returns new holds.
 */
export async function holdTouchedUnits(deps: AutoHoldDeps, alarm: AlarmRow): Promise<string[]> {
  if (!alarm.locationId || !excursionConditions.includes(alarm.condition)) return [];
  const now = deps.clock();
  const presences = await presencesAtLocation(deps.db, alarm.locationId);
  const touched = touchedUnits(presences, {
    from: alarm.startedAt.getTime(),
    to: alarm.endedAt?.getTime() ?? null,
  });
  const known = new Set(await alarmUnitDins(deps.db, alarm.id));
  const fresh = touched.filter((din) => !known.has(din));
  const units = await Promise.all(
    fresh.map(async (din) => ({ din, unit: await getUnit(deps.db, din) })),
  );
  const holdable = units
    .filter((u) => u.unit && legalEvents(u.unit.status as never).includes('HELD'))
    .map((u) => u.din);
  // A unit already held for an earlier excursion was exposed again: it awaits a decision under
  // this alarm too, and a release is judged on its exposure in every excursion (dispositions.ts).
  const heldBefore = units
    .filter((u) => u.unit && parseUnitState(u.unit.state).holdReason === 'TEMPERATURE_EXCURSION')
    .map((u) => u.din);
  // Read by the site's staff in the unit's history: the start in the site's own time.
  const zone = (await findSiteTimeZone(deps.db, alarm.siteId)) ?? defaultTimeZone;
  const note = `${alarm.condition} alarm ${alarm.id} on device ${alarm.deviceId} from ${localTime(alarm.startedAt, zone)}`;
  if (holdable.length > 0) {
    await recordUnitEvents(
      deps,
      holdable.map((din) => ({
        din,
        event: { type: 'HELD', reason: 'TEMPERATURE_EXCURSION', note },
        ctx: { at: now, siteId: alarm.siteId, actor: COLD_CHAIN_ACTOR },
      })),
    );
  }
  const heldSet = new Set([...holdable, ...heldBefore]);
  await insertAlarmUnits(
    deps.db,
    alarm.id,
    fresh.map((din) => ({ din, held: heldSet.has(din) })),
    now,
  );
  await setHoldsAppliedUntil(deps.db, alarm.id, alarm.endedAt ?? now);
  return holdable;
}

/** One pass over every excursion alarm whose holds may be incomplete. */
export async function sweepHolds(
  deps: AutoHoldDeps,
): Promise<Array<{ alarm: AlarmRow; held: string[] }>> {
  const out: Array<{ alarm: AlarmRow; held: string[] }> = [];
  for (const alarm of await alarmsNeedingHolds(deps.db, excursionConditions)) {
    out.push({ alarm, held: await holdTouchedUnits(deps, alarm) });
  }
  return out;
}
