import { cpus } from 'node:os';
import type { DatabaseKind } from '../db/sql-client.js';
import { readLedgerHead } from '../db/repos/ledger-repo.js';
import { verifyLedger } from '../ledger/verify.js';
import { openBenchDatabase } from './bench-database.js';
import {
  countDonations,
  refreshPlannerStatistics,
  settleAfterBulkLoad,
} from '../db/repos/maintenance-repo.js';
import type { SqlClient } from '../db/sql-client.js';
import { UNITS_PER_DONATION } from './city.js';
import { fillCity, type FillResult } from './fill.js';
import {
  groupCommitAppend,
  measureAppends,
  measureLookback,
  measureTrace,
  singleTransactionAppend,
  type Latency,
} from './measure.js';

export interface ApiBenchOptions {
  database: DatabaseKind;
  units: number;
  databaseUrl?: string;
  dataDir?: string;
  adminUrl: string;
  writers: number;
  appendSeconds: number;
  samples: number;
  verify: boolean;
  /** Measure an already filled bench database (--database-url / --data) without adding units. */
  fill: boolean;
  log: (line: string) => void;
}

export interface ApiBenchReport {
  database: DatabaseKind;
  units: number;
  events: number;
  fill: { seconds: number; eventsPerSecond: number } | null;
  /** ANALYZE after the fill, as autovacuum would eventually do. */
  analyzeSeconds: number;
  /** VACUUM (ANALYZE) and CHECKPOINT between the appends and the read measurements. */
  settleSeconds: number;
  /** Hash-chained appends per second: `writers` concurrent callers, one event per call, group commit. */
  appendsPerSecond: number;
  /** The same callers with one transaction per call (no group commit), for comparison. */
  appendsPerSecondUnbatched: number;
  writers: number;
  trace: Latency;
  lookback: Latency;
  verify: { seconds: number; eventsPerSecond: number; ok: boolean } | null;
  machine: { cpus: number; model: string; node: string };
  date: string;
}

const perSecond = (n: number, seconds: number) => Math.round(n / Math.max(seconds, 1e-9));

async function fillWithProgress(db: SqlClient, o: ApiBenchOptions): Promise<FillResult> {
  let lastLog = 0;
  return fillCity({ db }, o.units, (done, total, events) => {
    if (performance.now() - lastLog < 10_000 && done < total) return;
    lastLog = performance.now();
    o.log(`bench: filled ${done}/${total} units, ${events} events`);
  });
}

/** The city an earlier run left in the database. */
async function existingCity(db: SqlClient): Promise<FillResult> {
  const donations = await countDonations(db);
  if (donations === 0) throw new Error('--no-fill needs a database filled by an earlier bench run');
  const events = (await readLedgerHead(db)).lastSeq;
  return { donations, units: donations * UNITS_PER_DONATION, events, seconds: 0 };
}

/**
 * `hemonet bench api`: fill a database with a city's worth of units through the real write path,
 * then measure concurrent hash-chained appends, unit trace latency and donor lookback latency.
 */
export async function runApiBench(o: ApiBenchOptions): Promise<ApiBenchReport> {
  const bench = await openBenchDatabase(o);
  o.log(`bench: ${bench.location}`);
  try {
    const deps = { db: bench.db };
    const fill = o.fill ? await fillWithProgress(bench.db, o) : await existingCity(bench.db);
    const analyzeStarted = performance.now();
    await refreshPlannerStatistics(bench.db);
    const analyzeSeconds = Math.round((performance.now() - analyzeStarted) / 100) / 10;
    o.log(`bench: ${fill.units} units, ${fill.events} events; measuring appends`);
    const appendOpts = {
      writers: o.writers,
      seconds: o.appendSeconds,
      firstDonation: fill.donations,
    };
    const grouped = await measureAppends(groupCommitAppend(deps), appendOpts);
    const firstDonation = fill.donations + grouped.donationsUsed;
    const single = await measureAppends(singleTransactionAppend(deps), {
      ...appendOpts,
      firstDonation,
    });
    o.log('bench: vacuum, analyse and checkpoint, then measuring trace and lookback');
    const settleStarted = performance.now();
    await settleAfterBulkLoad(bench.db);
    const settleSeconds = Math.round((performance.now() - settleStarted) / 100) / 10;
    const trace = await measureTrace(deps, fill.donations, o.samples);
    const lookback = await measureLookback(deps, fill.donations, o.samples);
    let verify: ApiBenchReport['verify'] = null;
    if (o.verify) {
      const t = performance.now();
      const result = await verifyLedger(bench.db);
      const seconds = (performance.now() - t) / 1000;
      verify = {
        seconds,
        eventsPerSecond: perSecond(result.eventsChecked, seconds),
        ok: result.ok,
      };
    }
    return {
      database: o.database,
      units: fill.units,
      events: fill.events,
      fill: o.fill
        ? {
            seconds: Math.round(fill.seconds),
            eventsPerSecond: perSecond(fill.events, fill.seconds),
          }
        : null,
      analyzeSeconds,
      settleSeconds,
      appendsPerSecond: grouped.perSecond,
      appendsPerSecondUnbatched: single.perSecond,
      writers: o.writers,
      trace,
      lookback,
      verify,
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version },
      date: new Date().toISOString(),
    };
  } finally {
    await bench.dispose();
  }
}
