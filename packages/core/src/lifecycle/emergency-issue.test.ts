import { describe, expect, it } from 'vitest';
import type { RecipientFactors } from '../compat/recipient.js';
import { applyUnitEvent } from './apply.js';
import { parseUnitState } from './state.js';
import { availableUnit, codeOf, ctx, group } from './test-support/factories.js';
import type { UnitEvent } from './types.js';

type IssuedEvent = Extract<UnitEvent, { type: 'ISSUED' }>;

/** An ISSUED event without the patient's group (patient not yet grouped). */
const ungrouped = (emergency: boolean, patientFactors?: RecipientFactors): IssuedEvent => ({
  type: 'ISSUED',
  patientId: 'p1',
  emergency,
  ...(patientFactors ? { patientFactors } : {}),
});
const man: RecipientFactors = { sex: 'M', ageYears: 40 };
const womanOver50: RecipientFactors = { sex: 'F', ageYears: 60 };
const womanUnder50: RecipientFactors = { sex: 'F', ageYears: 30 };

describe('issue without the patient group', () => {
  it('is refused for routine issue with PATIENT_GROUP_REQUIRED', () => {
    expect(codeOf(() => applyUnitEvent(availableUnit(), ungrouped(false), ctx()))).toBe(
      'PATIENT_GROUP_REQUIRED',
    );
    const noFlag: UnitEvent = { type: 'ISSUED', patientId: 'p1' };
    expect(codeOf(() => applyUnitEvent(availableUnit(), noFlag, ctx()))).toBe(
      'PATIENT_GROUP_REQUIRED',
    );
  });

  it('reservations still need the group (crossmatch)', () => {
    const reserve = {
      type: 'RESERVED',
      patientId: 'p1',
      until: new Date(),
    } as unknown as UnitEvent;
    expect(codeOf(() => applyUnitEvent(availableUnit(), reserve, ctx()))).toBe('EVENT_INVALID');
  });
});

describe('emergency release to a patient of unknown group (domain.md §3)', () => {
  it('gives O RhD-negative red cells to anyone, the state recording no group', () => {
    const s = applyUnitEvent(availableUnit({ bloodGroup: 'O-' }), ungrouped(true), ctx());
    expect(s.status).toBe('issued');
    expect(s.issuedTo).toMatchObject({ patientId: 'p1', emergency: true });
    expect(s.issuedTo?.patientGroup).toBeUndefined();
    expect(parseUnitState(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  it('O RhD-positive only to men and women of 50 or more', () => {
    const oPos = availableUnit({ bloodGroup: 'O+' });
    for (const f of [man, womanOver50]) {
      expect(applyUnitEvent(oPos, ungrouped(true, f), ctx()).status).toBe('issued');
    }
    for (const f of [
      undefined,
      womanUnder50,
      { sex: 'U' as const, ageYears: 70 },
      { sex: 'F' as const },
    ]) {
      expect(codeOf(() => applyUnitEvent(oPos, ungrouped(true, f), ctx()))).toBe('INCOMPATIBLE');
    }
  });

  it('never a non-O red cell, even one that would suit most patients', () => {
    for (const g of ['A-', 'B-', 'AB-', 'A+']) {
      const s = availableUnit({ bloodGroup: g });
      expect(() => applyUnitEvent(s, ungrouped(true, man), ctx())).toThrow(
        /not compatible with a patient of unknown group \(emergency release\)/,
      );
    }
  });

  it('AB then A plasma; never O or B plasma', () => {
    for (const g of ['AB+', 'AB-', 'A+', 'A-']) {
      const s = availableUnit({ cls: 'PLASMA', bloodGroup: g });
      expect(applyUnitEvent(s, ungrouped(true), ctx()).status).toBe('issued');
    }
    for (const g of ['O-', 'O+', 'B-']) {
      const s = availableUnit({ cls: 'PLASMA', bloodGroup: g });
      expect(codeOf(() => applyUnitEvent(s, ungrouped(true), ctx()))).toBe('INCOMPATIBLE');
    }
  });

  it('a known group in an emergency still uses the group-specific rules', () => {
    const aNeg = availableUnit({ bloodGroup: 'A-' });
    const grouped: IssuedEvent = { ...ungrouped(true, man), patientGroup: group('A+') };
    expect(applyUnitEvent(aNeg, grouped, ctx()).issuedTo?.patientGroup).toEqual(group('A+'));
  });
});
