import type { FastifyInstance } from 'fastify';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics: process defaults plus request counts and latencies labelled by route
 * pattern (never the raw URL, which would explode label cardinality with DINs).
 */
export const installMetrics = (app: FastifyInstance, registry: Registry): void => {
  const requests =
    existing<Counter>(registry, 'hemonet_http_requests_total') ??
    new Counter({
      name: 'hemonet_http_requests_total',
      help: 'HTTP requests by method, route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    });
  const duration =
    existing<Histogram>(registry, 'hemonet_http_request_duration_seconds') ??
    new Histogram({
      name: 'hemonet_http_request_duration_seconds',
      help: 'HTTP request duration by method and route',
      labelNames: ['method', 'route'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
  app.get(
    '/metrics',
    { config: { public: true }, schema: { hide: true } },
    async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()),
  );
};

const existing = <T>(registry: Registry, name: string): T | undefined =>
  registry.getSingleMetric(name) as T | undefined;

/** A registry with the process's default metrics, built once in main.ts. */
export const createMetricsRegistry = (): Registry => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
};
