import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allBloodGroups, type BloodGroup } from '../blood-group.js';
import { componentClasses, type ComponentClass } from '../components/component-class.js';
import { donorPreference, isCompatible } from './compatibility.js';

const g = (s: string): BloodGroup => ({
  abo: s.replace(/[+-]$/, '') as BloodGroup['abo'],
  rhd: s.endsWith('+') ? 'pos' : 'neg',
});
const show = (list: BloodGroup[]): string[] =>
  list.map((x) => `${x.abo}${x.rhd === 'pos' ? '+' : '-'}`);
const prefs = (cls: ComponentClass, recipient: string, opts = {}): string[] =>
  show(donorPreference(cls, g(recipient), opts));

describe('red cells (domain.md §3)', () => {
  it('follows ABO and RhD rules with ABO-identical first', () => {
    expect(prefs('RED_CELLS', 'O-')).toEqual(['O-']);
    expect(prefs('RED_CELLS', 'O+')).toEqual(['O+', 'O-']);
    expect(prefs('RED_CELLS', 'A+')).toEqual(['A+', 'A-', 'O+', 'O-']);
    expect(prefs('RED_CELLS', 'B-')).toEqual(['B-', 'O-']);
    expect(prefs('RED_CELLS_IRRADIATED', 'AB+')).toEqual([
      'AB+',
      'AB-',
      'A+',
      'A-',
      'B+',
      'B-',
      'O+',
      'O-',
    ]);
    expect(prefs('RED_CELLS', 'AB-')).toEqual(['AB-', 'A-', 'B-', 'O-']);
  });

  it('whole blood is ABO-identical', () => {
    expect(prefs('WHOLE_BLOOD', 'AB+')).toEqual(['AB+', 'AB-']);
    expect(prefs('WHOLE_BLOOD', 'A-')).toEqual(['A-']);
  });

  it('never allows an ABO-incompatible red cell (exhaustive)', () => {
    const antigens = (abo: string): string[] =>
      abo === 'AB' ? ['A', 'B'] : abo === 'O' ? [] : [abo];
    for (const donor of allBloodGroups) {
      for (const recipient of allBloodGroups) {
        const aboOk = antigens(donor.abo).every((a) => antigens(recipient.abo).includes(a));
        const rhdOk = donor.rhd === 'neg' || recipient.rhd === 'pos';
        expect(isCompatible('RED_CELLS', donor, recipient)).toBe(aboOk && rhdOk);
      }
    }
  });
});

describe('plasma and cryo: RhD does not matter', () => {
  it('plasma by ABO, AB taking A only after AB', () => {
    expect(prefs('PLASMA', 'O+')).toEqual(['O+', 'O-', 'A+', 'A-', 'B+', 'B-', 'AB+', 'AB-']);
    expect(prefs('PLASMA_THAWED', 'A-')).toEqual(['A-', 'A+', 'AB-', 'AB+']);
    expect(prefs('PLASMA', 'B+')).toEqual(['B+', 'B-', 'AB+', 'AB-']);
    expect(prefs('PLASMA', 'AB+')).toEqual(['AB+', 'AB-', 'A+', 'A-']);
    expect(isCompatible('PLASMA', g('O+'), g('A+'))).toBe(false);
  });

  it('cryo in the UK order of choice; group O cryo only to group O', () => {
    expect(prefs('CRYO', 'A+')).toEqual(['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-']);
    expect(prefs('CRYO_THAWED', 'AB-')).toEqual(['AB-', 'AB+', 'A-', 'A+', 'B-', 'B+']);
    for (const r of ['A+', 'B-', 'AB+']) expect(isCompatible('CRYO', g('O-'), g(r))).toBe(false);
  });
});

describe('platelets (NHSBT)', () => {
  it('orders ABO as the NHSBT table', () => {
    expect(prefs('PLATELETS', 'O+', { sex: 'M' })).toEqual(['O+', 'O-', 'A+', 'A-', 'B+', 'B-']);
    expect(prefs('PLATELETS', 'A+', { sex: 'M' })).toEqual([
      'A+',
      'A-',
      'AB+',
      'AB-',
      'B+',
      'B-',
      'O+',
      'O-',
    ]);
    expect(prefs('PLATELETS', 'AB+').slice(0, 2)).toEqual(['AB+', 'AB-']);
  });

  it('RhD-negative first; all RhD-negative first for women under 50 and children', () => {
    expect(prefs('PLATELETS', 'B-', { sex: 'M', ageYears: 60 })).toEqual([
      'B-',
      'B+',
      'AB-',
      'AB+',
      'A-',
      'A+',
      'O-',
      'O+',
    ]);
    expect(prefs('PLATELETS', 'B-', { sex: 'F', ageYears: 30 })).toEqual([
      'B-',
      'AB-',
      'A-',
      'O-',
      'B+',
      'AB+',
      'A+',
      'O+',
    ]);
  });

  it('avoids group O platelets for non-O children', () => {
    expect(isCompatible('PLATELETS', g('O+'), g('A+'), { child: true })).toBe(false);
    expect(isCompatible('PLATELETS', g('O+'), g('A+'), { ageYears: 7 })).toBe(false);
    expect(isCompatible('PLATELETS', g('O+'), g('O+'), { child: true })).toBe(true);
    expect(isCompatible('PLATELETS_IRRADIATED', g('O+'), g('A+'), { ageYears: 40 })).toBe(true);
  });
});

describe('every class', () => {
  it('prefers the identical group, lists no duplicates, and agrees with isCompatible', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...componentClasses),
        fc.constantFrom(...allBloodGroups),
        fc.record({
          sex: fc.constantFrom('F' as const, 'M' as const, 'U' as const),
          ageYears: fc.integer({ min: 0, max: 99 }),
        }),
        (cls, recipient, opts) => {
          const list = donorPreference(cls, recipient, opts);
          expect(list[0]).toEqual(recipient);
          expect(new Set(show(list)).size).toBe(list.length);
          for (const donor of allBloodGroups) {
            expect(isCompatible(cls, donor, recipient, opts)).toBe(
              show(list).includes(show([donor])[0] ?? ''),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
