import type { AlarmCondition, AlarmProfile } from './profile.js';
import type { MeasurementName, Reading } from './senml.js';

/**
 * The alarm engine: a fold over one device's readings in reading-time order. Evaluation is by the
 * time each reading was taken, never by when it arrived, so buffered readings sent late count
 * exactly where they belong (DESIGN.md, MQTT contract).
 */

/** One abnormal stretch of one condition on one device. */
export interface Episode {
  condition: AlarmCondition;
  /** Time of the first abnormal reading. */
  startedAt: number;
  /** Reading time at which the stretch had lasted at least the condition's delay; null: not (yet) an alarm. */
  raisedAt: number | null;
  /** Time of the first reading back to normal; null while abnormal. */
  endedAt: number | null;
  /** Extremes of the measured value over the stretch (°C for temperature). */
  minValue: number;
  maxValue: number;
  /** Reading time from which the stretch becomes an alarm. */
  dueAt: number;
}

export interface MonitorState {
  lastAt: number | null;
  active: Partial<Record<AlarmCondition, Episode>>;
  /** Agitation interruptions [start, end) kept for the cumulative limit (NHSBT: ≤ 24 h in total). */
  interruptions: Array<[number, number]>;
}

export type EpisodeTransition = { type: 'raised' | 'ended'; episode: Episode };

interface ConditionRule {
  condition: AlarmCondition;
  measures: MeasurementName;
  abnormal: (value: number) => boolean;
  /** Delay after the start of the stretch before it becomes an alarm. */
  delayMs: (state: MonitorState, startAt: number) => number;
}

export const initialMonitorState = (): MonitorState => ({
  lastAt: null,
  active: {},
  interruptions: [],
});

const sumInterruptions = (state: MonitorState, from: number, to: number): number =>
  state.interruptions.reduce(
    (sum, [s, e]) => sum + Math.max(0, Math.min(e, to) - Math.max(s, from)),
    0,
  );

function conditionRules(p: AlarmProfile): ConditionRule[] {
  const rules: ConditionRule[] = [];
  const t = p.temperature;
  if (t) {
    rules.push(
      {
        condition: 'TEMPERATURE_EXCURSION',
        measures: 'temperature',
        abnormal: (v) => v < t.min || v > t.max,
        delayMs: () => t.excursionDelayMs,
      },
      {
        condition: 'TEMPERATURE_PRE_ALARM',
        measures: 'temperature',
        abnormal: (v) => v < t.preAlarmLow || v > t.preAlarmHigh,
        delayMs: () => t.preAlarmDelayMs,
      },
    );
  }
  const a = p.agitation;
  if (a) {
    rules.push(
      {
        condition: 'AGITATION_STOPPED',
        measures: 'agitation',
        abnormal: (v) => v === 0,
        delayMs: () => a.alarmDelayMs,
      },
      {
        condition: 'AGITATION_LIMIT_EXCEEDED',
        measures: 'agitation',
        abnormal: (v) => v === 0,
        // NHSBT platelet agitation: each interruption ≤ 8 h and all interruptions ≤ 24 h in total.
        delayMs: (state, startAt) => {
          const used = sumInterruptions(state, startAt - a.cumulativeWindowMs, startAt);
          return Math.max(0, Math.min(a.maxInterruptionMs, a.maxCumulativeMs - used));
        },
      },
    );
  }
  rules.push(
    {
      condition: 'DOOR_OPEN',
      measures: 'door',
      abnormal: (v) => v === 1,
      delayMs: () => p.doorOpenMaxMs,
    },
    {
      condition: 'LOW_BATTERY',
      measures: 'battery',
      abnormal: (v) => v < p.lowBatteryPercent,
      delayMs: () => 0,
    },
    {
      condition: 'POWER_LOSS',
      measures: 'power',
      abnormal: (v) => v === 0,
      delayMs: () => p.powerLossDelayMs,
    },
  );
  return rules;
}

