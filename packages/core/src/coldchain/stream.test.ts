import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareReadings,
  evaluateReadings,
  foldReadings,
  initialMonitorState,
  type MonitorState,
} from './engine.js';
import { buildAlarmProfile, type AlarmProfile } from './profile.js';
import type { Reading } from './senml.js';
import { planBatch, reconcileAlarms, refold, type AlarmSpan } from './stream.js';

const MIN = 60_000;
const profile = buildAlarmProfile(
  {
    storage: { minC: 20, maxC: 24 },
    agitation: { maxInterruptionMs: 30 * MIN, maxCumulativeMs: 60 * MIN },
    shelfLifeMs: 600 * MIN,
  },
  { reportingIntervalMs: MIN, excursionDelayMs: 5 * MIN, doorOpenMaxMs: 3 * MIN },
);

/** A device's history: one reading per minute slot and measurement, values that cross the limits. */
const historyArb = fc
  .array(
    fc.record({
      slot: fc.integer({ min: 0, max: 300 }),
      name: fc.constantFrom('temperature' as const, 'agitation' as const, 'door' as const),
      level: fc.integer({ min: 0, max: 3 }),
    }),
    { maxLength: 200 },
  )
  .map((xs) => {
    const seen = new Map<string, Reading>();
    for (const x of xs) {
      const value = x.name === 'temperature' ? [22, 23.7, 25, 18][x.level]! : x.level % 2;
      seen.set(`${x.slot}:${x.name}`, { at: x.slot * MIN, name: x.name, value });
    }
    return [...seen.values()];
  });

/** Deliver readings in arbitrary batches and order, the way the server does, persisting alarms. */
function deliver(p: AlarmProfile, batches: Reading[][]) {
  let state: MonitorState = initialMonitorState();
  const store: Reading[] = [];
  const alarms: AlarmSpan[] = [];
  for (const raw of batches) {
    const batch = [...raw].sort(compareReadings);
    store.push(...batch);
    const plan = planBatch(state, batch, Infinity);
    if (plan.mode === 'incremental') {
      for (const t of foldReadings(p, state, batch)) {
        const e = t.episode;
        if (t.type === 'raised')
          alarms.push({
            condition: e.condition,
            startedAt: e.startedAt,
            raisedAt: e.raisedAt!,
            endedAt: e.endedAt,
          });
        else
          alarms.find((a) => a.condition === e.condition && a.startedAt === e.startedAt)!.endedAt =
            e.endedAt;
      }
      continue;
    }
    const re = refold(p, state, plan.fromAt, store);
    state = re.state;
    const { create, update } = reconcileAlarms(alarms, re.episodes);
    for (const { alarm, episode } of update)
      Object.assign(alarm, {
        startedAt: episode.startedAt,
        raisedAt: episode.raisedAt,
        endedAt: episode.endedAt,
      });
    for (const e of create)
      alarms.push({
        condition: e.condition,
        startedAt: e.startedAt,
        raisedAt: e.raisedAt!,
        endedAt: e.endedAt,
      });
  }
  return { state, alarms };
}

const span = (e: AlarmSpan) => `${e.condition}@${e.startedAt}/${e.raisedAt}-${e.endedAt}`;

describe('streaming evaluation', () => {
  it('late and out-of-order readings give the same alarms as in-order evaluation (property)', () => {
    fc.assert(
      fc.property(
        historyArb,
        fc.array(fc.nat()),
        fc.integer({ min: 1, max: 20 }),
        (readings, keys, size) => {
          const shuffled = readings
            .map((r, i) => ({ r, k: keys[i] ?? i }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.r);
          const batches: Reading[][] = [];
          for (let i = 0; i < shuffled.length; i += size) batches.push(shuffled.slice(i, i + size));
          const inOrder = evaluateReadings(profile, readings);
          const streamed = deliver(profile, batches);
          expect(streamed.state).toEqual(inOrder.state);
          const persisted = new Set(streamed.alarms.map(span));
          for (const e of inOrder.episodes) expect(persisted).toContain(span(e as AlarmSpan));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('in-order delivery persists exactly the in-order alarms', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 1, max: 20 }), (readings, size) => {
        const sorted = [...readings].sort(compareReadings);
        const batches: Reading[][] = [];
        for (let i = 0; i < sorted.length; i += size) batches.push(sorted.slice(i, i + size));
        const expected = evaluateReadings(profile, readings).episodes.map((e) =>
          span(e as AlarmSpan),
        );
        expect(deliver(profile, batches).alarms.map(span).sort()).toEqual(expected.sort());
      }),
    );
  });

  it('plans an incremental fold for newer readings and a refold for older ones', () => {
    const state = initialMonitorState();
    foldReadings(profile, state, [{ at: 10 * MIN, name: 'temperature', value: 22 }]);
    expect(planBatch(state, [{ at: 11 * MIN, name: 'temperature', value: 22 }], 60 * MIN)).toEqual({
      mode: 'incremental',
    });
    expect(planBatch(state, [{ at: 5 * MIN, name: 'temperature', value: 22 }], 60 * MIN)).toEqual({
      mode: 'refold',
      fromAt: -55 * MIN,
    });
  });

  it('never withdraws a raised alarm that later readings contradict', () => {
    const alarm: AlarmSpan = { condition: 'DOOR_OPEN', startedAt: 0, raisedAt: 5, endedAt: null };
    expect(reconcileAlarms([alarm], [])).toEqual({ create: [], update: [] });
  });
});
