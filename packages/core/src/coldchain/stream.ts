import {
  compareReadings,
  episodesFrom,
  foldReadings,
  type Episode,
  type MonitorState,
} from './engine.js';
import type { AlarmCondition, AlarmProfile } from './profile.js';
import type { Reading } from './senml.js';

/**
 * Streaming use of the engine. Readings usually arrive in order (MQTT 3.1.1 §4.6 keeps one
 * device's QoS 1 messages in order on one connection), so a batch is folded onto the saved state.
 * A reading older than the newest one folded (a buffered batch sent late, or a shared subscription
 * handing a device's messages to two replicas) forces a refold of the device's recent history.
 */

export type BatchPlan = { mode: 'incremental' } | { mode: 'refold'; fromAt: number };

/** Sorted batch: fold incrementally if it lies strictly after everything already folded. */
export function planBatch(
  state: MonitorState,
  sortedBatch: readonly Reading[],
  lookbackMs: number,
): BatchPlan {
  const first = sortedBatch[0];
  if (!first || state.lastAt === null || first.at > state.lastAt) return { mode: 'incremental' };
  const activeStarts = Object.values(state.active).map((e) => e.startedAt);
  return { mode: 'refold', fromAt: Math.min(first.at, ...activeStarts) - lookbackMs };
}

/**
 * Re-evaluate from `fromAt` over every stored reading since then (batch included). Interruptions
 * that ended before `fromAt` are carried over so cumulative agitation limits still count them.
 */
export function refold(
  profile: AlarmProfile,
  prior: MonitorState,
  fromAt: number,
  readingsSince: readonly Reading[],
): { state: MonitorState; episodes: Episode[] } {
  const state: MonitorState = {
    lastAt: null,
    active: {},
    interruptions: prior.interruptions.filter(([, end]) => end <= fromAt),
  };
  const sorted = readingsSince.filter((r) => r.at >= fromAt).sort(compareReadings);
  const transitions = foldReadings(profile, state, sorted);
  return { state, episodes: episodesFrom(transitions, state) };
}

/** What is persisted of an alarm's timing. */
export interface AlarmSpan {
  condition: AlarmCondition;
  startedAt: number;
  raisedAt: number;
  endedAt: number | null;
}

const overlaps = (
  a: { startedAt: number; endedAt: number | null },
  b: { startedAt: number; endedAt: number | null },
) => a.startedAt < (b.endedAt ?? Infinity) && b.startedAt < (a.endedAt ?? Infinity);

const sameTiming = (a: AlarmSpan, e: Episode) =>
  a.startedAt === e.startedAt && a.raisedAt === e.raisedAt && a.endedAt === e.endedAt;

/**
 * Match re-evaluated episodes to persisted alarms of the same condition whose span overlaps (or
 * starts at the same time): those get their timing corrected; the rest are new alarms. A persisted
 * alarm that no episode matches stays: an alarm once raised is never withdrawn.
 */
export function reconcileAlarms<A extends AlarmSpan>(
  persisted: readonly A[],
  computed: readonly Episode[],
): { create: Episode[]; update: Array<{ alarm: A; episode: Episode }> } {
  const free = new Set(persisted);
  const create: Episode[] = [];
  const update: Array<{ alarm: A; episode: Episode }> = [];
  for (const episode of computed) {
    if (episode.raisedAt === null) continue;
    const match = [...free].find(
      (a) =>
        a.condition === episode.condition &&
        (a.startedAt === episode.startedAt || overlaps(a, episode)),
    );
    if (!match) {
      create.push(episode);
      continue;
    }
    free.delete(match);
    if (!sameTiming(match, episode)) update.push({ alarm: match, episode });
  }
  return { create, update };
}
