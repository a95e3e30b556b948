import type { BloodGroup } from '../blood-group.js';
import { compatibilityFamily, type ComponentClass } from '../components/component-class.js';
import { donorPreference } from './compatibility.js';
import { needsRhDNegative, sameGroup, type RecipientFactors } from './recipient.js';

export interface EmergencyPatient extends RecipientFactors {
  /** The patient's group if already known; switch to group-specific blood as soon as it is. */
  group?: BloodGroup;
}

const O_NEG: BloodGroup = { abo: 'O', rhd: 'neg' };
const O_POS: BloodGroup = { abo: 'O', rhd: 'pos' };

/**
 * Donor groups for uncrossmatched emergency release (domain.md §3 "Emergency"; health.vic.gov.au;
 * learnhaem massive transfusion):
 * - red cells (and whole blood, which must then be low-titre group O), group unknown: group O,
 *   RhD-negative only for women under 50 or unknown sex/age; O RhD-positive first for the others;
 * - red cells, group known: group-specific/compatible, and for RhD-negative men and women of 50 or
 *   more, RhD-positive units as a last resort when RhD-negative stock runs out;
 * - plasma and cryo, group unknown: AB, then A (low-titre anti-B only);
 * - platelets, group unknown: AB, then A (plasma reasoning: least anti-A/B), RhD-negative for
 *   women under 50 / unknown sex.
 */
export const emergencyDonorGroups = (
  cls: ComponentClass,
  patient: EmergencyPatient,
): BloodGroup[] => {
  const rhdNegOnly = needsRhDNegative(patient);
  const family = compatibilityFamily(cls);
  if (patient.group) {
    const preferred = donorPreference(cls, patient.group, patient);
    if (family !== 'red-cells' || patient.group.rhd === 'pos' || rhdNegOnly) return preferred;
    const rhdPos = donorPreference(cls, { ...patient.group, rhd: 'pos' }, patient);
    return [...preferred, ...rhdPos.filter((g) => !preferred.some((p) => sameGroup(p, g)))];
  }
  if (family === 'red-cells') return rhdNegOnly ? [O_NEG] : [O_POS, O_NEG];
  const universal: BloodGroup[] = [
    { abo: 'AB', rhd: 'pos' },
    { abo: 'AB', rhd: 'neg' },
    { abo: 'A', rhd: 'pos' },
    { abo: 'A', rhd: 'neg' },
  ];
  if (family === 'platelets' && rhdNegOnly) return universal.filter((g) => g.rhd === 'neg');
  return universal;
};
