import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allBloodGroups } from '../blood-group.js';
import { donorPreference, isCompatible } from '../compat/index.js';
import type { ComponentClass } from '../components/component-class.js';
import { selectUnitsForIssue, selectUnitsForReservation, type IssueOptions } from './issuing.js';
import { groupAt, groupIndex, type StockUnit } from './types.js';

const O_NEG = groupIndex({ abo: 'O', rhd: 'neg' });
const classes: ComponentClass[] = ['RED_CELLS', 'PLATELETS', 'PLASMA', 'CRYO'];

const stockArb = fc
  .array(
    fc.record({
      group: fc.integer({ min: 0, max: 7 }),
      expiresAt: fc.integer({ min: 0, max: 200 }),
    }),
    {
      maxLength: 60,
    },
  )
  .map((raw) => {
    const stock: StockUnit[][] = allBloodGroups.map(() => []);
    raw.forEach((u, id) => stock[u.group]?.push({ id, ...u }));
    for (const list of stock) list.sort((a, b) => a.expiresAt - b.expiresAt);
    return stock;
  });

const optsArb = fc.record({
  protectedGroups: fc.constant([O_NEG]),
  releaseProtectedWithinMinutes: fc.integer({ min: 0, max: 100 }),
  preferExpiringSubstituteWithinMinutes: fc.integer({ min: 0, max: 100 }),
});

describe('selectUnitsForIssue', () => {
  it('never issues an incompatible, expired or duplicate unit, nor more than asked', () => {
    fc.assert(
      fc.property(
        stockArb,
        optsArb,
        fc.constantFrom(...classes),
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 0, max: 150 }),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        (stock, opts: IssueOptions, cls, recipient, now, quantity, emergency) => {
          const donorOrder = donorPreference(cls, groupAt(recipient)).map(groupIndex);
          const req = { now, quantity, recipientGroup: recipient, donorOrder, emergency, stock };
          const { units, shortfall } = selectUnitsForIssue(req, opts);
          expect(units.length + shortfall).toBe(quantity);
          expect(new Set(units.map((u) => u.id)).size).toBe(units.length);
          for (const u of units) {
            expect(u.expiresAt).toBeGreaterThan(now);
            expect(isCompatible(cls, groupAt(u.group), groupAt(recipient))).toBe(true);
            if (u.group === O_NEG && recipient !== O_NEG && !emergency) {
              expect(u.expiresAt - now).toBeLessThanOrEqual(opts.releaseProtectedWithinMinutes);
            }
          }
        },
      ),
    );
  });

  it('takes the ABO-identical group first, first expiry first', () => {
    const stock: StockUnit[][] = allBloodGroups.map(() => []);
    const aPos = groupIndex({ abo: 'A', rhd: 'pos' });
    const oPos = groupIndex({ abo: 'O', rhd: 'pos' });
    stock[oPos] = [{ id: 1, group: oPos, expiresAt: 10 }];
    stock[aPos] = [
      { id: 2, group: aPos, expiresAt: 20 },
      { id: 3, group: aPos, expiresAt: 30 },
    ];
    const donorOrder = donorPreference('RED_CELLS', { abo: 'A', rhd: 'pos' }).map(groupIndex);
    const none = {
      protectedGroups: [],
      releaseProtectedWithinMinutes: 0,
      preferExpiringSubstituteWithinMinutes: 0,
    };
    const req = { now: 0, quantity: 3, recipientGroup: aPos, donorOrder, emergency: false, stock };
    expect(selectUnitsForIssue(req, none).units.map((u) => u.id)).toEqual([2, 3, 1]);
    const rescue = { ...none, preferExpiringSubstituteWithinMinutes: 15 };
    expect(selectUnitsForIssue({ ...req, quantity: 1 }, rescue).units.map((u) => u.id)).toEqual([
      1,
    ]);
  });
});

describe('selectUnitsForReservation', () => {
  const O_POS = groupIndex({ abo: 'O', rhd: 'pos' });
  const stock: StockUnit[][] = allBloodGroups.map(() => []);
  stock[O_POS] = [10, 50, 90, 130].map((expiresAt, id) => ({ id, group: O_POS, expiresAt }));
  const req = {
    now: 0,
    quantity: 2,
    recipientGroup: O_POS,
    donorOrder: [O_POS],
    emergency: false,
    stock,
  };
  const base = { protectedGroups: [], releaseProtectedWithinMinutes: 0 };

  it('reserves first-expiry-first-out without a spare time (today: short-dated units held)', () => {
    const { units } = selectUnitsForReservation(req, 40, {
      ...base,
      preferExpiringSubstituteWithinMinutes: 0,
    });
    expect(units.map((u) => u.expiresAt)).toEqual([10, 50]);
  });

  it('with a spare time takes units still usable when the hold ends', () => {
    const { units, shortfall } = selectUnitsForReservation(req, 40, {
      ...base,
      preferExpiringSubstituteWithinMinutes: 0,
      reservationSpareMinutes: 30,
    });
    expect(units.map((u) => u.expiresAt)).toEqual([90, 130]);
    expect(shortfall).toBe(0);
  });

  it('completes the reservation with short-dated units rather than cutting it short', () => {
    const { units, shortfall } = selectUnitsForReservation({ ...req, quantity: 3 }, 40, {
      ...base,
      preferExpiringSubstituteWithinMinutes: 0,
      reservationSpareMinutes: 30,
    });
    expect(units.map((u) => u.expiresAt)).toEqual([90, 130, 10]);
    expect(shortfall).toBe(0);
  });

  it('reserves as many units as first-expiry-first-out would, long-dated ones first', () => {
    fc.assert(
      fc.property(
        stockArb,
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 8 }),
        (s, now, hold, spare, quantity) => {
          const donorOrder = donorPreference('RED_CELLS', groupAt(O_POS)).map(groupIndex);
          const opts = { ...base, preferExpiringSubstituteWithinMinutes: 20 };
          const r = { ...req, now, quantity, donorOrder, stock: s };
          const { units } = selectUnitsForReservation(r, hold, {
            ...opts,
            reservationSpareMinutes: spare,
          });
          expect(units.length).toBe(selectUnitsForIssue(r, opts).units.length);
          expect(new Set(units).size).toBe(units.length);
          const lastsUntil = now + hold + spare;
          if (units.some((u) => u.expiresAt <= lastsUntil)) {
            const longDated = selectUnitsForIssue(
              { ...r, quantity: 1000, mustLastUntil: lastsUntil },
              opts,
            ).units;
            for (const u of longDated) expect(units).toContain(u);
          }
          for (const u of units) expect(u.expiresAt).toBeGreaterThan(now);
        },
      ),
    );
  });
});
