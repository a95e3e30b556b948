import { z } from 'zod';
import { pingDatabase } from '../../../db/repos/health-repo.js';
import type { RouteModule } from '../../types.js';

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['ok', 'unreachable']),
  time: z.iso.datetime(),
});

export const healthRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability',
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (_request, reply) => {
      const database = (await pingDatabase(deps.db)) ? 'ok' : 'unreachable';
      const body = {
        status: database === 'ok' ? 'ok' : 'degraded',
        database,
        time: deps.clock().toISOString(),
      } as const;
      return reply.status(database === 'ok' ? 200 : 503).send(body);
    },
  );
};
