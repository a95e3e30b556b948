import { z } from 'zod';
import type { BloodGroup } from '../blood-group.js';

/** What besides the ABO/RhD group changes the choice of donor groups. */
export const recipientFactorsSchema = z.object({
  sex: z.enum(['F', 'M', 'U']).optional(),
  ageYears: z.number().nonnegative().optional(),
  child: z.boolean().optional(),
});
export type RecipientFactors = z.infer<typeof recipientFactorsSchema>;

/** Age below which a woman is treated as of child-bearing potential (emergency O RhD-neg rule). */
export const CHILD_BEARING_AGE_LIMIT = 50;
const ADULT_AGE = 18;

export const isChild = (f: RecipientFactors = {}): boolean =>
  f.child ?? (f.ageYears !== undefined && f.ageYears < ADULT_AGE);

/**
 * RhD-negative is required for women under 50 and whenever sex or a woman's age is unknown
 * (learnhaem massive transfusion; health.vic.gov.au emergency group O red cells). Men and women
 * of 50 or more may receive RhD-positive.
 */
export const needsRhDNegative = (f: RecipientFactors = {}): boolean => {
  if (f.sex === 'M') return false;
  return !(f.sex === 'F' && f.ageYears !== undefined && f.ageYears >= CHILD_BEARING_AGE_LIMIT);
};

export const sameGroup = (a: BloodGroup, b: BloodGroup): boolean =>
  a.abo === b.abo && a.rhd === b.rhd;
