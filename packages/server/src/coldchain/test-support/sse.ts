import { request as httpRequest } from 'node:http';

export interface SseRecorder {
  events: Array<{ type: string; data: unknown }>;
  /** Resolves with the first recorded event of `type` matching `where` (waits up to `timeoutMs`). */
  waitFor(type: string, where?: (data: unknown) => boolean, timeoutMs?: number): Promise<unknown>;
  close(): void;
}

/** Subscribes to `GET /api/events` of a listening server and records every event. */
export function recordEvents(port: number, token: string): Promise<SseRecorder> {
  const events: SseRecorder['events'] = [];
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        port,
        host: '127.0.0.1',
        path: '/api/events',
        headers: { authorization: `Bearer ${token}` },
      },
      (res) => {
        let buffer = '';
        res.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          const blocks = buffer.split('\n\n');
          buffer = blocks.pop() ?? '';
          for (const block of blocks) {
            const type = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (type && data)
              events.push({ type, data: (JSON.parse(data) as { data: unknown }).data });
          }
        });
        resolve({
          events,
          waitFor: (type, where = () => true, timeoutMs = 10_000) =>
            eventually(() => events.find((e) => e.type === type && where(e.data))?.data, timeoutMs),
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Polls `probe` until it returns something other than undefined/false. */
export async function eventually<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
