import { currentUser } from '../../auth-hook.js';
import type { RouteModule } from '../../types.js';
import { canSeeSite } from '../alarms/scope.js';

/** SSE comment line every so often so proxies keep the stream open. */
const HEARTBEAT_MS = 15_000;

/**
 * `GET /api/events`: Server-Sent Events (WHATWG HTML §9.2) of the live bus, filtered to the sites
 * the user may see. Each event: `event: <type>` and `data: <json>`.
 */
export const eventRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/events',
    {
      config: { permission: 'sites:read' },
      schema: { tags: ['events'], summary: 'Live events (text/event-stream)' },
    },
    (request, reply) => {
      const user = currentUser(request);
      const bus = deps.live;
      reply.hijack();
      const out = reply.raw;
      out.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      out.write(': connected\n\n');
      const unsubscribe = bus
        ? bus.subscribe((event) => {
            if (canSeeSite(user, event.siteId))
              out.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
          })
        : () => undefined;
      const heartbeat = setInterval(() => out.write(': ping\n\n'), HEARTBEAT_MS);
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
    },
  );
};
