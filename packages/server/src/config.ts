import { z } from 'zod';

/** Where the data lives: an embedded PGlite directory (default) or a PostgreSQL server. */
export type DatabaseConfig =
  { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export const DEFAULT_DATA_DIR = './data';

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL');

/** The database flags every data command shares (`--data DIR`, `--database-url URL`). */
export const databaseFlagsSchema = z
  .object({
    data: z.string().min(1).optional(),
    databaseUrl: postgresUrl.optional(),
  })
  .refine((f) => !(f.data && f.databaseUrl), {
    message: 'use either --data or --database-url, not both',
  });
export type DatabaseFlags = z.input<typeof databaseFlagsSchema>;

const databaseEnvSchema = z.object({
  DATABASE_URL: postgresUrl.optional(),
  HEMONET_DATA_DIR: z.string().min(1).optional(),
});

/**
 * Flags win over the environment; without either, the embedded store in ./data. An explicit
 * `--data` beats DATABASE_URL so a developer with DATABASE_URL exported can still use a directory.
 */
export function resolveDatabaseConfig(
  flags: DatabaseFlags,
  env: Record<string, string | undefined> = process.env,
): DatabaseConfig {
  const f = databaseFlagsSchema.parse(flags);
  const e = databaseEnvSchema.parse({
    DATABASE_URL: env.DATABASE_URL || undefined,
    HEMONET_DATA_DIR: env.HEMONET_DATA_DIR || undefined,
  });
  if (f.databaseUrl) return { kind: 'postgres', url: f.databaseUrl };
  if (f.data) return { kind: 'pglite', dataDir: f.data };
  if (e.DATABASE_URL) return { kind: 'postgres', url: e.DATABASE_URL };
  return { kind: 'pglite', dataDir: e.HEMONET_DATA_DIR ?? DEFAULT_DATA_DIR };
}
