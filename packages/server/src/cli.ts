import { isDomainError } from '@hemonet/core';
import { Command, CommanderError } from 'commander';
import { ZodError } from 'zod';
import { registerBenchCommands } from './cli/bench.js';
import {
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
  processContext,
  type CliContext,
} from './cli/context.js';
import { registerIsbtCommands } from './cli/isbt.js';
import { registerLedgerCommands } from './cli/ledger.js';
import { registerSimCommands } from './cli/sim.js';
import { registerSimTextbookCommand } from './cli/sim-textbook.js';
import { registerBenchSimCommand } from './cli/bench-sim.js';
import { registerBenchIngestCommand } from './cli/bench-ingest.js';
import { registerDeviceCommands } from './cli/device.js';
import { registerServeCommand } from './cli/serve.js';
import { registerUserCommands } from './cli/user.js';

/**
 * The `hemonet` command. Each subcommand lives in src/cli/<name>.ts and registers itself here;
 * errors from every command are mapped to exit codes and one-line messages in one place below.
 */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('hemonet')
    .description('Hemonet: open-source smart city blood network')
    // Settings set before the subcommands are created are inherited by them.
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.out(s), writeErr: (s) => ctx.err(s) });
  registerIsbtCommands(program, ctx);
  registerLedgerCommands(program, ctx);
  registerBenchCommands(program, ctx);
  registerSimCommands(program, ctx);
  registerSimTextbookCommand(program, ctx);
  registerBenchSimCommand(program, ctx);
  registerBenchIngestCommand(program, ctx);
  registerDeviceCommands(program, ctx);
  registerServeCommand(program, ctx);
  registerUserCommands(program, ctx);
  return program;
}

const zodReason = (error: ZodError): string =>
  error.issues
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');

/** Maps any error a command throws to an exit code, printing one line and never a stack trace. */
export function exitCodeFor(error: unknown, ctx: CliContext): number {
  if (error instanceof CommanderError) {
    // commander already printed its message (or the help); help and version are not failures.
    const ok = error.code === 'commander.helpDisplayed' || error.code === 'commander.version';
    return ok ? EXIT_OK : EXIT_USAGE;
  }
  if (isDomainError(error)) {
    ctx.err(`error: ${error.message} [${error.code}]`);
    return EXIT_USAGE;
  }
  if (error instanceof ZodError) {
    ctx.err(`error: invalid input: ${zodReason(error)}`);
    return EXIT_USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  ctx.err(`error: ${message.split('\n')[0] ?? message}`);
  if (ctx.env.HEMONET_DEBUG && error instanceof Error && error.stack) ctx.err(error.stack);
  return EXIT_FAILURE;
}

/** Runs the CLI on `args` (without node and script path); resolves to the process exit code. */
export async function runCli(
  args: readonly string[],
  base: CliContext = processContext(),
): Promise<number> {
  let exitCode = EXIT_OK;
  const ctx: CliContext = { ...base, setExitCode: (code) => (exitCode = code) };
  try {
    await buildProgram(ctx).parseAsync([...args], { from: 'user' });
    return exitCode;
  } catch (error) {
    return exitCodeFor(error, ctx);
  }
}
