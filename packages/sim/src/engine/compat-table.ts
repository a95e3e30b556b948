import {
  donorPreference,
  emergencyDonorGroups,
  groupIndex,
  shelfLifeExpiry,
  type ComponentClass,
  type GroupIndex,
  allBloodGroups,
} from '@hemonet/core';
import type { Scenario } from '../scenario/schema.js';

/** The core component class each simulated component stands for. */
export const componentClassOf: readonly ComponentClass[] = [
  'RED_CELLS',
  'PLATELETS',
  'PLASMA',
  'CRYO',
];

const O_NEG = groupIndex({ abo: 'O', rhd: 'neg' });

/**
 * Compatibility tables cached once per run from core's compatibility module (the same code the
 * live network uses): donor groups per component and recipient group, most preferred first.
 */
export const buildCompatTables = () => ({
  donorOrder: componentClassOf.map((cls) =>
    allBloodGroups.map((recipient) => donorPreference(cls, recipient).map(groupIndex)),
  ),
  /**
   * Urgent patients not yet grouped get group O. With ≥99.5% of Han patients RhD-positive
   * (domain.md §6) the modelled patient is one for whom O RhD-positive is acceptable (core's rule
   * for men and women of 50 or more); O RhD-negative follows as a last resort.
   */
  emergencyRedCellGroups: emergencyDonorGroups('RED_CELLS', { sex: 'M' }).map(groupIndex),
  /** O RhD-negative is the universal red-cell group and ≤0.5% of Han donors (domain.md §6). */
  protectedGroups: [O_NEG] as GroupIndex[],
});

/** Shelf life per simulated component in minutes: scenario override, else core's rules. */
export const shelfLivesMinutes = (s: Scenario): number[] => {
  const o = s.shelfLifeDays;
  if (o) return [o.redCells, o.platelets, o.plasma, o.cryo].map((d) => d * 1440);
  const start = new Date(`${s.startDate}T00:00:00Z`);
  return componentClassOf.map(
    (cls) =>
      (shelfLifeExpiry(cls, { collectedAt: start }, s.jurisdiction).getTime() - start.getTime()) /
      60_000,
  );
};
