import { DomainError, type EventContext, type UnitEvent } from '@hemonet/core';
import { assertActsAtSite, canReadSite } from '../auth/site-scope.js';
import type { AuthUser } from '../auth/user.js';
import { patientLinkedStatuses } from '../db/repos/unit-queries-repo.js';
import { getUnit, type UnitProjection } from '../db/repos/units-repo.js';
import type { Queryable } from '../db/sql-client.js';
import type { CommandDeps } from './deps.js';
import {
  recordUnitEvents,
  type AlsoWrite,
  type RecordedUnitEvent,
  type UnitEventContext,
} from './record-unit-events.js';

/**
 * Who does it, where and when: the user, at the user's own site, the clock now. For an operation
 * that also writes other records at the same instant; an event alone takes `recordedNow`.
 */
export const eventContext = (
  deps: CommandDeps,
  user: AuthUser,
  siteId = user.siteId,
): EventContext => ({
  at: deps.clock(),
  siteId,
  actor: user.username,
});

/**
 * The user, at the user's own site, stamped with the time the unit rows are locked: the
 * operation happens as it is recorded, so two near-simultaneous requests on one unit are
 * ordered by the lock, not by who read the clock first (record-unit-events.ts).
 */
export const recordedNow = (user: AuthUser, siteId = user.siteId): UnitEventContext => ({
  at: 'now',
  siteId,
  actor: user.username,
});

/** The time a `recordedNow` operation was stamped with: one instant for all of its events. */
export const recordedAt = (recorded: readonly RecordedUnitEvent[]): Date => {
  const first = recorded[0];
  if (!first) throw new Error('no event recorded');
  return first.at;
};

export const requireUnit = async (db: Queryable, din: string): Promise<UnitProjection> => {
  const unit = await getUnit(db, din);
  if (!unit) throw new DomainError('UNIT_NOT_FOUND', `no unit ${din}`, { din });
  return unit;
};

/** Whether a unit currently belongs to one patient (and so to that patient's site only). */
export const isPatientLinked = (unit: Pick<UnitProjection, 'patientId' | 'status'>): boolean =>
  unit.patientId !== null && patientLinkedStatuses.includes(unit.status);

/** Stock is city-wide; a patient-linked unit is visible only at its site (and to auditors). */
export const assertCanSeeUnit = (user: AuthUser, unit: UnitProjection): void => {
  if (isPatientLinked(unit) && !canReadSite(user, unit.siteId)) {
    throw new DomainError(
      'FORBIDDEN_SITE',
      `unit ${unit.din} belongs to a patient of site ${unit.siteId}`,
      {
        siteId: unit.siteId,
      },
    );
  }
};

/**
 * One event on one unit, by a user at the site that holds the unit; `alsoWrite` adds records of
 * the same operation in its transaction.
 */
export const changeUnit = async (
  deps: CommandDeps,
  user: AuthUser,
  din: string,
  event: UnitEvent,
  alsoWrite?: AlsoWrite,
): Promise<RecordedUnitEvent> => {
  const unit = await requireUnit(deps.db, din);
  assertActsAtSite(user, unit.siteId);
  const [recorded] = await recordUnitEvents(
    deps,
    [{ din, event, ctx: recordedNow(user) }],
    alsoWrite,
  );
  if (!recorded) throw new Error(`no event recorded for ${din}`);
  return recorded;
};

/** Several units at once, all at the user's site: every unit changes or none does. */
export const changeUnits = async (
  deps: CommandDeps,
  user: AuthUser,
  changes: readonly { din: string; event: UnitEvent }[],
): Promise<RecordedUnitEvent[]> => {
  for (const din of new Set(changes.map((c) => c.din))) {
    assertActsAtSite(user, (await requireUnit(deps.db, din)).siteId);
  }
  const ctx = recordedNow(user);
  return recordUnitEvents(
    deps,
    changes.map((c) => ({ ...c, ctx })),
  );
};
