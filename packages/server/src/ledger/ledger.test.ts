import { expect, it } from 'vitest';
import { describeDatabases } from '../db/test-support/databases.js';
import type { SqlClient } from '../db/sql-client.js';
import { appendToLedger } from './append.js';
import { hashEvent, type LedgerEventDraft } from './chain.js';
import { verifyLedger } from './verify.js';

const draft = (din: string, n: number): LedgerEventDraft => ({
  din,
  type: 'TEST_RESULT',
  siteId: 'C01',
  actor: 'tech-1',
  at: new Date(Date.UTC(2025, 0, 1, 8, 0, n)),
  payload: { test: 'HBsAg', result: 'negative', n, note: 'ünïcödé ✓' },
});

const appendSome = async (db: SqlClient, count: number, din = 'G123425000001') => {
  for (let i = 0; i < count; i++) await db.transaction((tx) => appendToLedger(tx, [draft(din, i)]));
};

/** What someone with owner rights would do first: switch off the append-only guard. */
const disableGuard = (db: SqlClient) => db.exec('ALTER TABLE unit_events DISABLE TRIGGER USER');

describeDatabases('ledger', ({ kind, fresh }) => {
  it('verifies an empty ledger and a chain of many events', async () => {
    const { client } = await fresh();
    expect(await verifyLedger(client)).toMatchObject({ ok: true, eventsChecked: 0 });
    await client.transaction((tx) =>
      appendToLedger(
        tx,
        Array.from({ length: 12_000 }, (_, i) => draft(`D${i % 50}`, i)),
      ),
    );
    const result = await verifyLedger(client);
    expect(result).toMatchObject({ ok: true, eventsChecked: 12_000, fault: null });
    expect(result.head.lastSeq).toBe(12_000);
  });

  it('keeps one unbroken chain under concurrent writers', async () => {
    const { client } = await fresh();
    const writers = kind === 'postgres' ? 20 : 8;
    await Promise.all(
      Array.from({ length: writers }, (_, w) =>
        (async () => {
          for (let i = 0; i < 10; i++) {
            await client.transaction((tx) =>
              appendToLedger(tx, [draft(`W${w}`, i), draft(`W${w}`, i + 100)]),
            );
          }
        })(),
      ),
    );
    expect(await verifyLedger(client)).toMatchObject({ ok: true, eventsChecked: writers * 20 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of events at the database level', async () => {
    const { client } = await fresh();
    await appendSome(client, 2);
    await expect(client.query("UPDATE unit_events SET actor = 'x' WHERE seq = 1")).rejects.toThrow(
      /append-only/,
    );
    await expect(client.query('DELETE FROM unit_events WHERE seq = 2')).rejects.toThrow(
      /append-only/,
    );
    await expect(client.exec('TRUNCATE unit_events')).rejects.toThrow(/append-only/);
    await expect(client.query('DELETE FROM ledger_head')).rejects.toThrow(/forward/);
  });

  it('names an edited payload', async () => {
    const { client } = await fresh();
    await appendSome(client, 6);
    await disableGuard(client);
    await client.query(
      `UPDATE unit_events SET payload = jsonb_set(payload, '{result}', '"positive"') WHERE seq = 4`,
    );
    expect((await verifyLedger(client)).fault).toMatchObject({
      kind: 'HASH_MISMATCH',
      seq: 4,
      din: 'G123425000001',
    });
  });

  it('names a deleted middle event', async () => {
    const { client } = await fresh();
    await appendSome(client, 6);
    await disableGuard(client);
    await client.query('DELETE FROM unit_events WHERE seq = 3');
    expect((await verifyLedger(client)).fault).toMatchObject({ kind: 'SEQ_GAP', seq: 3 });
  });

  it('names a deleted last event', async () => {
    const { client } = await fresh();
    await appendSome(client, 6);
    await disableGuard(client);
    await client.query('DELETE FROM unit_events WHERE seq = 6');
    expect((await verifyLedger(client)).fault).toMatchObject({ kind: 'HEAD_MISMATCH', seq: 6 });
  });

  it('names a forged event appended with a valid-looking hash', async () => {
    const { client } = await fresh();
    await appendSome(client, 3);
    const [last] = (
      await client.query<{ hash: string }>('SELECT hash FROM unit_events WHERE seq = 3')
    ).rows;
    const forged = { ...draft('G123425999999', 9), seq: 4, prevHash: last?.hash ?? '' };
    await client.query(
      `INSERT INTO unit_events (seq, din, type, site_id, actor, at, payload, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)`,
      [
        4,
        forged.din,
        forged.type,
        forged.siteId,
        forged.actor,
        forged.at,
        JSON.stringify(forged.payload),
        forged.prevHash,
        hashEvent(forged),
      ],
    );
    expect((await verifyLedger(client)).fault).toMatchObject({
      kind: 'HEAD_MISMATCH',
      seq: 4,
      din: 'G123425999999',
    });
  });

  it('names swapped events', async () => {
    const { client } = await fresh();
    await appendSome(client, 3, 'G123425000001');
    await appendSome(client, 3, 'G123425000002');
    await disableGuard(client);
    // Swap positions 2 and 5 by renumbering through a free seq.
    await client.exec(`UPDATE unit_events SET seq = 1000 WHERE seq = 2;
      UPDATE unit_events SET seq = 2 WHERE seq = 5;
      UPDATE unit_events SET seq = 5 WHERE seq = 1000;`);
    expect((await verifyLedger(client)).fault).toMatchObject({
      kind: 'BROKEN_LINK',
      seq: 2,
      din: 'G123425000002',
    });
  });
});
