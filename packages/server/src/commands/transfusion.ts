import { randomUUID } from 'node:crypto';
import { isDomainError, type RecipientFactors } from '@hemonet/core';
import type { AuthUser } from '../auth/user.js';
import { insertNearMiss } from '../db/repos/haemovigilance-repo.js';
import type { Patient } from '../db/repos/patients-repo.js';
import { findLapsedReservations } from '../db/repos/unit-queries-repo.js';
import { getUnit } from '../db/repos/units-repo.js';
import type { CommandDeps } from './deps.js';
import { patientAtUserSite, requirePatientGroup } from './patients.js';
import { recordUnitEvents, type RecordedUnitEvent } from './record-unit-events.js';
import { changeUnit, changeUnits } from './unit-context.js';

const factorsOf = (patient: Patient, at: Date): RecipientFactors => ({
  sex: patient.sex === 'female' ? 'F' : patient.sex === 'male' ? 'M' : 'U',
  ...(patient.birthYear ? { ageYears: at.getUTCFullYear() - patient.birthYear } : {}),
});

/**
 * Crossmatch/reservation: every unit is reserved for the patient until `until`, or none is.
 * Compatibility and "not reserved for someone else" are checked by core under row locks, so two
 * concurrent reservations of one unit cannot both succeed.
 */
export const reserveUnits = async (
  deps: CommandDeps,
  user: AuthUser,
  input: { patientId: string; dins: readonly string[]; until: Date },
): Promise<RecordedUnitEvent[]> => {
  const patient = await patientAtUserSite(deps.db, user, input.patientId);
  const patientGroup = await requirePatientGroup(deps.db, patient.id);
  const patientFactors = factorsOf(patient, deps.clock());
  const event = {
    type: 'RESERVED' as const,
    patientId: patient.id,
    patientGroup,
    until: input.until,
    patientFactors,
  };
  return changeUnits(
    deps,
    user,
    input.dins.map((din) => ({ din, event })),
  );
};

export const issueUnit = async (
  deps: CommandDeps,
  user: AuthUser,
  din: string,
  input: { patientId: string; emergency: boolean },
): Promise<RecordedUnitEvent> => {
  const patient = await patientAtUserSite(deps.db, user, input.patientId);
  const patientGroup = await requirePatientGroup(deps.db, patient.id);
  const patientFactors = factorsOf(patient, deps.clock());
  return changeUnit(deps, user, din, {
    type: 'ISSUED',
    patientId: patient.id,
    patientGroup,
    emergency: input.emergency,
    patientFactors,
  });
};

/**
 * Bedside check: the patient's wristband and the unit must match an issue. A mismatch is refused
 * (nothing enters the ledger) and recorded as a near miss in its own transaction, because the
 * refusal itself is what haemovigilance needs to learn from.
 */
export const bedsideCheck = async (
  deps: CommandDeps,
  user: AuthUser,
  input: { din: string; patientId: string },
): Promise<RecordedUnitEvent> => {
  try {
    return await changeUnit(deps, user, input.din, {
      type: 'BEDSIDE_CHECKED',
      patientId: input.patientId,
    });
  } catch (error) {
    if (isDomainError(error) && error.code !== 'FORBIDDEN_SITE') {
      await insertNearMiss(deps.db, {
        id: randomUUID(),
        siteId: user.siteId,
        kind: 'BEDSIDE_MISMATCH',
        din: input.din,
        patientId: input.patientId,
        expectedPatientId: await issuedPatientOf(deps, input.din),
        detail: `${error.code}: ${error.message}`,
        at: deps.clock(),
        actor: user.username,
      });
    }
    throw error;
  }
};

/** The patient the unit was issued to, if it was issued at all (for the near-miss record). */
const issuedPatientOf = async (deps: CommandDeps, din: string): Promise<string | null> => {
  const unit = await getUnit(deps.db, din);
  return unit?.status === 'issued' ? unit.patientId : null;
};

export const startTransfusion = (
  deps: CommandDeps,
  user: AuthUser,
  din: string,
  patientId: string,
) => changeUnit(deps, user, din, { type: 'TRANSFUSION_STARTED', patientId });

/** Releases reservations whose time ran out, so the units return to shared stock. */
export const releaseLapsedReservations = async (
  deps: CommandDeps,
  batchSize = 200,
): Promise<number> => {
  const now = deps.clock();
  const lapsed = await findLapsedReservations(deps.db, now, batchSize);
  let released = 0;
  for (const unit of lapsed) {
    const ctx = { at: now, siteId: unit.siteId, actor: 'system:reservation-expiry' };
    try {
      await recordUnitEvents(deps, [
        { din: unit.din, event: { type: 'RESERVATION_RELEASED' }, ctx },
      ]);
      released += 1;
    } catch (error) {
      if (!isDomainError(error)) throw error; // changed meanwhile (issued, held): nothing to release
    }
  }
  return released;
};
