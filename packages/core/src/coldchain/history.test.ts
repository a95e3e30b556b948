import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locationStays, thermalHistory, touchedUnits } from './history.js';
import type { Reading } from './senml.js';

const MIN = 60_000;
const temps = (values: number[], from = 0): Reading[] =>
  values.map((value, i) => ({ at: from + i * 10 * MIN, name: 'temperature', value }));

describe('touchedUnits', () => {
  it('holds units present during the excursion, not those put in after or taken out before', () => {
    const presences = [
      { din: 'IN_BEFORE_STILL_IN', from: 0, to: null },
      { din: 'OUT_BEFORE_START', from: 0, to: 100 },
      { din: 'IN_AFTER_END', from: 200, to: null },
      { din: 'IN_DURING', from: 150, to: 160 },
      { din: 'OUT_DURING', from: 0, to: 101 },
    ];
    expect(touchedUnits(presences, { from: 100, to: 200 })).toEqual([
      'IN_BEFORE_STILL_IN',
      'IN_DURING',
      'OUT_DURING',
    ]);
    expect(touchedUnits(presences, { from: 100, to: null })).toContain('IN_AFTER_END');
  });

  it('selects exactly the units present at some instant of the excursion (property)', () => {
    const t = fc.integer({ min: 0, max: 60 });
    const presence = fc.record({
      din: fc.constantFrom('A', 'B', 'C', 'D'),
      from: t,
      len: fc.integer({ min: 1, max: 30 }),
      open: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(presence), t, fc.integer({ min: 1, max: 30 }), (ps, from, len) => {
        const presences = ps.map((p) => ({
          din: p.din,
          from: p.from,
          to: p.open ? null : p.from + p.len,
        }));
        // Brute force on the integer grid: present at an instant x in [from, from+len).
        const expected = new Set<string>();
        for (let x = from; x < from + len; x++) {
          for (const p of presences) if (p.from <= x && x < (p.to ?? Infinity)) expected.add(p.din);
        }
        expect(touchedUnits(presences, { from, to: from + len })).toEqual([...expected].sort());
      }),
    );
  });
});

describe('locationStays', () => {
  it('builds the timeline from storage, shipment and receipt scans', () => {
    const stays = locationStays([
      { type: 'STORED', at: 0, locationId: 'F1' },
      { type: 'REMOVED_FROM_STORAGE', at: 10 },
      { type: 'SHIPPED', at: 15, shipmentId: 'S1' },
      { type: 'RECEIVED', at: 40, shipmentId: 'S1' },
      { type: 'STORED', at: 45, locationId: 'F2' },
      { type: 'LEFT_CUSTODY', at: 90 },
    ]);
    expect(stays).toEqual([
      { place: 'F1', from: 0, to: 10 },
      { place: null, from: 10, to: 15 },
      { place: 'shipment:S1', from: 15, to: 40 },
      { place: null, from: 40, to: 45 },
      { place: 'F2', from: 45, to: 90 },
    ]);
  });
});

describe('thermalHistory', () => {
  it('sums time out of range, extremes and time out of controlled storage', () => {
    const stays = [
      { place: 'F1', from: 0, to: 60 * MIN },
      { place: null, from: 60 * MIN, to: 80 * MIN },
      { place: 'F2', from: 80 * MIN, to: null },
    ];
    const readings: Record<string, Reading[]> = {
      F1: temps([4, 4, 8, 8, 4, 4]),
      F2: temps([5, 5], 80 * MIN),
    };
    const h = thermalHistory(
      stays,
      (p) => readings[p] ?? [],
      { min: 2, max: 6 },
      100 * MIN,
      15 * MIN,
    );
    expect(h).toMatchObject({
      minC: 4,
      maxC: 8,
      timeOutOfRangeMs: 20 * MIN,
      timeOutOfControlledStorageMs: 20 * MIN,
      unmonitoredMs: 0,
    });
  });

  it('counts a place without readings as unmonitored', () => {
    const h = thermalHistory(
      [{ place: 'F9', from: 0, to: 30 * MIN }],
      () => [],
      { min: 2, max: 6 },
      30 * MIN,
      15 * MIN,
    );
    expect(h).toMatchObject({ minC: null, unmonitoredMs: 30 * MIN, timeOutOfRangeMs: 0 });
  });

  it('judges each place against its own range (a box in transit against the transport range)', () => {
    const stays = [
      { place: 'F1', from: 0, to: 30 * MIN },
      { place: 'shipment:S1', from: 30 * MIN, to: 60 * MIN },
    ];
    const readings: Record<string, Reading[]> = {
      F1: temps([8, 8, 8]),
      'shipment:S1': temps([8, 8, 8], 30 * MIN),
    };
    const range = (p: string) =>
      p.startsWith('shipment:') ? { min: 2, max: 10 } : { min: 2, max: 6 };
    const h = thermalHistory(stays, (p) => readings[p] ?? [], range, 60 * MIN, 15 * MIN);
    expect(h.segments.map((s) => s.outOfRangeMs)).toEqual([30 * MIN, 0]);
  });
});
