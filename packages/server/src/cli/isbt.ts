import { formatKeyboardCheck, parseIsbt } from '@hemonet/core';
import type { Command } from 'commander';
import type { CliContext } from './context.js';

/** `hemonet isbt check|parse`: the ISBT 128 codec at the command line. */
export function registerIsbtCommands(program: Command, ctx: CliContext): void {
  const isbt = program.command('isbt').description('ISBT 128 data structures');

  isbt
    .command('check')
    .description(
      'print the keyboard-entry check character (ISO/IEC 7064 MOD 37-2) and the type-3 flag of a 13-character DIN, e.g. "A 70"',
    )
    .argument('<din13>', 'Donation Identification Number, 13 characters (e.g. G123417654321)')
    .action((din13: string) => {
      ctx.out(formatKeyboardCheck(din13));
    });

  isbt
    .command('parse')
    .description(
      'parse one or several concatenated ISBT 128 data structures and print them as JSON',
    )
    .argument('<data>', "data as scanned, e.g. '=G12341765432100=%5100'")
    .action((data: string) => {
      ctx.out(JSON.stringify(parseIsbt(data), null, 2));
    });
}
