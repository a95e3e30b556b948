import { describe, expect, it } from 'vitest';
import { applyUnitEvent } from './apply.js';
import {
  allTestsNegative,
  availableUnit,
  codeOf,
  componentCreated,
  ctx,
  days,
  fold,
  group,
  issue,
  minutes,
  T0,
} from './test-support/factories.js';
import type { UnitEvent } from './types.js';

describe('creation', () => {
  it('COLLECTED creates a collected unit; creating twice is UNIT_EXISTS', () => {
    const collected: UnitEvent = {
      type: 'COLLECTED',
      din: 'G123417654321',
      donorId: 'd',
      donationId: 'dn',
      componentClass: 'WHOLE_BLOOD',
      productCode: 'E9001V00',
      bloodGroup: group('A-'),
      collectedAt: T0.toISOString(),
      expiresAt: days(35).toISOString(),
    };
    const s = applyUnitEvent(undefined, collected, ctx());
    expect(s).toMatchObject({
      din: 'G123417654321',
      status: 'collected',
      siteId: 'centre',
      version: 1,
    });
    expect(s.collectedAt).toEqual(T0);
    expect(codeOf(() => applyUnitEvent(s, collected, ctx()))).toBe('UNIT_EXISTS');
    expect(codeOf(() => applyUnitEvent(undefined, { type: 'RELEASED' }, ctx()))).toBe(
      'UNIT_NOT_FOUND',
    );
  });

  it('rejects malformed events with EVENT_INVALID', () => {
    expect(
      codeOf(() => applyUnitEvent(undefined, { type: 'NOPE' } as unknown as UnitEvent, ctx())),
    ).toBe('EVENT_INVALID');
    const backwards = componentCreated('G123417654321', { expiresAt: minutes(-1) });
    expect(codeOf(() => applyUnitEvent(undefined, backwards, ctx()))).toBe('EVENT_INVALID');
  });

  it('whole blood goes collected → in processing → processed', () => {
    const wb = fold([
      { ...componentCreated(), type: 'COLLECTED' } as UnitEvent,
      { type: 'PROCESSING_STARTED' },
      { type: 'PROCESSED', componentDins: ['G123417654322'] },
    ]);
    expect(wb.status).toBe('processed');
    expect(wb.fate).toEqual({ status: 'processed', at: T0 });
  });
});

describe('release from test quarantine', () => {
  it('needs every required test, all negative', () => {
    const created = fold([componentCreated()]);
    expect(created.status).toBe('quarantined');
    expect(codeOf(() => fold([{ type: 'RELEASED' }], ctx(), undefined, created))).toBe(
      'TESTS_INCOMPLETE',
    );
    const positive = fold(
      [...allTestsNegative, { type: 'TEST_RESULT', test: 'HBsAg', result: 'positive' }],
      ctx(),
      undefined,
      created,
    );
    expect(codeOf(() => applyUnitEvent(positive, { type: 'RELEASED' }, ctx()))).toBe(
      'TEST_POSITIVE',
    );
    const retested = fold(
      [{ type: 'TEST_RESULT', test: 'HBsAg', result: 'negative' }],
      ctx(),
      undefined,
      positive,
    );
    expect(retested.tests.HBsAg).toBe('positive');
    expect(
      fold([...allTestsNegative, { type: 'RELEASED' }], ctx(), undefined, created).status,
    ).toBe('available');
  });

  it('accepts a custom required test list', () => {
    const s = fold(
      [
        componentCreated(),
        { type: 'TEST_RESULT', test: 'HIV', result: 'negative' },
        { type: 'RELEASED' },
      ],
      ctx(),
      {
        requiredTests: ['HIV'],
      },
    );
    expect(s.status).toBe('available');
  });
});

