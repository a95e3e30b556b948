import { randomUUID } from 'node:crypto';
import { DomainError, isDomainError, type BloodGroup, type RecipientFactors } from '@hemonet/core';
import type { AuthUser } from '../auth/user.js';
import { recordAudit } from '../db/repos/audit-repo.js';
import { insertNearMiss } from '../db/repos/haemovigilance-repo.js';
import type { Patient } from '../db/repos/patients-repo.js';
import { findLapsedReservations } from '../db/repos/unit-queries-repo.js';
import { getUnit } from '../db/repos/units-repo.js';
import { findUserByUsername } from '../db/repos/users-repo.js';
import type { Queryable } from '../db/sql-client.js';
import type { CommandDeps } from './deps.js';
import { patientAtUserSite, patientBloodGroup, requirePatientGroup } from './patients.js';
import { recordUnitEvents, type RecordedUnitEvent } from './record-unit-events.js';
import { changeUnit, changeUnits, recordedAt } from './unit-context.js';

/** What core's compatibility rules weigh besides the group (RhD-negative for girls and women). */
export const factorsOf = (patient: Patient, at: Date): RecipientFactors => ({
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

/** The ordering physician's signed request for uncrossmatched blood (emergency release). */
export interface EmergencySignature {
  /** Username of the clinician who ordered and signed the release. */
  orderedBy: string;
  /** The signed statement, e.g. the clinical need that cannot wait for the crossmatch. */
  statement: string;
}

export interface IssueInput {
  patientId: string;
  emergency: boolean;
  /** Required when `emergency` is set. */
  signature?: EmergencySignature | undefined;
}

/**
 * The group to issue against. A routine issue needs the agreed group (PATIENT_GROUP_REQUIRED,
 * PATIENT_GROUP_DISCREPANCY). In an emergency a patient without typing, or whose typings
 * disagree, is of unknown group: the group is left out and core allows only units that suit any
 * patient (group O red cells, RhD-negative unless sex and age allow positive; domain.md §3).
 */
const issueGroup = async (
  db: Queryable,
  patientId: string,
  emergency: boolean,
): Promise<BloodGroup | undefined> =>
  emergency
    ? ((await patientBloodGroup(db, patientId)).bloodGroup ?? undefined)
    : requirePatientGroup(db, patientId);

/**
 * Uncrossmatched blood is released on the ordering physician's signed statement (domain.md §3:
 * NY 10 NYCRR 58-2.18(d); 21 CFR 606.151(e)): the signer must be an active clinician of the
 * patient's site.
 */
const requireSignature = async (
  db: Queryable,
  patient: Patient,
  signature: EmergencySignature | undefined,
): Promise<EmergencySignature> => {
  if (!signature)
    throw new DomainError('SIGNATURE_REQUIRED', 'an emergency release needs the signed request');
  const signer = await findUserByUsername(db, signature.orderedBy);
  if (!signer)
    throw new DomainError('USER_NOT_FOUND', `no user ${signature.orderedBy}`, {
      username: signature.orderedBy,
    });
  if (signer.disabled || signer.role !== 'clinician' || signer.siteId !== patient.siteId)
    throw new DomainError(
      'SIGNATURE_INVALID',
      `${signer.username} is not an active clinician of site ${patient.siteId}`,
      { username: signer.username, siteId: patient.siteId },
    );
  return signature;
};

/**
 * Issues a unit to a patient of the user's site. An emergency release is recorded with the
 * signed request in the audit log, in the ledger event's transaction (the ledger event says
 * `emergency: true`; the core event schema has no place for the signature).
 */
export const issueUnit = async (
  deps: CommandDeps,
  user: AuthUser,
  din: string,
  input: IssueInput,
): Promise<RecordedUnitEvent> => {
  const patient = await patientAtUserSite(deps.db, user, input.patientId);
  const patientGroup = await issueGroup(deps.db, patient.id, input.emergency);
  const event = {
    type: 'ISSUED' as const,
    patientId: patient.id,
    ...(patientGroup ? { patientGroup } : {}),
    emergency: input.emergency,
    patientFactors: factorsOf(patient, deps.clock()),
  };
  if (!input.emergency) return changeUnit(deps, user, din, event);
  const signature = await requireSignature(deps.db, patient, input.signature);
  return changeUnit(deps, user, din, event, (tx, recorded) =>
    recordAudit(tx, {
      actor: user.username,
      siteId: user.siteId,
      action: 'EMERGENCY_RELEASE_SIGNED',
      entity: 'unit',
      entityId: din,
      at: recordedAt(recorded),
      details: {
        patientId: patient.id,
        patientGroupKnown: patientGroup !== undefined,
        seq: recorded[0]?.seq ?? null,
        orderedBy: signature.orderedBy,
        statement: signature.statement,
      },
    }),
  );
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
    const ctx = { at: 'now' as const, siteId: unit.siteId, actor: 'system:reservation-expiry' };
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
