import { hostname } from 'node:os';
import type { LifecycleOptions } from '@hemonet/core';
import { escalationFromEnv } from './coldchain/escalation-config.js';
import { startColdChain } from './coldchain/runtime.js';
import { startExpiryJob } from './commands/expiry-job.js';
import { releaseLapsedReservations } from './commands/transfusion.js';
import type { DatabaseConfig } from './config.js';
import { openDatabase } from './db/open-database.js';
import type { SqlClient } from './db/sql-client.js';
import { startDemoDevices } from './demo/device-simulator.js';
import { seedDemoCity, type DemoResult } from './demo/seed.js';
import { buildApp } from './http/app.js';
import { createMetricsRegistry } from './http/metrics.js';
import type { AppDeps, HemonetApp } from './http/types.js';
import { createLocalBus, type LiveBus } from './live/bus.js';
import { createPgBus } from './live/pg-bus.js';
import { readProductTable } from './product-table-file.js';

export const DEFAULT_HTTP_PORT = 8080;
export const DEFAULT_MQTT_PORT = 1883;

export interface ServeOptions {
  database: DatabaseConfig;
  host: string;
  httpPort: number;
  mqttPort: number;
  /** An external broker (Mosquitto, EMQX) instead of the embedded one. */
  mqttUrl?: string | undefined;
  /**
   * This replica's persistent-session id at the external broker: stable across restarts so the
   * readings queued while it was down are delivered when it returns. Default: host and HTTP port.
   */
  mqttClientId?: string | undefined;
  /** Ports chosen by the user are never swapped for free ones; defaults are. */
  explicitPorts: { http: boolean; mqtt: boolean };
  /** Seed the demo city into an empty database; credentials go to `credentialsDir`. */
  demo: { donations: number; credentialsDir: string } | null;
  lifecycle?: LifecycleOptions;
  log: (line: string) => void;
}

export interface RunningServer {
  url: string;
  /** Port of the embedded broker; null when an external broker is used. */
  mqttPort: number | null;
  demo: DemoResult | null;
  deps: AppDeps;
  close(): Promise<void>;
}

/** The one deps object of the process: everything a command or route needs, built once. */
export const buildDeps = async (
  db: SqlClient,
  live: LiveBus,
  lifecycle: LifecycleOptions = {},
): Promise<AppDeps> => ({
  db,
  clock: () => new Date(),
  lifecycle,
  products: await readProductTable(),
  metrics: createMetricsRegistry(),
  live,
  http: {
    sessionTtlMs: 12 * 60 * 60_000, // one shift
    loginRateLimit: { max: 10, windowMs: 60_000 },
    secureCookies: process.env.HEMONET_SECURE_COOKIES === 'true',
  },
});

const createBus = (config: DatabaseConfig): Promise<LiveBus> =>
  config.kind === 'postgres' ? createPgBus(config.url) : Promise.resolve(createLocalBus());

/**
 * Listens on `port`; when that is a default port and already taken (say a Mosquitto on 1883),
 * says so and takes a free one instead.
 */
export const withPortFallback = async <T>(
  what: string,
  port: number,
  explicit: boolean,
  listen: (port: number) => Promise<T>,
  log: (line: string) => void,
): Promise<T> => {
  try {
    return await listen(port);
  } catch (error) {
    if (explicit || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    log(`${what} port ${port} is taken; using a free port instead`);
    return listen(0);
  }
};

const listenHttp = async (app: HemonetApp, options: ServeOptions): Promise<string> => {
  const address = await withPortFallback(
    'HTTP',
    options.httpPort,
    options.explicitPorts.http,
    (port) => app.listen({ port, host: options.host }),
    options.log,
  );
  const port = new URL(address).port;
  return `http://${options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host}:${port}`;
};

const brokerHost = (host: string) => (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host);

/** Opens the database, seeds the demo if asked, and serves HTTP and MQTT until `close()`. */
export const startServer = async (options: ServeOptions): Promise<RunningServer> => {
  const db = await openDatabase(options.database, { lock: 'hold' });
  const live = await createBus(options.database);
  const deps = await buildDeps(db, live, options.lifecycle);
  const demo = options.demo ? await seedDemoCity(deps, options.demo) : null;
  const app = await buildApp(deps);
  const url = await listenHttp(app, options);
  const coldChain = await startColdChain({
    db,
    bus: live,
    clock: deps.clock,
    metrics: deps.metrics,
    lifecycle: deps.lifecycle,
    escalation: escalationFromEnv(process.env),
    mqtt: options.mqttUrl
      ? {
          kind: 'external',
          url: options.mqttUrl,
          clientId: options.mqttClientId ?? `hemonet-${hostname()}-${options.httpPort}`,
        }
      : {
          kind: 'embedded',
          port: options.mqttPort,
          host: options.host,
          fallbackToFreePort: !options.explicitPorts.mqtt,
        },
    log: (message, details) =>
      options.log(details ? `${message} ${JSON.stringify(details)}` : message),
  });
  const simulator = options.demo
    ? await startDemoDevices({
        db,
        clock: deps.clock,
        dir: options.demo.credentialsDir,
        justSeeded: demo?.seeded === true,
        url: options.mqttUrl ?? `mqtt://${brokerHost(options.host)}:${coldChain.mqttPort}`,
        log: options.log,
      })
    : null;
  const sweep = setInterval(() => {
    releaseLapsedReservations(deps).catch((error: unknown) =>
      options.log(`reservation sweep failed: ${String(error)}`),
    );
  }, 60_000);
  sweep.unref();
  const expiry = startExpiryJob(deps, { log: options.log });
  const close = async () => {
    clearInterval(sweep);
    await expiry.stop();
    await simulator?.stop();
    await app.close();
    await coldChain.stop();
    await live.close();
    await db.close();
  };
  return { url, mqttPort: coldChain.mqttPort, demo, deps, close };
};
