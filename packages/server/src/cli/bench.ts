import { Option, type Command } from 'commander';
import { z } from 'zod';
import { runApiBench, type ApiBenchReport } from '../bench/api-bench.js';
import type { CliContext } from './context.js';

const count = (max: number) => z.coerce.number().int().positive().max(max);

const apiFlagsSchema = z
  .object({
    database: z.enum(['pglite', 'postgres']).default('pglite'),
    units: count(10_000_000).default(1_000_000),
    databaseUrl: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    adminUrl: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
    data: z.string().min(1).optional(),
    writers: count(256).default(64),
    seconds: count(3600).default(10),
    samples: count(1_000_000).default(2_000),
    verify: z.boolean().default(false),
    fill: z.boolean().default(true),
    json: z.boolean().default(false),
  })
  .refine((f) => !(f.databaseUrl && f.database !== 'postgres'), {
    message: '--database-url needs --database postgres',
  })
  .refine((f) => !(f.data && f.database !== 'pglite'), {
    message: '--data needs --database pglite',
  })
  .refine((f) => f.fill || f.data || f.databaseUrl, {
    message: '--no-fill needs --data or --database-url (a database an earlier run filled)',
  });

const summary = (r: ApiBenchReport): string =>
  [
    `database ${r.database}: ${r.units} units, ${r.events} events` +
      (r.fill ? ` (filled in ${r.fill.seconds} s, ${r.fill.eventsPerSecond} events/s)` : ''),
    `appends: ${r.appendsPerSecond}/s with ${r.writers} writers and group commit, ${r.appendsPerSecondUnbatched}/s one transaction per event`,
    `trace: p50 ${r.trace.p50Ms} ms, p99 ${r.trace.p99Ms} ms (${r.trace.samples} samples)`,
    `lookback: p50 ${r.lookback.p50Ms} ms, p99 ${r.lookback.p99Ms} ms (${r.lookback.samples} samples)`,
    ...(r.verify
      ? [
          `verify: ${r.verify.ok ? 'ok' : 'BROKEN'} in ${r.verify.seconds.toFixed(1)} s (${r.verify.eventsPerSecond} events/s)`,
        ]
      : []),
  ].join('\n');

/** `hemonet bench api`: storage, ledger and traceability figures (docs/benchmarks.md). */
export function registerBenchCommands(program: Command, ctx: CliContext): void {
  const bench = program
    .command('bench')
    .description("the project's benchmarks; --json prints figures");
  bench
    .command('api')
    .description(
      'fill a database with units through the ledger, then measure appends, trace and lookback',
    )
    .addOption(
      new Option('--database <kind>', 'database to measure')
        .choices(['pglite', 'postgres'])
        .default('pglite'),
    )
    .option('--units <n>', 'units to create (whole donations of 4 units)', '1000000')
    .option('--database-url <url>', 'fill this PostgreSQL database instead of a throwaway one')
    .option(
      '--admin-url <url>',
      'PostgreSQL server for the throwaway database (env HEMONET_BENCH_ADMIN_URL)',
    )
    .option('--data <dir>', 'fill this PGlite directory instead of a temporary one')
    .option('--writers <n>', 'concurrent appending callers, one event per call', '64')
    .option('--seconds <n>', 'duration of each append measurement', '10')
    .option('--samples <n>', 'trace and lookback calls to time', '2000')
    .option('--verify', 'also time a full ledger verify')
    .option('--no-fill', 'measure a database an earlier run filled, adding no units')
    .option('--json', 'print the figures as JSON')
    .action(async (raw: Record<string, unknown>) => {
      const flags = apiFlagsSchema.parse({
        ...raw,
        adminUrl:
          raw.adminUrl ??
          ctx.env.HEMONET_BENCH_ADMIN_URL ??
          'postgres://postgres@127.0.0.1:5432/postgres',
      });
      const report = await runApiBench({
        ...flags,
        dataDir: flags.data,
        appendSeconds: flags.seconds,
        log: (line) => ctx.err(line),
      });
      ctx.out(flags.json ? JSON.stringify(report) : summary(report));
    });
}
