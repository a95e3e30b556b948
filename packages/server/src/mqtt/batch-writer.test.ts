import { describe, expect, it } from 'vitest';
import type { BatchResult } from '../coldchain/ingest-batch.js';
import { BatchWriter, type PendingMessage } from './batch-writer.js';

const message = (text: string, acked: string[]): PendingMessage => ({
  deviceId: 'D1',
  siteId: 'S1',
  payload: Buffer.from(text),
  receivedAt: Date.now(),
  ack: () => acked.push(text),
});

const result = (messages: readonly PendingMessage[]): BatchResult => ({
  messages: messages.length,
  rejected: [],
  stored: messages.length,
  alarms: [],
});

function writer(databaseUp: () => boolean, committed: string[], poison: string[]) {
  return new BatchWriter(
    (batch) => {
      const texts = batch.map((m) => Buffer.from(m.payload).toString());
      if (texts.includes('poison') || !databaseUp()) return Promise.reject(new Error('boom'));
      committed.push(...texts);
      return Promise.resolve(result(batch));
    },
    {
      maxBatch: 100,
      retryDelayMs: 5,
      onCommitted: () => undefined,
      onFailed: () => undefined,
      databaseAnswers: () => Promise.resolve(databaseUp()),
      onPoison: (m) => poison.push(Buffer.from(m.payload).toString()),
    },
  );
}

describe('batch writer', () => {
  it('isolates a poison message: its neighbours commit, it is acknowledged and reported', async () => {
    const acked: string[] = [];
    const committed: string[] = [];
    const poison: string[] = [];
    const w = writer(() => true, committed, poison);
    for (const t of ['a', 'b', 'poison', 'c', 'd']) w.push(message(t, acked));
    await w.flush();
    expect(committed).toEqual(['a', 'b', 'c', 'd']);
    expect(poison).toEqual(['poison']);
    expect(acked.sort()).toEqual(['a', 'b', 'c', 'd', 'poison']);
  });

  it('acknowledges nothing while the database is down, and everything once it is back', async () => {
    const acked: string[] = [];
    const committed: string[] = [];
    let up = false;
    const w = writer(() => up, committed, []);
    for (const t of ['a', 'b', 'c']) w.push(message(t, acked));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(acked).toEqual([]);
    up = true;
    await w.flush();
    expect(acked).toEqual(['a', 'b', 'c']);
  });
});
