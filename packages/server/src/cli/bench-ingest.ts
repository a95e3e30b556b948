import { Option, type Command } from 'commander';
import { z } from 'zod';
import { runIngestBench, type IngestBenchReport } from '../bench/ingest-bench.js';
import type { CliContext } from './context.js';

const count = (max: number) => z.coerce.number().int().positive().max(max);
const flagsSchema = z.object({
  database: z.enum(['pglite', 'postgres']).default('pglite'),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  adminUrl: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  devices: count(2000).default(50),
  seconds: count(600).default(10),
  inFlight: count(100).default(4),
  readingsPerPack: count(2000).default(10),
  latencyLoad: count(1_000_000).default(10_000),
  latencySamples: count(1000).default(40),
  json: z.boolean().default(false),
});

const summary = (r: IngestBenchReport): string =>
  [
    `database ${r.database}: ${r.devices} devices, ${r.readingsPerPack} readings per QoS 1 pack, ${r.inFlightPerDevice} in flight each, ${r.seconds} s`,
    `committed ${r.committedPerSecond} readings/s; broker only ${r.brokerOnlyPerSecond} readings/s (ratio ${r.ratio})`,
    `alarm latency p50 ${r.alarmLatencyMs.p50} ms, p99 ${r.alarmLatencyMs.p99} ms (${r.alarmLatencyMs.samples} samples); peak RSS ${r.rssMB} MB`,
  ].join('\n');

/** `hemonet bench ingest`: cold-chain ingestion throughput and alarm latency (docs/benchmarks.md). */
export function registerBenchIngestCommand(program: Command, ctx: CliContext): void {
  const bench =
    program.commands.find((c) => c.name() === 'bench') ??
    program.command('bench').description('benchmarks');
  bench
    .command('ingest')
    .description(
      'devices publish QoS 1 SenML over MQTT: committed vs broker-only throughput, alarm latency',
    )
    .addOption(
      new Option('--database <kind>', 'database to measure')
        .choices(['pglite', 'postgres'])
        .default('pglite'),
    )
    .option('--database-url <url>', 'use this PostgreSQL database instead of a throwaway one')
    .option(
      '--admin-url <url>',
      'PostgreSQL server for the throwaway database (env HEMONET_BENCH_ADMIN_URL)',
    )
    .option('--devices <n>', 'publishing devices', '50')
    .option('--seconds <n>', 'duration of each throughput measurement', '10')
    .option('--in-flight <n>', 'unacknowledged packs per device', '4')
    .option('--readings-per-pack <n>', 'readings per SenML pack (buffered readings)', '10')
    .option(
      '--latency-load <n>',
      'readings/s of background load while alarm latency is timed',
      '10000',
    )
    .option('--latency-samples <n>', 'alarms to time', '40')
    .option('--json', 'print the figures as JSON')
    .action(async (raw: Record<string, unknown>) => {
      const flags = flagsSchema.parse({
        ...raw,
        adminUrl:
          raw.adminUrl ??
          ctx.env.HEMONET_BENCH_ADMIN_URL ??
          'postgres://postgres@127.0.0.1:5432/postgres',
      });
      const report = await runIngestBench({
        ...flags,
        latencyLoadPerSecond: flags.latencyLoad,
        log: (line) => ctx.err(line),
      });
      ctx.out(flags.json ? JSON.stringify(report) : summary(report));
    });
}
