import { writeFileSync } from 'node:fs';
import {
  buildReport,
  compareJson,
  loadScenario,
  policyNames,
  renderHtmlReport,
  runPlan,
  type RunPlan,
  type SimReport,
} from '@hemonet/sim';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from './context.js';

/** Flags of `sim run` and `sim compare`, validated at the edge. */
const simFlagsSchema = z.object({
  scenario: z.string().min(1),
  days: z.coerce.number().int().min(1).max(3650),
  replications: z.coerce.number().int().min(1).max(1000),
  seed: z.coerce.number().int(),
  workers: z.coerce.number().int().min(0).max(256).optional(),
  json: z.boolean().optional(),
  html: z.string().min(1).optional(),
  policy: z.string().optional(),
  policies: z.string().optional(),
});
type SimFlags = z.infer<typeof simFlagsSchema>;

const policyList = (raw: string): string[] => {
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !policyNames.includes(n));
  if (unknown.length > 0 || names.length === 0) {
    throw new z.ZodError([
      {
        code: 'custom',
        path: ['policies'],
        message: `unknown policy ${unknown.join(', ')} (known: ${policyNames.join(', ')})`,
        input: raw,
      },
    ]);
  }
  return names;
};

/** A progress bar on stderr for interactive terminals only; stdout stays clean for --json. */
const progress = (
  ctx: CliContext,
): { tick: (done: number, total: number) => void; stop: () => void } => {
  if (!process.stderr.isTTY || ctx.env.CI) return { tick: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    stream: process.stderr,
    format: 'replications [{bar}] {value}/{total} · {duration}s',
    hideCursor: true,
  });
  let started = false;
  return {
    tick: (done, total) => {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
};

const execute = async (
  ctx: CliContext,
  flags: SimFlags,
  policies: string[],
): Promise<SimReport> => {
  const plan: RunPlan = {
    scenario: loadScenario(flags.scenario),
    policies,
    days: flags.days,
    replications: flags.replications,
    seed: flags.seed,
  };
  const bar = progress(ctx);
  try {
    const results = await runPlan(plan, { workers: flags.workers, onProgress: bar.tick });
    return buildReport(plan, results);
  } finally {
    bar.stop();
  }
};

const fmtPct = (x: number): string => `${(x * 100).toFixed(2)}%`;

/** Plain-text summary for people (the --json form is for machines). */
const textSummary = (r: SimReport): string => {
  const lines = [`${r.scenario}: ${r.days} days × ${r.replications} replications, seed ${r.seed}`];
  for (const [policy, s] of Object.entries(r.policies)) {
    for (const [c, o] of Object.entries(s)) {
      const ttb = o.timeToBloodMinutes;
      lines.push(
        `${policy.padEnd(9)} ${c.padEnd(9)} outdate ${fmtPct(o.outdateRate.mean).padStart(7)}  fill ${fmtPct(o.fillRate.mean).padStart(7)}` +
          `  urgent time-to-blood median ${ttb.median.mean.toFixed(0)} min, p95 ${ttb.p95.mean.toFixed(0)} min`,
      );
    }
  }
  for (const [policy, red] of Object.entries(r.reductions)) {
    for (const [c, x] of Object.entries(red)) {
      lines.push(
        `${policy} vs baseline ${c}: outdated units ${fmtPct(-x.outdatedUnits)}, fill rate ${(x.fillRateChange.mean * 100).toFixed(2)} points`,
      );
    }
  }
  return lines.join('\n');
};

const emit = (
  ctx: CliContext,
  flags: SimFlags,
  report: SimReport,
  json: Record<string, unknown>,
): void => {
  if (flags.html) writeFileSync(flags.html, renderHtmlReport(report));
  ctx.out(flags.json ? JSON.stringify(json, null, 2) : textSummary(report));
  if (flags.html && !flags.json) ctx.out(`report written to ${flags.html}`);
};

const withCommonOptions = (cmd: Command): Command =>
  cmd
    .option('--scenario <name|file>', 'bundled scenario name or a JSON/YAML file', 'city')
    .option('--days <n>', 'days to simulate after the warm-up', '365')
    .option('--replications <n>', 'independent replications (95% CIs over them)', '10')
    .option('--seed <n>', 'base seed; same seed → identical results', '1')
    .option('--workers <n>', 'worker threads (default: available cores; 0 runs in-process)')
    .option('--json', 'print a machine-readable report')
    .option('--html <file>', 'write a self-contained HTML report with charts');

/** `hemonet sim run|compare`: the digital twin of the city's blood network. */
export function registerSimCommands(program: Command, ctx: CliContext): void {
  const sim = program
    .command('sim')
    .description('digital twin: discrete-event simulation of the blood network');
  withCommonOptions(sim.command('run').description('simulate one policy'))
    .option('--policy <name>', `policy (${policyNames.join(', ')})`, 'network')
    .action(async (raw: Record<string, unknown>) => {
      const flags = simFlagsSchema.parse(raw);
      const report = await execute(ctx, flags, policyList(flags.policy ?? 'network'));
      emit(ctx, flags, report, { ...compareJson(report) });
    });
  withCommonOptions(sim.command('compare').description('compare policies on common random numbers'))
    .option('--policies <list>', 'comma-separated, baseline first', 'isolated,network')
    .action(async (raw: Record<string, unknown>) => {
      const flags = simFlagsSchema.parse(raw);
      const report = await execute(ctx, flags, policyList(flags.policies ?? 'isolated,network'));
      emit(ctx, flags, report, compareJson(report));
    });
}
