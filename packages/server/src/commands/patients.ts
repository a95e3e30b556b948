import { randomUUID } from 'node:crypto';
import { DomainError, type BloodGroup } from '@hemonet/core';
import { assertActsAtSite, assertCanReadSite } from '../auth/site-scope.js';
import type { AuthUser } from '../auth/user.js';
import { recordAudit } from '../db/repos/audit-repo.js';
import {
  getPatient,
  insertPatient,
  insertTyping,
  listTypings,
  type Patient,
  type Sex,
} from '../db/repos/patients-repo.js';
import type { Queryable } from '../db/sql-client.js';
import type { CommandDeps } from './deps.js';

export const registerPatient = async (
  deps: CommandDeps,
  input: { mrn: string; sex: Sex; birthYear?: number | undefined },
  user: AuthUser,
): Promise<Patient> => {
  const patient = {
    id: randomUUID(),
    siteId: user.siteId,
    mrn: input.mrn,
    sex: input.sex,
    birthYear: input.birthYear ?? null,
    createdAt: deps.clock(),
  };
  await deps.db.transaction(async (tx) => {
    if (!(await insertPatient(tx, patient, user.username))) {
      throw new DomainError(
        'PATIENT_EXISTS',
        `a patient with MRN ${input.mrn} already exists at ${user.siteId}`,
        { mrn: input.mrn },
      );
    }
    await recordAudit(tx, {
      actor: user.username,
      siteId: user.siteId,
      action: 'PATIENT_REGISTERED',
      entity: 'patient',
      entityId: patient.id,
      at: patient.createdAt,
    });
  });
  return patient;
};

/** A patient the user may read: only at the patient's own site (auditors everywhere). */
export const readablePatient = async (
  db: Queryable,
  user: AuthUser,
  patientId: string,
): Promise<Patient> => {
  const patient = await getPatient(db, patientId);
  if (!patient)
    throw new DomainError('PATIENT_NOT_FOUND', `no patient ${patientId}`, { patientId });
  assertCanReadSite(user, patient.siteId);
  return patient;
};

/** A patient the user may act for: at the user's own site. */
export const patientAtUserSite = async (
  db: Queryable,
  user: AuthUser,
  patientId: string,
): Promise<Patient> => {
  const patient = await readablePatient(db, user, patientId);
  assertActsAtSite(user, patient.siteId);
  return patient;
};

export interface PatientBloodGroup {
  /** The group every typing agrees on, or null when untyped or discordant. */
  bloodGroup: BloodGroup | null;
  typings: number;
  /** Two concordant typings from different samples: an electronic issue prerequisite (AABB). */
  confirmed: boolean;
  discrepancy: boolean;
}

export const summariseTypings = (
  typings: readonly { bloodGroup: BloodGroup; sampleId: string }[],
): PatientBloodGroup => {
  const groups = new Set(typings.map((t) => `${t.bloodGroup.abo}${t.bloodGroup.rhd}`));
  const discrepancy = groups.size > 1;
  const samples = new Set(typings.map((t) => t.sampleId));
  return {
    bloodGroup: discrepancy ? null : (typings[0]?.bloodGroup ?? null),
    typings: typings.length,
    confirmed: !discrepancy && samples.size >= 2,
    discrepancy,
  };
};

export const patientBloodGroup = async (
  db: Queryable,
  patientId: string,
): Promise<PatientBloodGroup> => summariseTypings(await listTypings(db, patientId));

/** Records one typing; a typing that disagrees with earlier ones is kept and flags a discrepancy. */
export const recordTyping = async (
  deps: CommandDeps,
  user: AuthUser,
  patientId: string,
  input: { bloodGroup: BloodGroup; sampleId: string },
): Promise<PatientBloodGroup> => {
  await patientAtUserSite(deps.db, user, patientId);
  const at = deps.clock();
  await deps.db.transaction(async (tx) => {
    await insertTyping(tx, patientId, { ...input, recordedAt: at, recordedBy: user.username });
    await recordAudit(tx, {
      actor: user.username,
      siteId: user.siteId,
      action: 'PATIENT_TYPED',
      entity: 'patient',
      entityId: patientId,
      at,
      details: { ...input },
    });
  });
  return patientBloodGroup(deps.db, patientId);
};

/** The group to crossmatch against: it must be known and free of discrepancies. */
export const requirePatientGroup = async (
  db: Queryable,
  patientId: string,
): Promise<BloodGroup> => {
  const summary = await patientBloodGroup(db, patientId);
  if (summary.discrepancy)
    throw new DomainError(
      'PATIENT_GROUP_DISCREPANCY',
      `patient ${patientId} has discordant blood group typings`,
      { patientId },
    );
  // The same code as core's refusal of a routine issue without the group.
  if (!summary.bloodGroup)
    throw new DomainError(
      'PATIENT_GROUP_REQUIRED',
      `patient ${patientId} has no blood group typing`,
      { patientId },
    );
  return summary.bloodGroup;
};
