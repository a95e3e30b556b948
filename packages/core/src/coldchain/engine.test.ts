import { describe, expect, it } from 'vitest';
import { evaluateReadings, foldReading, initialMonitorState } from './engine.js';
import { buildAlarmProfile } from './profile.js';
import type { MeasurementName, Reading } from './senml.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const fridge = buildAlarmProfile(
  { storage: { minC: 2, maxC: 6 } },
  { reportingIntervalMs: MIN, excursionDelayMs: 10 * MIN },
);
const agitator = buildAlarmProfile(
  {
    storage: { minC: 20, maxC: 24 },
    agitation: { maxInterruptionMs: 8 * HOUR, maxCumulativeMs: 24 * HOUR },
    shelfLifeMs: 5 * 24 * HOUR,
  },
  { reportingIntervalMs: MIN, excursionDelayMs: 30 * MIN },
);
const series = (name: MeasurementName, values: number[], stepMs = MIN, from = 0): Reading[] =>
  values.map((value, i) => ({ at: from + i * stepMs, name, value }));
const conditions = (readings: Reading[], p = fridge) =>
  evaluateReadings(p, readings).episodes.map((e) => e.condition);

describe('alarm engine', () => {
  it('raises no excursion for a stretch shorter than the delay (door opening)', () => {
    const temps = series('temperature', [4, 7, 7, 7, 4, 4]);
    expect(conditions(temps)).toEqual(['TEMPERATURE_PRE_ALARM']);
  });

  it('raises the excursion at the reading that reaches the delay, ends it back in range', () => {
    const temps = series('temperature', [4, 8, ...Array<number>(12).fill(9), 4]);
    const ex = evaluateReadings(fridge, temps).episodes.find(
      (e) => e.condition === 'TEMPERATURE_EXCURSION',
    );
    expect(ex).toMatchObject({
      startedAt: MIN,
      raisedAt: 11 * MIN,
      endedAt: 14 * MIN,
      minValue: 8,
      maxValue: 9,
    });
  });

  it('counts a sparse stretch that reached the delay only at the reading back in range', () => {
    const temps = [
      { at: 0, name: 'temperature', value: 9 } as const,
      { at: 20 * MIN, name: 'temperature', value: 4 } as const,
    ];
    const ex = evaluateReadings(fridge, temps).episodes.find(
      (e) => e.condition === 'TEMPERATURE_EXCURSION',
    );
    expect(ex).toMatchObject({ startedAt: 0, raisedAt: 20 * MIN, endedAt: 20 * MIN });
  });

  it('pre-alarms at the set points inside the range (0.5 °C by default)', () => {
    expect(conditions(series('temperature', [4, 5.5, 4]))).toEqual([]);
    expect(conditions(series('temperature', [4, 5.6, 4]))).toEqual(['TEMPERATURE_PRE_ALARM']);
    expect(conditions(series('temperature', [4, 2.4, 4]))).toEqual(['TEMPERATURE_PRE_ALARM']);
  });

  it('keeps one open episode per condition however long it lasts', () => {
    const state = initialMonitorState();
    const raised = series('temperature', Array<number>(100).fill(12)).flatMap((r) =>
      foldReading(fridge, state, r),
    );
    expect(raised.map((t) => `${t.type}:${t.episode.condition}`)).toEqual([
      'raised:TEMPERATURE_PRE_ALARM',
      'raised:TEMPERATURE_EXCURSION',
    ]);
  });

  it('alarms on a door open too long, low battery and power loss', () => {
    const readings = [
      ...series('door', [1, 1, 1, 1, 1, 1, 0]),
      ...series('battery', [50, 19, 30]),
      ...series('power', [1, 0, 1]),
    ];
    expect(conditions(readings).sort()).toEqual(['DOOR_OPEN', 'LOW_BATTERY', 'POWER_LOSS']);
  });

  it('alarms on an agitation stop after the delay and on an interruption over 8 h (NHSBT)', () => {
    const stop = series('agitation', [1, ...Array<number>(9 * 6).fill(0), 1], 10 * MIN);
    const eps = evaluateReadings(agitator, stop).episodes;
    expect(eps.map((e) => [e.condition, e.raisedAt])).toEqual([
      ['AGITATION_LIMIT_EXCEEDED', 10 * MIN + 8 * HOUR],
      ['AGITATION_STOPPED', 10 * MIN + 30 * MIN],
    ]);
  });

  it('alarms when interruptions add up to more than 24 h, none over 8 h alone', () => {
    // Four stops of 7 h separated by 1 h of agitation: the fourth crosses 24 h in total.
    const readings: Reading[] = [];
    for (let k = 0; k < 4; k++)
      readings.push(
        ...series('agitation', [0, ...Array<number>(6).fill(0), 1], HOUR, k * 8 * HOUR),
      );
    const limit = evaluateReadings(agitator, readings).episodes.filter(
      (e) => e.condition === 'AGITATION_LIMIT_EXCEEDED',
    );
    expect(limit.map((e) => [e.startedAt, e.raisedAt])).toEqual([[24 * HOUR, 27 * HOUR]]);
  });
});
