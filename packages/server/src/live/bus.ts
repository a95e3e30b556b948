import { EventEmitter } from 'node:events';
import { z } from 'zod';

/**
 * Live events for the console (`GET /api/events`): alarms, acknowledgements, device status, unit
 * status changes. Anyone may publish; the SSE route subscribes. `siteId` scopes who may see it
 * (null: every site, e.g. network-wide notices).
 */
export const liveEventSchema = z.object({
  type: z.string().min(1),
  siteId: z.string().nullable(),
  at: z.string(),
  data: z.unknown(),
});
export type LiveEvent = z.infer<typeof liveEventSchema>;

export type LiveListener = (event: LiveEvent) => void;

export interface LiveBus {
  publish(event: LiveEvent): Promise<void>;
  subscribe(listener: LiveListener): () => void;
  close(): Promise<void>;
}

/** One process (PGlite, tests): events go straight to this process's subscribers. */
export function createLocalBus(): LiveBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish: (event) => {
      emitter.emit('event', event);
      return Promise.resolve();
    },
    subscribe: (listener) => {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
    close: () => {
      emitter.removeAllListeners();
      return Promise.resolve();
    },
  };
}

/** Fan-out to local subscribers, isolating them from each other's failures. */
export function fanOut(listeners: Set<LiveListener>, event: LiveEvent): void {
  for (const l of listeners) {
    try {
      l(event);
    } catch {
      // a broken subscriber (a closed SSE stream) must not stop the others
    }
  }
}
