import type { Command } from 'commander';
import { z } from 'zod';
import { roleSchema, roles } from '../auth/roles.js';
import type { CommandDeps } from '../commands/deps.js';
import { resetPassword } from '../commands/passwords.js';
import { addUser } from '../commands/users.js';
import { openDatabase } from '../db/open-database.js';
import { readProductTable } from '../product-table-file.js';
import type { CliContext } from './context.js';
import { addDatabaseOptions, databaseConfigFrom } from './database-options.js';

const dbFlags = {
  data: z.string().optional(),
  databaseUrl: z.string().optional(),
  json: z.boolean().default(false),
};
const usernameSchema = z
  .string()
  .regex(/^[A-Za-z0-9._@-]{1,100}$/, 'letters, digits and . _ @ - only');
const addFlags = z.object({
  ...dbFlags,
  username: usernameSchema,
  role: roleSchema,
  site: z.string().min(1),
});
const resetFlags = z.object(dbFlags);

async function withDatabase<T>(
  ctx: CliContext,
  flags: { data?: string; databaseUrl?: string },
  fn: (deps: CommandDeps) => Promise<T>,
): Promise<T> {
  const db = await openDatabase(databaseConfigFrom(flags, ctx.env));
  try {
    return await fn({
      db,
      clock: () => new Date(),
      lifecycle: {},
      products: await readProductTable(),
    });
  } finally {
    await db.close();
  }
}

/** `hemonet user add|reset-password`: provision people; generated passwords are shown once. */
export function registerUserCommands(program: Command, ctx: CliContext): void {
  const user = program.command('user').description('people who use the network');
  addDatabaseOptions(
    user.command('add').description('add a user with a generated password (printed once)'),
  )
    .requiredOption('--username <name>', 'login name')
    .requiredOption('--role <role>', `one of ${roles.join(', ')}`)
    .requiredOption('--site <code>', 'the site the user works at')
    .option('--json', 'print {"username","password","role","site"} as JSON')
    .action(async (raw: unknown) => {
      const flags = addFlags.parse(raw);
      const { user: created, password } = await withDatabase(ctx, flags, (deps) =>
        addUser(deps, { username: flags.username, role: flags.role, siteId: flags.site }, 'cli'),
      );
      const out = {
        username: created.username,
        password,
        role: created.role,
        site: created.siteId,
      };
      ctx.out(
        flags.json
          ? JSON.stringify(out)
          : `added ${out.username} (${out.role} at ${out.site}); password: ${password}`,
      );
    });
  addDatabaseOptions(
    user
      .command('reset-password')
      .description('give a user a new generated password (printed once) and end its sessions')
      .argument('<username>', 'login name'),
  )
    .option('--json', 'print {"username","password"} as JSON')
    .action(async (username: string, raw: unknown) => {
      const name = usernameSchema.parse(username);
      const flags = resetFlags.parse(raw);
      const reset = await withDatabase(ctx, flags, (deps) => resetPassword(deps, name, 'cli'));
      ctx.out(
        flags.json
          ? JSON.stringify(reset)
          : `reset the password of ${reset.username}; new password: ${reset.password} (all its sessions were ended)`,
      );
    });
}