const rulesCache = new WeakMap<AlarmProfile, ConditionRule[]>();
const rulesOf = (p: AlarmProfile): ConditionRule[] => {
  let rules = rulesCache.get(p);
  if (!rules) rulesCache.set(p, (rules = conditionRules(p)));
  return rules;
};

/** Deterministic reading order: time, then name, then value (ties never depend on arrival). */
export const compareReadings = (a: Reading, b: Reading): number =>
  a.at - b.at || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || a.value - b.value;

/** Fold one reading into the state (updated in place); returns the alarm transitions it causes. */
export function foldReading(
  profile: AlarmProfile,
  state: MonitorState,
  r: Reading,
): EpisodeTransition[] {
  const out: EpisodeTransition[] = [];
  for (const rule of rulesOf(profile)) {
    if (rule.measures === r.name) stepRule(rule, profile, state, r, out);
  }
  state.lastAt = state.lastAt === null ? r.at : Math.max(state.lastAt, r.at);
  return out;
}

function stepRule(
  rule: ConditionRule,
  p: AlarmProfile,
  state: MonitorState,
  r: Reading,
  out: EpisodeTransition[],
): void {
  let ep = state.active[rule.condition];
  if (rule.abnormal(r.value)) {
    if (!ep) {
      ep = {
        condition: rule.condition,
        startedAt: r.at,
        raisedAt: null,
        endedAt: null,
        minValue: r.value,
        maxValue: r.value,
        dueAt: 0,
      };
      ep.dueAt = r.at + rule.delayMs(state, r.at);
      state.active[rule.condition] = ep;
    }
    ep.minValue = Math.min(ep.minValue, r.value);
    ep.maxValue = Math.max(ep.maxValue, r.value);
    if (ep.raisedAt === null && r.at >= ep.dueAt) {
      ep.raisedAt = r.at;
      out.push({ type: 'raised', episode: { ...ep } });
    }
    return;
  }
  if (!ep) return;
  // Back to normal. The stretch lasted until this reading: if that reaches the delay it is an
  // alarm even though no abnormal reading fell after the delay (sparse sampling must not hide it).
  delete state.active[rule.condition];
  ep.endedAt = r.at;
  if (rule.condition === 'AGITATION_STOPPED') recordInterruption(p, state, ep.startedAt, r.at);
  if (ep.raisedAt === null && r.at >= ep.dueAt) {
    ep.raisedAt = r.at;
    out.push({ type: 'raised', episode: { ...ep } });
  }
  if (ep.raisedAt !== null) out.push({ type: 'ended', episode: { ...ep } });
}

function recordInterruption(
  p: AlarmProfile,
  state: MonitorState,
  start: number,
  end: number,
): void {
  const window = p.agitation?.cumulativeWindowMs ?? 0;
  state.interruptions = state.interruptions.filter(([, e]) => e > end - window);
  state.interruptions.push([start, end]);
}

/** Fold readings already in reading-time order. */
export function foldReadings(
  profile: AlarmProfile,
  state: MonitorState,
  sorted: readonly Reading[],
): EpisodeTransition[] {
  const out: EpisodeTransition[] = [];
  for (const r of sorted) out.push(...foldReading(profile, state, r));
  return out;
}

/** Every alarm (raised episode) in a device's readings, evaluated from scratch in reading-time order. */
export function evaluateReadings(
  profile: AlarmProfile,
  readings: readonly Reading[],
): { episodes: Episode[]; state: MonitorState } {
  const state = initialMonitorState();
  const transitions = foldReadings(profile, state, [...readings].sort(compareReadings));
  return { episodes: episodesFrom(transitions, state), state };
}

/** Raised episodes from a sequence of transitions plus those still active in the state. */
export function episodesFrom(
  transitions: readonly EpisodeTransition[],
  state: MonitorState,
): Episode[] {
  const ended = transitions.filter((t) => t.type === 'ended').map((t) => t.episode);
  const open = Object.values(state.active).filter((e) => e.raisedAt !== null);
  return [...ended, ...open.map((e) => ({ ...e }))].sort(
    (a, b) => a.startedAt - b.startedAt || a.condition.localeCompare(b.condition),
  );
}
