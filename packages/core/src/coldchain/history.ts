import type { Reading } from './senml.js';

/**
 * A unit's thermal history: its location timeline (from the ledger's scan events) joined with the
 * readings of the devices watching each location.
 */

/** A span of the unit's life in one place; `place` null = out of controlled storage. */
export interface Stay {
  place: string | null;
  from: number;
  to: number | null;
}

/** Ledger events that move a unit, in ledger order. */
export type LocationEvent =
  | { type: 'STORED'; at: number; locationId: string }
  | { type: 'REMOVED_FROM_STORAGE'; at: number }
  | { type: 'SHIPPED'; at: number; shipmentId: string }
  | { type: 'RECEIVED'; at: number; shipmentId: string }
  | { type: 'LEFT_CUSTODY'; at: number }; // transfused, discarded, processed: the timeline ends

/** Place key of the transport box that carries a shipment. */
export const shipmentPlace = (shipmentId: string): string => `shipment:${shipmentId}`;

export function locationStays(events: readonly LocationEvent[]): Stay[] {
  const stays: Stay[] = [];
  const closeLast = (at: number) => {
    const last = stays.at(-1);
    if (last && last.to === null) last.to = at;
  };
  for (const e of events) {
    closeLast(e.at);
    if (e.type === 'STORED') stays.push({ place: e.locationId, from: e.at, to: null });
    else if (e.type === 'SHIPPED')
      stays.push({ place: shipmentPlace(e.shipmentId), from: e.at, to: null });
    else if (e.type !== 'LEFT_CUSTODY') stays.push({ place: null, from: e.at, to: null });
  }
  return stays;
}

/**
 * Units touched by an excursion over [from, to): present at any instant of it. A unit put in at or
 * after the end, or taken out at or before the start, was never exposed (domain.md §2.4).
 */
export function touchedUnits<P extends { din: string; from: number; to: number | null }>(
  presences: readonly P[],
  excursion: { from: number; to: number | null },
): string[] {
  const end = excursion.to ?? Infinity;
  const dins = presences
    .filter((p) => p.from < end && excursion.from < (p.to ?? Infinity))
    .map((p) => p.din);
  return [...new Set(dins)].sort();
}

export interface Range {
  min: number;
  max: number;
}

export interface ThermalSegment {
  place: string | null;
  from: number;
  to: number;
  minC: number | null;
  maxC: number | null;
  outOfRangeMs: number;
  /** Time with no reading covering it (a place without a device, or before its first reading). */
  unmonitoredMs: number;
}

export interface ThermalHistory {
  minC: number | null;
  maxC: number | null;
  timeOutOfRangeMs: number;
  timeOutOfControlledStorageMs: number;
  unmonitoredMs: number;
  segments: ThermalSegment[];
}

/**
 * Temperatures are a step function: each reading holds until the next one, at most `maxHoldMs`
 * (beyond that the place is unmonitored). `readingsAt(place)` gives temperature readings sorted.
 * `range` may depend on the place: a transport box is judged against the transport range.
 */
export function thermalHistory(
  stays: readonly Stay[],
  readingsAt: (place: string) => readonly Reading[],
  range: Range | ((place: string) => Range),
  now: number,
  maxHoldMs: number,
): ThermalHistory {
  const rangeAt = typeof range === 'function' ? range : () => range;
  const segments = stays.map((s) =>
    s.place === null
      ? segmentOf(s, [], { min: -Infinity, max: Infinity }, now, maxHoldMs)
      : segmentOf(s, readingsAt(s.place), rangeAt(s.place), now, maxHoldMs),
  );
  const temps = segments.flatMap((s) => [s.minC, s.maxC]).filter((v): v is number => v !== null);
  const sum = (f: (s: ThermalSegment) => number, only = segments) =>
    only.reduce((acc, s) => acc + f(s), 0);
  return {
    minC: temps.length ? Math.min(...temps) : null,
    maxC: temps.length ? Math.max(...temps) : null,
    timeOutOfRangeMs: sum((s) => s.outOfRangeMs),
    timeOutOfControlledStorageMs: sum(
      (s) => s.to - s.from,
      segments.filter((s) => s.place === null),
    ),
    unmonitoredMs: sum(
      (s) => s.unmonitoredMs,
      segments.filter((s) => s.place !== null),
    ),
    segments,
  };
}

function segmentOf(
  stay: Stay,
  readings: readonly Reading[],
  range: Range,
  now: number,
  maxHoldMs: number,
): ThermalSegment {
  const from = stay.from;
  const to = stay.to ?? now;
  const seg: ThermalSegment = {
    place: stay.place,
    from,
    to,
    minC: null,
    maxC: null,
    outOfRangeMs: 0,
    unmonitoredMs: 0,
  };
  let covered = 0;
  readings.forEach((r, i) => {
    const next = readings[i + 1]?.at ?? Infinity;
    const start = Math.max(r.at, from);
    const end = Math.min(next, r.at + maxHoldMs, to);
    if (end <= start && !(r.at >= from && r.at <= to)) return;
    seg.minC = seg.minC === null ? r.value : Math.min(seg.minC, r.value);
    seg.maxC = seg.maxC === null ? r.value : Math.max(seg.maxC, r.value);
    const span = Math.max(0, end - start);
    covered += span;
    if (r.value < range.min || r.value > range.max) seg.outOfRangeMs += span;
  });
  seg.unmonitoredMs = stay.place === null ? 0 : Math.max(0, to - from - covered);
  return seg;
}
