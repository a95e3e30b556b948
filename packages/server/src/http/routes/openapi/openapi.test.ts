import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDatabases } from '../../../db/test-support/databases.js';
import { createHarness, type Harness } from '../../test-support/harness.js';

/** Routes that are deliberately not API operations: the document itself, its viewer, metrics. */
const undocumented = (url: string): boolean =>
  url === '/metrics' || url === '/api/openapi.json' || url.startsWith('/api/docs');

const toOpenApiPath = (url: string): string => url.replace(/:([A-Za-z]+)/g, '{$1}');

describeDatabases('OpenAPI document', ({ db }) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(db());
  });
  afterAll(() => h.close());

  it('is valid OpenAPI 3 and lists every route', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const document = res.json<{
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    }>();
    expect(document.openapi).toMatch(/^3\./);
    await SwaggerParser.validate(structuredClone(document) as never);
    const routes = h.app.registeredRoutes.filter((r) => !undocumented(r.url));
    expect(routes.length).toBeGreaterThan(5);
    for (const route of routes) {
      const operation = document.paths[toOpenApiPath(route.url)]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.url}`).toBeDefined();
    }
  });

  it('marks protected operations with the bearer scheme and public ones without', async () => {
    const document = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    }>();
    expect(document.paths['/api/health']?.get?.security).toEqual([]);
    expect(document.paths['/api/sites']?.get?.security).toContainEqual({ bearerAuth: [] });
  });

  it('serves the interactive docs and Prometheus metrics without a token', async () => {
    const docs = await h.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
    await h.app.inject({ method: 'GET', url: '/api/health' });
    const metrics = await h.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toContain(
      'hemonet_http_requests_total{method="GET",route="/api/health",status="200"}',
    );
  });

  it('answers an unknown route with a coded 404 and hides internals of unknown errors', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('ROUTE_NOT_FOUND');
  });
});
