import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import type { Permission } from '../auth/roles.js';
import type { AuthUser } from '../auth/user.js';
import type { CommandDeps } from '../commands/deps.js';
import type { LiveBus } from '../live/bus.js';

export interface HttpConfig {
  /** How long a session token stays valid after login. */
  sessionTtlMs: number;
  /** Login attempts allowed per client address per window (brute-force protection). */
  loginRateLimit: { max: number; windowMs: number };
  /** Send the session cookie with the Secure attribute (behind TLS). */
  secureCookies: boolean;
}

export interface AppDeps extends CommandDeps {
  metrics: Registry;
  http: HttpConfig;
  logger?: boolean | FastifyBaseLogger;
  /** Live event bus behind `GET /api/events` (in-process on PGlite, LISTEN/NOTIFY on PostgreSQL). */
  live?: LiveBus;
}

export type HemonetApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** A route module: registers one resource's routes. */
export type RouteModule = (app: HemonetApp, deps: AppDeps) => void;

export interface RegisteredRoute {
  method: string;
  url: string;
  permission: Permission | null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a token (health, metrics, OpenAPI, login). */
    public?: boolean;
    /** The permission a caller's role must grant; checked before the body is even validated. */
    permission?: Permission;
  }
  interface FastifyRequest {
    user: AuthUser | null;
  }
  interface FastifyInstance {
    registeredRoutes: RegisteredRoute[];
  }
}
