import { describe, expect, it } from 'vitest';
import { applyUnitEvent } from './apply.js';
import { parseUnitState } from './state.js';
import {
  availableUnit,
  codeOf,
  componentCreated,
  ctx,
  days,
  fold,
  group,
  issue,
  minutes,
} from './test-support/factories.js';
import type { UnitEvent } from './types.js';

const irradiate: UnitEvent = { type: 'IRRADIATED' };
const thaw: UnitEvent = { type: 'THAWED' };
const hours = (n: number): number => n * 3_600_000;

describe('IRRADIATED', () => {
  it('turns red cells into irradiated red cells, 28 d from irradiation capped at the original', () => {
    const early = applyUnitEvent(availableUnit(), irradiate, ctx(days(2)));
    expect(early).toMatchObject({ componentClass: 'RED_CELLS_IRRADIATED', status: 'available' });
    expect(early.expiresAt).toEqual(days(30));
    const late = applyUnitEvent(availableUnit(), irradiate, ctx(days(10)));
    expect(late.expiresAt).toEqual(days(35));
  });

  it('records the original class, product code and expiry for the trace', () => {
    const s = applyUnitEvent(
      availableUnit(),
      { type: 'IRRADIATED', productCode: 'E0398V00' },
      ctx(days(2), 'centre'),
    );
    expect(s.productCode).toBe('E0398V00');
    expect(s.modifications).toEqual([
      {
        kind: 'IRRADIATED',
        at: days(2),
        siteId: 'centre',
        fromClass: 'RED_CELLS',
        toClass: 'RED_CELLS_IRRADIATED',
        fromProductCode: 'E9010V00',
        productCode: 'E0398V00',
        fromExpiresAt: days(35),
        expiresAt: days(30),
      },
    ]);
    expect(parseUnitState(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  it('keeps the platelet dating and never extends any expiry, whatever the overrides', () => {
    const platelets = applyUnitEvent(
      availableUnit({ cls: 'PLATELETS', expiresAt: days(3) }),
      irradiate,
      ctx(days(1)),
    );
    expect(platelets).toMatchObject({ componentClass: 'PLATELETS_IRRADIATED', expiresAt: days(3) });
    const uncapped = { RED_CELLS_IRRADIATED: { shelfLife: { notAfterOriginal: false } } };
    const s = applyUnitEvent(availableUnit(), irradiate, ctx(days(30)), {
      ruleOverrides: uncapped,
    });
    expect(s.expiresAt).toEqual(days(35));
    const uk = { RED_CELLS_IRRADIATED: { shelfLife: { amount: 14 } } };
    expect(
      applyUnitEvent(availableUnit(), irradiate, ctx(days(2)), { ruleOverrides: uk }).expiresAt,
    ).toEqual(days(16));
  });

  it('applies only to red cells and platelets, once', () => {
    const once = applyUnitEvent(availableUnit(), irradiate, ctx());
    expect(codeOf(() => applyUnitEvent(once, irradiate, ctx()))).toBe(
      'MODIFICATION_NOT_APPLICABLE',
    );
    for (const cls of ['WHOLE_BLOOD', 'PLASMA', 'CRYO_THAWED'] as const) {
      expect(codeOf(() => applyUnitEvent(availableUnit({ cls }), irradiate, ctx()))).toBe(
        'MODIFICATION_NOT_APPLICABLE',
      );
    }
  });
});

describe('THAWED', () => {
  const plasma = () => availableUnit({ cls: 'PLASMA', expiresAt: days(365) });

  it('thaws plasma for 24 h from the thaw; it leaves the freezer', () => {
    const stored = applyUnitEvent(plasma(), { type: 'STORED', locationId: 'freezer-1' }, ctx());
    const s = applyUnitEvent(stored, thaw, ctx(days(10)));
    expect(s).toMatchObject({
      componentClass: 'PLASMA_THAWED',
      status: 'available',
      locationId: null,
      outOfStorageSince: days(10),
    });
    expect(s.expiresAt).toEqual(new Date(days(10).getTime() + hours(24)));
    expect(s.modifications?.[0]).toMatchObject({ kind: 'THAWED', fromClass: 'PLASMA' });
    const fridge = applyUnitEvent(s, { type: 'STORED', locationId: 'fridge-1' }, ctx(days(10)));
    expect(fridge.outOfStorageSince).toBeNull();
    expect(codeOf(() => applyUnitEvent(fridge, issue('p1', 'O+'), ctx(days(11))))).toBe(
      'UNIT_EXPIRED',
    );
    expect(applyUnitEvent(fridge, issue('p1', 'O+'), ctx(days(10))).status).toBe('issued');
  });

  it('thaws cryo by the jurisdiction rules and never past the frozen expiry', () => {
    const cryo = availableUnit({ cls: 'CRYO', expiresAt: days(365) });
    expect(applyUnitEvent(cryo, thaw, ctx()).expiresAt).toEqual(minutes(4 * 60));
    expect(applyUnitEvent(cryo, thaw, ctx(), { jurisdiction: 'US' }).expiresAt).toEqual(
      minutes(6 * 60),
    );
    const nearlyOut = availableUnit({ cls: 'PLASMA', expiresAt: minutes(90) });
    expect(applyUnitEvent(nearlyOut, thaw, ctx()).expiresAt).toEqual(minutes(90));
  });

  it('applies only to frozen plasma and cryo, once (never refrozen)', () => {
    const thawed = applyUnitEvent(plasma(), thaw, ctx());
    expect(codeOf(() => applyUnitEvent(thawed, thaw, ctx()))).toBe('MODIFICATION_NOT_APPLICABLE');
    expect(codeOf(() => applyUnitEvent(availableUnit(), thaw, ctx()))).toBe(
      'MODIFICATION_NOT_APPLICABLE',
    );
  });
});

describe('when a unit may be modified', () => {
  it('from available or reserved stock, not expired, at the holding site', () => {
    const reserve: UnitEvent = {
      type: 'RESERVED',
      patientId: 'p1',
      patientGroup: group('O+'),
      until: days(1),
    };
    const reserved = applyUnitEvent(availableUnit(), reserve, ctx());
    const irradiated = applyUnitEvent(reserved, irradiate, ctx(minutes(5)));
    expect(irradiated).toMatchObject({ status: 'reserved', reservation: { patientId: 'p1' } });
    expect(codeOf(() => applyUnitEvent(availableUnit(), irradiate, ctx(days(35))))).toBe(
      'UNIT_EXPIRED',
    );
    expect(codeOf(() => applyUnitEvent(availableUnit(), irradiate, ctx(days(1), 'h1')))).toBe(
      'WRONG_SITE',
    );
  });

  it('never while quarantined, held, issued or in transit', () => {
    const held = applyUnitEvent(availableUnit(), { type: 'HELD', reason: 'MANUAL' }, ctx());
    const issued = applyUnitEvent(availableUnit(), issue(), ctx());
    const shipped = applyUnitEvent(
      availableUnit(),
      { type: 'SHIPPED', toSite: 'h1', shipmentId: 's1' },
      ctx(),
    );
    for (const s of [fold([componentCreated()]), held, issued, shipped]) {
      expect(codeOf(() => applyUnitEvent(s, irradiate, ctx()))).toBe('ILLEGAL_TRANSITION');
    }
  });
});
