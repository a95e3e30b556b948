import {
  donorPreference,
  groupIndex,
  selectUnitsForIssue,
  selectUnitsForReservation,
  type BloodGroup,
  type ComponentClass,
  type IssueRequest,
} from '@hemonet/core';
import type { AuthUser } from '../auth/user.js';
import { listIssuableUnits, type UnitRow } from '../db/repos/unit-queries-repo.js';
import type { CommandDeps } from './deps.js';
import {
  groupedStock,
  NETWORK_ISSUE_OPTIONS,
  toPolicyMinutes,
  type PolicyUnit,
} from './network-policy.js';
import { patientAtUserSite, requirePatientGroup } from './patients.js';
import { factorsOf } from './transfusion.js';

export const suggestionPurposes = ['transfuse', 'reserve'] as const;
export type SuggestionPurpose = (typeof suggestionPurposes)[number];

export interface SuggestionInput {
  patientId: string;
  componentClass: ComponentClass;
  quantity: number;
  purpose: SuggestionPurpose;
  /** How long a reservation holds the units before they return to stock (`reserve` only). */
  holdHours: number;
}

export interface UnitSuggestion {
  din: string;
  bloodGroup: BloodGroup;
  expiresAt: Date;
  /** A compatible unit of another ABO/RhD group than the patient's. */
  substitute: boolean;
}

export interface UnitSuggestions {
  suggestions: UnitSuggestion[];
  /** Units asked for that the site cannot offer. */
  shortfall: number;
}

type Candidate = PolicyUnit<UnitRow>;

/**
 * Which units a blood bank should crossmatch or issue for a patient of the user's site, chosen by
 * the same core functions the digital twin runs under the network policy. Advice only: nothing is
 * reserved, and the reservation or issue still goes through the lifecycle's checks.
 */
export const suggestUnits = async (
  deps: CommandDeps,
  user: AuthUser,
  input: SuggestionInput,
): Promise<UnitSuggestions> => {
  const patient = await patientAtUserSite(deps.db, user, input.patientId);
  const patientGroup = await requirePatientGroup(deps.db, patient.id);
  const at = deps.clock();
  const rows = await listIssuableUnits(deps.db, {
    siteId: user.siteId,
    componentClass: input.componentClass,
    at,
  });
  const recipientGroup = groupIndex(patientGroup);
  // The same factors the lifecycle checks compatibility with, so every suggestion would pass it.
  const donors = donorPreference(input.componentClass, patientGroup, factorsOf(patient, at));
  const request: IssueRequest<Candidate> = {
    now: toPolicyMinutes(at),
    quantity: input.quantity,
    recipientGroup,
    donorOrder: donors.map(groupIndex),
    emergency: false,
    stock: groupedStock(rows), // listIssuableUnits answers first expiry first
  };
  const { units, shortfall } =
    input.purpose === 'reserve'
      ? selectUnitsForReservation(request, input.holdHours * 60, NETWORK_ISSUE_OPTIONS)
      : selectUnitsForIssue(request, NETWORK_ISSUE_OPTIONS);
  const suggestions = units.map(({ row, group }) => ({
    din: row.din,
    bloodGroup: { abo: row.abo, rhd: row.rhd },
    expiresAt: row.expiresAt,
    substitute: group !== recipientGroup,
  }));
  return { suggestions, shortfall };
};