describe('reserve and issue safety', () => {
  it('refuses expired, wrong-site and incompatible units', () => {
    const s = availableUnit({ bloodGroup: 'A+', expiresAt: days(2) });
    expect(codeOf(() => applyUnitEvent(s, issue('p1', 'A+'), ctx(days(2))))).toBe('UNIT_EXPIRED');
    expect(codeOf(() => applyUnitEvent(s, issue('p1', 'A+'), ctx(T0, 'hospital-7')))).toBe(
      'WRONG_SITE',
    );
    expect(codeOf(() => applyUnitEvent(s, issue('p1', 'O+'), ctx()))).toBe('INCOMPATIBLE');
    expect(codeOf(() => applyUnitEvent(s, issue('p1', 'A-'), ctx()))).toBe('INCOMPATIBLE');
    expect(applyUnitEvent(s, issue('p1', 'AB+'), ctx()).status).toBe('issued');
  });

  it('an incompatible-unit error explains itself', () => {
    const s = availableUnit({ bloodGroup: 'A+' });
    expect(() => applyUnitEvent(s, issue('p1', 'O+'), ctx())).toThrow(
      /A RhD positive RED_CELLS unit .* O RhD positive patient/,
    );
  });

  it('emergency issue follows the emergency rules (RhD-pos to an RhD-neg man)', () => {
    const s = availableUnit({ bloodGroup: 'O+' });
    expect(codeOf(() => applyUnitEvent(s, issue('p1', 'O-'), ctx()))).toBe('INCOMPATIBLE');
    const man = { ...issue('p1', 'O-', true), patientFactors: { sex: 'M' as const } };
    expect(applyUnitEvent(s, man, ctx()).issuedTo).toMatchObject({
      patientId: 'p1',
      emergency: true,
    });
    const woman = {
      ...issue('p1', 'O-', true),
      patientFactors: { sex: 'F' as const, ageYears: 30 },
    };
    expect(codeOf(() => applyUnitEvent(s, woman, ctx()))).toBe('INCOMPATIBLE');
  });

  it('keeps reservations for their patient until they lapse', () => {
    const reserve: UnitEvent = {
      type: 'RESERVED',
      patientId: 'p1',
      patientGroup: group('O+'),
      until: minutes(60),
    };
    const s = applyUnitEvent(availableUnit(), reserve, ctx());
    expect(s.status).toBe('reserved');
    expect(codeOf(() => applyUnitEvent(s, issue('p2'), ctx(minutes(30))))).toBe(
      'RESERVED_FOR_OTHER_PATIENT',
    );
    expect(codeOf(() => applyUnitEvent(s, { ...reserve, patientId: 'p2' }, ctx(minutes(30))))).toBe(
      'RESERVED_FOR_OTHER_PATIENT',
    );
    expect(applyUnitEvent(s, issue('p2'), ctx(minutes(61))).issuedTo?.patientId).toBe('p2');
    expect(applyUnitEvent(s, issue('p1'), ctx(minutes(30))).reservation).toBeNull();
  });

  it('never reserves or issues held, quarantined or in-transit units', () => {
    const held = applyUnitEvent(availableUnit(), { type: 'HELD', reason: 'LOOKBACK' }, ctx());
    expect(codeOf(() => applyUnitEvent(held, issue(), ctx()))).toBe('ILLEGAL_TRANSITION');
    const quarantined = fold([componentCreated()]);
    expect(codeOf(() => applyUnitEvent(quarantined, issue(), ctx()))).toBe('ILLEGAL_TRANSITION');
    const shipped = applyUnitEvent(
      availableUnit(),
      { type: 'SHIPPED', toSite: 'h1', shipmentId: 's1' },
      ctx(),
    );
    expect(() => applyUnitEvent(shipped, issue(), ctx())).toThrow(
      expect.objectContaining({
        code: 'ILLEGAL_TRANSITION',
        message: expect.stringMatching(/is in_transit: ISSUED is not allowed/) as unknown,
        details: expect.objectContaining({ status: 'in_transit', event: 'ISSUED' }) as unknown,
      }),
    );
  });
});

describe('time order', () => {
  it('refuses an event earlier than the last one and leaves the state as it was', () => {
    const s = applyUnitEvent(
      availableUnit(),
      { type: 'STORED', locationId: 'f1' },
      ctx(minutes(10)),
    );
    expect(s.lastEventAt).toEqual(minutes(10));
    expect(() => applyUnitEvent(s, issue('p1', 'O+'), ctx(minutes(9)))).toThrow(
      expect.objectContaining({
        code: 'EVENT_OUT_OF_ORDER',
        details: expect.objectContaining({
          event: 'ISSUED',
          lastEventAt: minutes(10).toISOString(),
        }) as unknown,
      }),
    );
    expect(s.status).toBe('available');
    const same = applyUnitEvent(s, issue('p1', 'O+'), ctx(minutes(10)));
    expect(same).toMatchObject({ status: 'issued', lastEventAt: minutes(10) });
  });

  it('never refuses a late hold (quarantine first), and keeps the time line', () => {
    const s = applyUnitEvent(
      availableUnit(),
      { type: 'STORED', locationId: 'f1' },
      ctx(minutes(10)),
    );
    const held = applyUnitEvent(
      s,
      { type: 'HELD', reason: 'TEMPERATURE_EXCURSION' },
      ctx(minutes(9)),
    );
    expect(held).toMatchObject({ status: 'held', lastEventAt: minutes(10) });
    expect(codeOf(() => applyUnitEvent(held, { type: 'HOLD_RELEASED' }, ctx(minutes(9))))).toBe(
      'EVENT_OUT_OF_ORDER',
    );
  });

  it('dates a new unit by its creation and checks states stored without a time from their next event', () => {
    expect(fold([componentCreated()], ctx(minutes(3))).lastEventAt).toEqual(minutes(3));
    const { lastEventAt: _dropped, ...legacy } = availableUnit();
    const later = applyUnitEvent(legacy, { type: 'STORED', locationId: 'f1' }, ctx(minutes(-5)));
    expect(later.lastEventAt).toEqual(minutes(-5));
    expect(
      codeOf(() => applyUnitEvent(later, { type: 'REMOVED_FROM_STORAGE' }, ctx(minutes(-6)))),
    ).toBe('EVENT_OUT_OF_ORDER');
  });
});
