import {
  decideExcursionRelease,
  DomainError,
  excursionConditions,
  parseUnitState,
  type UnitEvent,
} from '@hemonet/core';
import type { AuthUser } from '../auth/user.js';
import type { CommandDeps } from '../commands/deps.js';
import { recordUnitEvents, type RecordedUnitEvent } from '../commands/record-unit-events.js';
import { changeUnit, eventContext, requireUnit } from '../commands/unit-context.js';
import { assertActsAtSite } from '../auth/site-scope.js';
import { getAlarm, type AlarmRow } from '../db/repos/alarms-repo.js';
import {
  lockAlarmUnit,
  pendingAlarmsOfUnit,
  pendingDispositionAlarm,
  presencesAtLocation,
  setDisposition,
} from '../db/repos/unit-presence-repo.js';
import type { UnitProjection } from '../db/repos/units-repo.js';
import type { LiveBus } from '../live/bus.js';
import { releaseRuleOf } from './profiles.js';

export interface DispositionDeps extends CommandDeps {
  bus: LiveBus;
}

export interface DispositionInput {
  alarmId: number;
  din: string;
  decision: 'release' | 'discard';
  note?: string;
}

/**
 * An authorised user's decision on one unit an excursion held (domain.md §2.4: quarantine, then
 * evaluate). Release is allowed only by the component's excursion release rule (NHSBT red cells:
 * once only, ≤ 5 h, 1–10 °C); the lifecycle refuses a second release, so such a unit is discarded.
 * The unit event and the alarm's disposition are written in one transaction.
 */
export async function disposeHeldUnit(
  deps: DispositionDeps,
  user: AuthUser,
  input: DispositionInput,
): Promise<RecordedUnitEvent> {
  const alarm = await getAlarm(deps.db, input.alarmId);
  if (!alarm) throw new DomainError('ALARM_NOT_FOUND', `no alarm ${input.alarmId}`);
  const unit = await requireUnit(deps.db, input.din);
  assertActsAtSite(user, unit.siteId);
  // Every excursion still awaiting a decision on this unit is decided with this one: the unit was
  // exposed in each, so a release is judged on all of them together and closes them all.
  const others = (await pendingAlarmsOfUnit(deps.db, input.din)).filter((id) => id !== alarm.id);
  const otherAlarms = (await Promise.all(others.map((id) => getAlarm(deps.db, id)))).filter(
    (a): a is AlarmRow => a !== null,
  );
  if (input.decision === 'release') await assertReleasable(deps, [alarm, ...otherAlarms], unit);
  const disposition = input.decision === 'release' ? 'released' : 'discarded';
  const note = input.note ?? `${disposition} after ${alarm.condition} alarm ${alarm.id}`;
  const event: UnitEvent =
    input.decision === 'release'
      ? { type: 'HOLD_RELEASED', note }
      : { type: 'DISCARDED', reason: 'TEMPERATURE_EXCURSION', note };
  const ctx = eventContext(deps, user);
  const [recorded] = await recordUnitEvents(deps, [{ din: input.din, event, ctx }], async (tx) => {
    const row = await lockAlarmUnit(tx, alarm.id, input.din);
    if (!row) throw notAffected(alarm.id, input.din);
    if (row.disposition !== null)
      throw new DomainError('DISPOSITION_CONFLICT', `unit ${input.din} already ${row.disposition}`);
    await setDisposition(tx, alarm.id, input.din, disposition, ctx.at);
    for (const other of otherAlarms) {
      const pending = await lockAlarmUnit(tx, other.id, input.din);
      if (pending?.disposition === null)
        await setDisposition(tx, other.id, input.din, disposition, ctx.at);
    }
  });
  if (!recorded) throw new Error(`no event recorded for ${input.din}`);
  for (const decided of [alarm, ...otherAlarms])
    await deps.bus.publish({
      type: 'alarm.unit_disposed',
      siteId: decided.siteId,
      at: ctx.at.toISOString(),
      data: { alarmId: decided.id, din: input.din, disposition, by: user.username },
    });
  return recorded;
}

const notAffected = (alarmId: number, din: string) =>
  new DomainError('ALARM_UNIT_NOT_FOUND', `unit ${din} was not held by alarm ${alarmId}`, {
    alarmId,
    din,
  });

/** The release rule over the unit's exposure in every excursion awaiting a decision on it. */
async function assertReleasable(
  deps: DispositionDeps,
  alarms: readonly [AlarmRow, ...AlarmRow[]],
  unit: UnitProjection,
): Promise<void> {
  const [alarm] = alarms;
  if (alarms.some((a) => !excursionConditions.includes(a.condition) || !a.locationId))
    throw notAffected(alarm.id, unit.din);
  const rule = releaseRuleOf(
    unit.componentClass,
    deps.lifecycle.jurisdiction ?? 'CN',
    deps.lifecycle.ruleOverrides,
  );
  const previous = parseUnitState(unit.state).excursionReleases;
  const durations = await Promise.all(
    alarms.map((a) => exposureMs(deps, a, a.locationId ?? '', unit.din)),
  );
  const exposure = {
    durationMs: durations.reduce((sum, ms) => sum + ms, 0),
    minC: extreme(
      Math.min,
      alarms.map((a) => a.minValue),
    ),
    maxC: extreme(
      Math.max,
      alarms.map((a) => a.maxValue),
    ),
  };
  const decision = decideExcursionRelease(rule, previous, exposure);
  if (!decision.allowed)
    throw new DomainError(
      'EXCURSION_RELEASE_REFUSED',
      `unit ${unit.din} may not be released after this excursion (${decision.reason}): discard it`,
      { din: unit.din, reason: decision.reason, ...exposure },
    );
}

/** The lowest or highest of the readings' extremes that are known (null if none is). */
const extreme = (pick: (...xs: number[]) => number, values: readonly (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length > 0 ? pick(...known) : null;
};

/** How long the unit sat in the location while the excursion lasted (the rule's duration). */
async function exposureMs(
  deps: DispositionDeps,
  alarm: AlarmRow,
  locationId: string,
  din: string,
): Promise<number> {
  const from = alarm.startedAt.getTime();
  const to = alarm.endedAt?.getTime() ?? deps.clock().getTime();
  const stays = (await presencesAtLocation(deps.db, locationId)).filter((p) => p.din === din);
  return stays.reduce(
    (sum, p) => sum + Math.max(0, Math.min(to, p.to ?? Infinity) - Math.max(from, p.from)),
    0,
  );
}

/**
 * The plain hold release (`POST /api/units/{din}/hold-release`): refused while an excursion alarm
 * awaits a decision on the unit, which must go through the alarm so the release rule applies and
 * the alarm can close.
 */
export async function releaseHold(
  deps: CommandDeps,
  user: AuthUser,
  din: string,
  note?: string,
): Promise<RecordedUnitEvent> {
  const alarmId = await pendingDispositionAlarm(deps.db, din);
  if (alarmId !== null)
    throw new DomainError(
      'ALARM_DISPOSITION_REQUIRED',
      `unit ${din} is held by excursion alarm ${alarmId}: release or discard it through /api/alarms/${alarmId}/units/${din}/disposition`,
      { alarmId, din },
    );
  return changeUnit(deps, user, din, { type: 'HOLD_RELEASED', ...(note ? { note } : {}) });
}
