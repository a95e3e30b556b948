import { cpus } from 'node:os';
import {
  loadScenario,
  parseDemandSpec,
  runInProcess,
  runPlan,
  runTextbook,
  workersAvailable,
  type RunPlan,
  type TextbookParams,
} from '@hemonet/sim';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from './context.js';

const benchFlagsSchema = z.object({
  days: z.coerce.number().int().min(1).max(3650),
  replications: z.coerce.number().int().min(1).max(100),
  national: z.boolean(),
  json: z.boolean().optional(),
});

const seconds = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e9;

const timed = async <T>(f: () => T | Promise<T>): Promise<{ value: T; seconds: number }> => {
  const t0 = process.hrtime.bigint();
  const value = await f();
  return { value, seconds: seconds(t0) };
};

const plan = (
  scenario: string,
  policies: string[],
  days: number,
  replications: number,
): RunPlan => ({
  scenario: loadScenario(scenario),
  policies,
  days,
  replications,
  seed: 1,
});

/** The textbook model's speed case: 4,000 replications of 100 + 365 periods on one core. */
const textbookCase: TextbookParams = {
  shelfLife: 3,
  leadTime: 1,
  baseStock: 25,
  issuing: 'fifo',
  demand: parseDemandSpec('poisson:10'),
  warmup: 100,
  periods: 365,
};
const TEXTBOOK_REPLICATIONS = 4000;

/** Speed of the twin: one city-year per policy on one core, parallel replications, a national year. */
const measure = async (f: z.infer<typeof benchFlagsSchema>) => {
  const single = {} as Record<string, number>;
  for (const p of ['isolated', 'network']) {
    single[p] = (await timed(() => runInProcess(plan('city', [p], f.days, 1)))).seconds;
  }
  const parallelPlan = plan('city', ['isolated', 'network'], f.days, f.replications);
  const parallel = await timed(() => runPlan(parallelPlan));
  const national = {} as Record<string, number>;
  if (f.national) {
    for (const p of ['isolated', 'network']) {
      national[p] = (await timed(() => runInProcess(plan('national', [p], f.days, 1)))).seconds;
    }
  }
  const textbook = await timed(() => runTextbook(textbookCase, TEXTBOOK_REPLICATIONS, 1));
  return {
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version },
    date: new Date().toISOString(),
    days: f.days,
    citySingleReplicationSeconds: single,
    cityCompare: {
      replicationsPerPolicy: f.replications,
      workers: workersAvailable(),
      wallSeconds: parallel.seconds,
    },
    ...(f.national ? { nationalSingleReplicationSeconds: national } : {}),
    textbook: {
      replications: TEXTBOOK_REPLICATIONS,
      periods: textbookCase.warmup + textbookCase.periods,
      seconds: textbook.seconds,
    },
  };
};

/** `hemonet bench sim`: how fast the digital twin runs (figures for docs/benchmarks.md). */
export function registerBenchSimCommand(program: Command, ctx: CliContext): void {
  const bench =
    program.commands.find((c) => c.name() === 'bench') ??
    program.command('bench').description('benchmarks');
  bench
    .command('sim')
    .description(
      'time one city-year per policy, parallel replications and a 1,000-hospital national year',
    )
    .option('--days <n>', 'simulated days', '365')
    .option('--replications <n>', 'replications per policy for the parallel run', '10')
    .option('--no-national', 'skip the 1,000-hospital national scenario')
    .option('--json', 'print figures as JSON')
    .action(async (raw: Record<string, unknown>) => {
      const flags = benchFlagsSchema.parse(raw);
      const r = await measure(flags);
      if (flags.json) {
        ctx.out(JSON.stringify(r, null, 2));
        return;
      }
      ctx.out(
        `city, one replication of ${r.days} days: isolated ${r.citySingleReplicationSeconds.isolated?.toFixed(2)} s, network ${r.citySingleReplicationSeconds.network?.toFixed(2)} s`,
      );
      ctx.out(
        `city compare, ${flags.replications} replications × 2 policies: ${r.cityCompare.wallSeconds.toFixed(1)} s wall`,
      );
      ctx.out(
        `textbook model, ${r.textbook.replications} replications × ${r.textbook.periods} periods: ${r.textbook.seconds.toFixed(2)} s`,
      );
      if (r.nationalSingleReplicationSeconds) {
        ctx.out(
          `national (1,000 hospitals), one replication: isolated ${r.nationalSingleReplicationSeconds.isolated?.toFixed(1)} s, network ${r.nationalSingleReplicationSeconds.network?.toFixed(1)} s`,
        );
      }
    });
}
