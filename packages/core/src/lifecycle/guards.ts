import { isCompatible } from '../compat/compatibility.js';
import { emergencyDonorGroups } from '../compat/emergency.js';
import { sameGroup, type RecipientFactors } from '../compat/recipient.js';
import type { BloodGroup } from '../blood-group.js';
import { formatBloodGroup } from '../blood-group.js';
import { DomainError } from '../errors.js';
import type { UnitState } from './state.js';
import type { EventContext, UnitEventType } from './types.js';

/** Safety checks shared by the transitions. Each throws a DomainError naming the rule. */

export const isExpiredAt = (s: UnitState, at: Date): boolean =>
  at.getTime() >= s.expiresAt.getTime();

export const assertNotExpired = (s: UnitState, ctx: EventContext, event: UnitEventType): void => {
  if (isExpiredAt(s, ctx.at)) {
    throw new DomainError(
      'UNIT_EXPIRED',
      `unit ${s.din} expired at ${s.expiresAt.toISOString()}: ${event} refused`,
      { din: s.din, expiresAt: s.expiresAt.toISOString(), at: ctx.at.toISOString(), event },
    );
  }
};

export const assertAtSite = (s: UnitState, ctx: EventContext, event: UnitEventType): void => {
  if (s.siteId !== ctx.siteId) {
    throw new DomainError(
      'WRONG_SITE',
      `unit ${s.din} is at site ${s.siteId}, not ${ctx.siteId}: ${event} refused`,
      { din: s.din, unitSite: s.siteId, siteId: ctx.siteId, event },
    );
  }
};

/** The active reservation, if any: an expired reservation counts as none. */
export const activeReservation = (s: UnitState, at: Date): UnitState['reservation'] =>
  s.reservation && s.reservation.until.getTime() > at.getTime() ? s.reservation : null;

export const assertNotReservedForOther = (s: UnitState, patientId: string, at: Date): void => {
  const r = activeReservation(s, at);
  if (r && r.patientId !== patientId) {
    throw new DomainError(
      'RESERVED_FOR_OTHER_PATIENT',
      `unit ${s.din} is reserved for another patient until ${r.until.toISOString()}`,
      { din: s.din, until: r.until.toISOString() },
    );
  }
};

export interface CompatibilityRequest {
  /** Unknown (absent) only in an emergency release before the patient is grouped. */
  patientGroup?: BloodGroup;
  factors?: RecipientFactors;
  /** Uncrossmatched emergency release: `emergencyDonorGroups` rules apply. */
  emergency?: boolean;
}

/**
 * Whether the unit may go to the patient: routine ABO/RhD rules, or the emergency-release rules
 * (which, for a patient of unknown group, allow only the universal groups: domain.md §3). A
 * routine request without a patient group is never suitable.
 */
export const unitSuitsPatient = (s: UnitState, req: CompatibilityRequest): boolean => {
  if (req.emergency) {
    const groups = emergencyDonorGroups(s.componentClass, {
      ...req.factors,
      ...(req.patientGroup ? { group: req.patientGroup } : {}),
    });
    return groups.some((g) => sameGroup(g, s.bloodGroup));
  }
  return (
    req.patientGroup !== undefined &&
    isCompatible(s.componentClass, s.bloodGroup, req.patientGroup, req.factors)
  );
};

/** Routine (crossmatched) issue needs the patient's group; only emergency release may go without. */
export const assertPatientGroupKnown = (
  s: UnitState,
  req: CompatibilityRequest,
  event: UnitEventType,
): void => {
  if (req.patientGroup === undefined && !req.emergency) {
    throw new DomainError(
      'PATIENT_GROUP_REQUIRED',
      `unit ${s.din}: ${event} needs the patient's ABO/RhD group unless it is an emergency release`,
      { din: s.din, event },
    );
  }
};

const describePatient = (req: CompatibilityRequest): string =>
  req.patientGroup
    ? `a ${formatBloodGroup(req.patientGroup)} patient`
    : 'a patient of unknown group';

export const assertCompatible = (s: UnitState, req: CompatibilityRequest): void => {
  if (!unitSuitsPatient(s, req)) {
    throw new DomainError(
      'INCOMPATIBLE',
      `${formatBloodGroup(s.bloodGroup)} ${s.componentClass} unit ${s.din} is not compatible with ` +
        `${describePatient(req)}${req.emergency ? ' (emergency release)' : ''}`,
      {
        din: s.din,
        unitGroup: s.bloodGroup,
        patientGroup: req.patientGroup ?? null,
        emergency: !!req.emergency,
      },
    );
  }
};

export const assertIssuedTo = (s: UnitState, patientId: string, event: UnitEventType): void => {
  if (s.issuedTo?.patientId !== patientId) {
    throw new DomainError(
      'PATIENT_MISMATCH',
      `unit ${s.din} was issued to another patient: ${event} for this patient refused`,
      { din: s.din, event },
    );
  }
};
