import { describe, expect, it } from 'vitest';
import type { BloodGroup } from '../blood-group.js';
import { emergencyDonorGroups } from './emergency.js';

const show = (list: BloodGroup[]): string[] =>
  list.map((x) => `${x.abo}${x.rhd === 'pos' ? '+' : '-'}`);

describe('emergency release', () => {
  it('group O red cells, RhD-negative for women under 50 and unknown sex or age', () => {
    expect(show(emergencyDonorGroups('RED_CELLS', {}))).toEqual(['O-']);
    expect(show(emergencyDonorGroups('RED_CELLS', { sex: 'U', ageYears: 70 }))).toEqual(['O-']);
    expect(show(emergencyDonorGroups('RED_CELLS', { sex: 'F' }))).toEqual(['O-']);
    expect(show(emergencyDonorGroups('RED_CELLS', { sex: 'F', ageYears: 49 }))).toEqual(['O-']);
    expect(show(emergencyDonorGroups('RED_CELLS', { sex: 'F', ageYears: 50 }))).toEqual([
      'O+',
      'O-',
    ]);
    expect(show(emergencyDonorGroups('RED_CELLS', { sex: 'M' }))).toEqual(['O+', 'O-']);
    expect(show(emergencyDonorGroups('WHOLE_BLOOD', { sex: 'M' }))).toEqual(['O+', 'O-']);
  });

  it('AB then A plasma and cryo when the group is unknown', () => {
    expect(show(emergencyDonorGroups('PLASMA', {}))).toEqual(['AB+', 'AB-', 'A+', 'A-']);
    expect(show(emergencyDonorGroups('CRYO_THAWED', { sex: 'M' }))).toEqual([
      'AB+',
      'AB-',
      'A+',
      'A-',
    ]);
    expect(show(emergencyDonorGroups('PLATELETS', { sex: 'F', ageYears: 20 }))).toEqual([
      'AB-',
      'A-',
    ]);
  });

  it('group-specific once the group is known; RhD-positive last resort only where allowed', () => {
    const aNeg: BloodGroup = { abo: 'A', rhd: 'neg' };
    expect(
      show(emergencyDonorGroups('RED_CELLS', { group: aNeg, sex: 'F', ageYears: 30 })),
    ).toEqual(['A-', 'O-']);
    expect(show(emergencyDonorGroups('RED_CELLS', { group: aNeg, sex: 'M' }))).toEqual([
      'A-',
      'O-',
      'A+',
      'O+',
    ]);
    expect(show(emergencyDonorGroups('PLASMA', { group: aNeg }))).toEqual([
      'A-',
      'A+',
      'AB-',
      'AB+',
    ]);
  });
});
