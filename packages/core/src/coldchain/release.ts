import { z } from 'zod';

/**
 * Whether a unit held after a temperature excursion may be released. NHSBT: closed-system red
 * cells whose temperature stayed within 1–10 °C may be released once only, after an excursion of
 * at most 5 h; a unit already released after an earlier excursion must be discarded.
 */
export const excursionReleaseRuleSchema = z.object({
  maxExcursions: z.number().int().positive(),
  maxDurationMs: z.number().positive(),
  minC: z.number(),
  maxC: z.number(),
});
export type ExcursionReleaseRule = z.infer<typeof excursionReleaseRuleSchema>;

/** NHSBT red-cell rule (hospital.blood.co.uk, temperature excursions). */
export const nhsbtRedCellReleaseRule: ExcursionReleaseRule = {
  maxExcursions: 1,
  maxDurationMs: 5 * 3_600_000,
  minC: 1,
  maxC: 10,
};

export interface ExcursionExposure {
  durationMs: number;
  minC: number | null;
  maxC: number | null;
}

export type ReleaseDecision =
  | { allowed: true }
  | {
      allowed: false;
      reason: 'NO_RELEASE_RULE' | 'PREVIOUS_EXCURSION' | 'TOO_LONG' | 'OUTSIDE_RELEASE_RANGE';
    };

/** `previousReleases`: how many times the unit was already released after an excursion. */
export function decideExcursionRelease(
  rule: ExcursionReleaseRule | null,
  previousReleases: number,
  exposure: ExcursionExposure,
): ReleaseDecision {
  if (rule === null) return { allowed: false, reason: 'NO_RELEASE_RULE' };
  if (previousReleases >= rule.maxExcursions)
    return { allowed: false, reason: 'PREVIOUS_EXCURSION' };
  if (exposure.durationMs > rule.maxDurationMs) return { allowed: false, reason: 'TOO_LONG' };
  const inside = (v: number | null) => v === null || (v >= rule.minC && v <= rule.maxC);
  if (!inside(exposure.minC) || !inside(exposure.maxC))
    return { allowed: false, reason: 'OUTSIDE_RELEASE_RANGE' };
  return { allowed: true };
}
