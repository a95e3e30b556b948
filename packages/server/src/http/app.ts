import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { installAuth } from './auth-hook.js';
import { installErrorHandling } from './errors.js';
import { installMetrics } from './metrics.js';
import { registerOpenApi } from './openapi.js';
import { routeModules } from './routes/index.js';
import type { AppDeps, HemonetApp, RegisteredRoute } from './types.js';

/**
 * The HTTP application, fully wired but not listening: `main.ts` calls `listen()`, tests call
 * `inject()`. Every dependency comes in through `deps`.
 */
export const buildApp = async (deps: AppDeps): Promise<HemonetApp> => {
  const app = Fastify({
    logger: deps.logger ?? false,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  recordRoutes(app);
  installErrorHandling(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  installAuth(app, deps);
  await registerOpenApi(app);
  installMetrics(app, deps.metrics);
  for (const register of routeModules) register(app, deps);
  await app.ready();
  return app;
};

/** Keeps the list of every route, so tests can hold each one to the same bar. */
const recordRoutes = (app: HemonetApp): void => {
  const routes: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', routes);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, permission: route.config?.permission ?? null });
    }
  });
};
