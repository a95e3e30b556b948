import {
  exactTextbook,
  parseDemandSpec,
  runTextbook,
  summariseTextbook,
  type TextbookKpis,
  type TextbookParams,
} from '@hemonet/sim';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from './context.js';

const count = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const textbookFlagsSchema = z.object({
  shelfLife: count(1, 1000),
  leadTime: count(0, 1000),
  baseStock: count(0, 100_000),
  issuing: z.enum(['fifo', 'lifo']),
  demand: z.string().transform((text, ctx) => {
    try {
      return parseDemandSpec(text);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: e instanceof Error ? e.message : String(e) });
      return z.NEVER;
    }
  }),
  warmup: count(0, 1_000_000),
  periods: count(1, 1_000_000),
  replications: count(1, 1_000_000),
  seed: z.coerce.number().int(),
  exact: z.boolean().optional(),
  json: z.boolean().optional(),
});

const kpiNames = [
  'serviceLevel',
  'wastage',
  'meanOrder',
  'shortage',
  'expired',
  'holding',
] as const;

const textSummary = (
  p: TextbookParams,
  replications: number,
  sim: TextbookKpis<{ mean: number; standardError: number }>,
  exact: TextbookKpis<number> | undefined,
): string => {
  const head = `shelf life ${p.shelfLife}, lead time ${p.leadTime}, base stock ${p.baseStock}, ${p.issuing.toUpperCase()}, ${replications} replications × ${p.periods} periods after ${p.warmup} of warm-up`;
  const rows = kpiNames.map((k) => {
    const s = sim[k];
    const x = exact ? `   exact ${exact[k].toFixed(5)}` : '';
    return `${k.padEnd(13)} ${s.mean.toFixed(5)} ± ${s.standardError.toFixed(5)} (s.e.)${x}`;
  });
  return [head, ...rows].join('\n');
};

/** `hemonet sim textbook`: the single-item perishable inventory model on the twin's engine parts. */
export function registerSimTextbookCommand(program: Command, ctx: CliContext): void {
  const sim =
    program.commands.find((c) => c.name() === 'sim') ??
    program.command('sim').description('digital twin');
  sim
    .command('textbook')
    .description(
      'the standard single-item perishable inventory model (base stock, FIFO/LIFO, lost sales)',
    )
    .requiredOption('--shelf-life <m>', 'shelf life in periods')
    .option('--lead-time <L>', 'periods from order to use (1: the next period)', '1')
    .requiredOption('--base-stock <S>', 'order up to S on the inventory position')
    .option('--issuing <fifo|lifo>', 'oldest or freshest first', 'fifo')
    .requiredOption('--demand <spec>', 'poisson:MEAN, nbinom:MEAN:SIZE or gamma:MEAN:CV')
    .option('--warmup <W>', 'periods before counting starts, from an empty system', '100')
    .option('--periods <P>', 'periods counted after the warm-up', '365')
    .option('--replications <R>', 'independent replications (standard errors over them)', '1000')
    .option('--seed <n>', 'base seed; same seed → identical results', '1')
    .option('--exact', 'also evaluate the model exactly as a Markov chain (small m, L and S)')
    .option('--json', 'print the KPIs as JSON')
    .action((raw: Record<string, unknown>) => {
      const f = textbookFlagsSchema.parse(raw);
      const params: TextbookParams = {
        shelfLife: f.shelfLife,
        leadTime: f.leadTime,
        baseStock: f.baseStock,
        issuing: f.issuing,
        demand: f.demand,
        warmup: f.warmup,
        periods: f.periods,
      };
      const kpis = summariseTextbook(params, runTextbook(params, f.replications, f.seed));
      const exact = f.exact ? exactTextbook(params) : undefined;
      ctx.out(
        f.json
          ? JSON.stringify(
              {
                model: params,
                replications: f.replications,
                seed: f.seed,
                ...kpis,
                ...(exact ? { exact } : {}),
              },
              null,
              2,
            )
          : textSummary(params, f.replications, kpis, exact),
      );
    });
}
