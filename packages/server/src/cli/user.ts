import type { Command } from 'commander';
import { z } from 'zod';
import { roleSchema, roles } from '../auth/roles.js';
import { addUser } from '../commands/users.js';
import { openDatabase } from '../db/open-database.js';
import { readProductTable } from '../product-table-file.js';
import type { CliContext } from './context.js';
import { addDatabaseOptions, databaseConfigFrom } from './database-options.js';

const addFlags = z.object({
  data: z.string().optional(),
  databaseUrl: z.string().optional(),
  username: z.string().regex(/^[A-Za-z0-9._@-]{1,100}$/, 'letters, digits and . _ @ - only'),
  role: roleSchema,
  site: z.string().min(1),
  json: z.boolean().default(false),
});

/** `hemonet user add`: provision a person; the generated password is shown once. */
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
      const db = await openDatabase(databaseConfigFrom(flags, ctx.env));
      try {
        const deps = {
          db,
          clock: () => new Date(),
          lifecycle: {},
          products: await readProductTable(),
        };
        const { user: created, password } = await addUser(
          deps,
          { username: flags.username, role: flags.role, siteId: flags.site },
          'cli',
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
      } finally {
        await db.close();
      }
    });
}
