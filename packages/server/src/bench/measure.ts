import {
  createUnitEventRecorder,
  recordUnitEvents,
  type RecordUnitEventsDeps,
  type UnitEventInput,
} from '../commands/record-unit-events.js';
import { lookbackDonor, traceUnit } from '../db/repos/traceability-repo.js';
import { dinFor, donationEvents, donorFor, UNITS_PER_DONATION } from './city.js';
import { percentile, seededRandom } from './random.js';

export interface Latency {
  p50Ms: number;
  p99Ms: number;
  samples: number;
}

type Append = (items: readonly UnitEventInput[]) => Promise<unknown>;

/**
 * `writers` concurrent callers, each recording new donations one event per call (as HTTP
 * requests do), for `seconds`. Returns hash-chained events appended per second.
 */
export async function measureAppends(
  append: Append,
  opts: { writers: number; seconds: number; firstDonation: number },
): Promise<{ perSecond: number; donationsUsed: number }> {
  let nextDonation = opts.firstDonation;
  let appended = 0;
  const started = performance.now();
  const deadline = started + opts.seconds * 1000;
  const writer = async () => {
    while (performance.now() < deadline) {
      const index = nextDonation++;
      for (const item of donationEvents(index, Date.now() - 86_400_000)) {
        await append([item]);
        appended += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.writers }, writer));
  const seconds = (performance.now() - started) / 1000;
  return {
    perSecond: Math.round(appended / seconds),
    donationsUsed: nextDonation - opts.firstDonation,
  };
}

export const groupCommitAppend = (deps: RecordUnitEventsDeps): Append =>
  createUnitEventRecorder(deps);
export const singleTransactionAppend =
  (deps: RecordUnitEventsDeps): Append =>
  (items) =>
    recordUnitEvents(deps, items);

/** Latency of `fn` over `samples` calls after a short warm-up, one call at a time. */
async function timeCalls(samples: number, fn: (i: number) => Promise<unknown>): Promise<Latency> {
  for (let i = 0; i < Math.min(100, samples); i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return { p50Ms: round(percentile(times, 50)), p99Ms: round(percentile(times, 99)), samples };
}

/** traceUnit over random units of the filled city (parents and components alike). */
export function measureTrace(deps: RecordUnitEventsDeps, donations: number, samples: number) {
  const random = seededRandom(42);
  return timeCalls(samples, async () => {
    const din = dinFor(Math.floor(random() * donations * UNITS_PER_DONATION));
    if (!(await traceUnit(deps.db, din))) throw new Error(`bench unit ${din} not found`);
  });
}

/** lookbackDonor over random donors of the filled city. */
export function measureLookback(deps: RecordUnitEventsDeps, donations: number, samples: number) {
  const random = seededRandom(7);
  return timeCalls(samples, async () => {
    const donor = donorFor(Math.floor(random() * donations));
    const found = await lookbackDonor(deps.db, donor);
    if (found.components.length === 0) throw new Error(`bench donor ${donor} not found`);
  });
}
