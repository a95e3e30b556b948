import pg from 'pg';
import { fanOut, liveEventSchema, type LiveBus, type LiveEvent, type LiveListener } from './bus.js';

/** PostgreSQL limits a NOTIFY payload to 8000 bytes; larger events carry only their identity. */
const MAX_NOTIFY_BYTES = 7900;

/**
 * Replicas on one PostgreSQL share live events through LISTEN/NOTIFY: every replica publishes
 * with pg_notify and every replica (the publisher included) delivers what it hears, so an alarm
 * raised through one replica reaches SSE clients of all. The listening connection reconnects.
 */
export async function createPgBus(
  connectionString: string,
  channel = 'hemonet_live',
): Promise<LiveBus> {
  const listeners = new Set<LiveListener>();
  const publisher = new pg.Pool({ connectionString, max: 2 });
  publisher.on('error', () => undefined);
  let listener: pg.Client | null = null;
  let closed = false;

  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString });
    client.on('notification', (msg) => {
      const parsed = liveEventSchema.safeParse(safeJson(msg.payload));
      if (parsed.success) fanOut(listeners, parsed.data);
    });
    client.on('error', () => {
      listener = null;
      if (!closed) setTimeout(() => void connect().catch(() => undefined), 1000);
    });
    await client.connect();
    await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    listener = client;
  };
  await connect();

  return {
    publish: async (event: LiveEvent) => {
      let text = JSON.stringify(event);
      if (Buffer.byteLength(text) > MAX_NOTIFY_BYTES)
        text = JSON.stringify({ ...event, data: { truncated: true } });
      await publisher.query('SELECT pg_notify($1, $2)', [channel, text]);
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close: async () => {
      closed = true;
      listeners.clear();
      await listener?.end().catch(() => undefined);
      await publisher.end();
    },
  };
}

function safeJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return null;
  }
}
