import type { Command } from 'commander';
import { z } from 'zod';
import { openDatabase } from '../db/open-database.js';
import { verifyLedger, type LedgerVerification } from '../ledger/verify.js';
import { EXIT_FAILURE, type CliContext } from './context.js';
import { addDatabaseOptions, databaseConfigFrom } from './database-options.js';

const verifyFlagsSchema = z.object({
  data: z.string().optional(),
  databaseUrl: z.string().optional(),
  json: z.boolean().default(false),
});

const describe = (v: LedgerVerification): string =>
  v.fault
    ? `ledger BROKEN at event seq ${v.fault.seq}${v.fault.din ? ` (unit ${v.fault.din})` : ''}: ${v.fault.message} [${v.fault.kind}]`
    : `ledger OK: ${v.eventsChecked} events, head seq ${v.head.lastSeq} ${v.head.lastHash}`;

/** `hemonet ledger verify`: walk the hash chain; exit 1 and name the first bad event. */
export function registerLedgerCommands(program: Command, ctx: CliContext): void {
  const ledger = program.command('ledger').description('the tamper-evident unit event ledger');
  addDatabaseOptions(
    ledger
      .command('verify')
      .description(
        'check the hash chain of every unit event; non-zero exit and the first bad event on failure',
      ),
  )
    .option('--json', 'print the result as JSON')
    .action(async (raw: unknown) => {
      const flags = verifyFlagsSchema.parse(raw);
      const db = await openDatabase(databaseConfigFrom(flags, ctx.env), { create: false });
      try {
        const result = await verifyLedger(db);
        if (flags.json) ctx.out(JSON.stringify(result));
        else if (result.ok) ctx.out(describe(result));
        else ctx.err(describe(result));
        if (!result.ok) ctx.setExitCode(EXIT_FAILURE);
      } finally {
        await db.close();
      }
    });
}
