import { readFile } from 'node:fs/promises';
import { DomainError, type LifecycleOptions } from '@hemonet/core';
import type { Command } from 'commander';
import { z } from 'zod';
import { DEFAULT_DATA_DIR } from '../config.js';
import { CREDENTIALS_FILE } from '../demo/seed.js';
import type { DemoCredential } from '../demo/users.js';
import { DEFAULT_HTTP_PORT, DEFAULT_MQTT_PORT, startServer, type RunningServer } from '../main.js';
import type { CliContext } from './context.js';
import { addDatabaseOptions, databaseConfigFrom } from './database-options.js';

const port = z.coerce.number().int().min(0).max(65_535);
const returnToStockRule = z.enum(['allowed', 'forbidden']);

/**
 * The hospital rules a deployment chooses once (docs/operations.md): whether an issued unit may
 * come back to stock within its time-out-of-storage limit. Chinese practice forbids it
 * (临床输血技术规范 2000: 血液发出后不得退回); the flag wins over HEMONET_RETURN_TO_STOCK.
 */
export const lifecycleFrom = (
  flags: { returnToStock?: 'allowed' | 'forbidden' | undefined },
  env: Record<string, string | undefined>,
): LifecycleOptions => {
  const fromEnv = returnToStockRule.safeParse(env.HEMONET_RETURN_TO_STOCK || 'allowed');
  if (!fromEnv.success)
    throw new DomainError(
      'CONFIG_INVALID',
      `HEMONET_RETURN_TO_STOCK must be "allowed" or "forbidden", not "${env.HEMONET_RETURN_TO_STOCK}"`,
    );
  return { allowReturnToStock: (flags.returnToStock ?? fromEnv.data) === 'allowed' };
};
const serveFlags = z.object({
  data: z.string().optional(),
  databaseUrl: z.string().optional(),
  port: port.optional(),
  mqttPort: port.optional(),
  mqttUrl: z
    .string()
    .regex(/^mqtts?:\/\//, 'must be an mqtt:// or mqtts:// URL')
    .optional(),
  mqttClientId: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, _ . - (at most 64)')
    .optional(),
  host: z.string().min(1).default('localhost'),
  demo: z.boolean().default(false),
  demoDonations: z.coerce.number().int().min(1).max(100_000).default(1200),
  returnToStock: returnToStockRule.optional(),
});

const credentialLine = (c: DemoCredential) =>
  `  ${c.username.padEnd(34)} ${c.password}  (${c.role} at ${c.site})`;

/** Prints the center's and the first hospital's accounts; all of them are in the file. */
const printCredentials = async (ctx: CliContext, file: string): Promise<void> => {
  const all = JSON.parse(await readFile(file, 'utf8')) as DemoCredential[];
  ctx.out(`Demo accounts (all ${all.length} in ${file}):`);
  for (const c of all.filter((c) => c.site === 'BC' || c.site === 'H01'))
    ctx.out(credentialLine(c));
};

const announce = async (
  ctx: CliContext,
  server: RunningServer,
  credentialsFile: string | null,
  lifecycle: LifecycleOptions,
): Promise<void> => {
  if (server.demo?.seeded)
    ctx.out(
      `Demo city seeded in ${server.demo.seconds.toFixed(1)} s: 39 sites, ${server.demo.units} units, ${server.demo.events} ledger events.`,
    );
  if (credentialsFile)
    await printCredentials(ctx, credentialsFile).catch(() =>
      ctx.out(`(no ${CREDENTIALS_FILE} found: the database was not seeded by --demo)`),
    );
  ctx.out(
    lifecycle.allowReturnToStock === false
      ? 'Issued units never return to stock (--return-to-stock forbidden).'
      : 'Issued units may return to stock within their time-out-of-storage limit.',
  );
  ctx.out(
    `Hemonet is serving ${server.url}  (API docs ${server.url}/api/docs, MQTT ${server.mqttPort === null ? 'via the external broker' : `on port ${server.mqttPort}`})`,
  );
};

/** Stops cleanly on SIGINT/SIGTERM: HTTP and MQTT close, the database and its lock are released. */
const untilSignal = (ctx: CliContext, server: RunningServer): Promise<void> =>
  new Promise((resolve) => {
    const stop = (signal: string) => {
      ctx.out(`${signal}: shutting down`);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close().then(resolve, (error: unknown) => {
        ctx.err(`error during shutdown: ${String(error)}`);
        resolve();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

/** `hemonet serve`: the network in one process (HTTP API + embedded MQTT broker). */
export function registerServeCommand(program: Command, ctx: CliContext): void {
  addDatabaseOptions(
    program
      .command('serve')
      .description('run the network: HTTP API, live events and the embedded MQTT broker'),
  )
    .option(
      '--port <port>',
      `HTTP port (default ${DEFAULT_HTTP_PORT}; a free one if that is taken)`,
    )
    .option(
      '--mqtt-port <port>',
      `MQTT port (default ${DEFAULT_MQTT_PORT}; a free one if that is taken)`,
    )
    .option('--mqtt-url <url>', 'use an external MQTT broker instead of the embedded one')
    .option(
      '--mqtt-client-id <id>',
      "this replica's persistent session at the external broker (default hemonet-<host>-<port>)",
    )
    .option('--host <host>', 'interface to listen on', 'localhost')
    .option('--demo', 'seed the demo city into an empty database and print its accounts')
    .option('--demo-donations <n>', 'donations the demo seeds', '1200')
    .option(
      '--return-to-stock <rule>',
      'allowed | forbidden: may issued units come back to stock within their time-out-of-storage limit (default: HEMONET_RETURN_TO_STOCK, else allowed)',
    )
    .action(async (raw: unknown) => {
      const flags = serveFlags.parse(raw);
      const database = databaseConfigFrom(flags, ctx.env);
      const lifecycle = lifecycleFrom(flags, ctx.env);
      const credentialsDir =
        database.kind === 'pglite' ? database.dataDir : (flags.data ?? DEFAULT_DATA_DIR);
      const server = await startServer({
        database,
        host: flags.host,
        httpPort: flags.port ?? DEFAULT_HTTP_PORT,
        mqttPort: flags.mqttPort ?? DEFAULT_MQTT_PORT,
        mqttUrl: flags.mqttUrl,
        mqttClientId: flags.mqttClientId,
        explicitPorts: { http: flags.port !== undefined, mqtt: flags.mqttPort !== undefined },
        demo: flags.demo ? { donations: flags.demoDonations, credentialsDir } : null,
        lifecycle,
        log: (line) => ctx.err(line),
      });
      await announce(
        ctx,
        server,
        flags.demo ? `${credentialsDir}/${CREDENTIALS_FILE}` : null,
        lifecycle,
      );
      await untilSignal(ctx, server);
    });
}
