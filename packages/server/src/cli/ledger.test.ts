import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCliCapturing as run } from './test-support/run-cli.js';
import { acquireDataDirLock } from '../db/data-dir-lock.js';
import { openDatabase } from '../db/open-database.js';
import type { SqlClient } from '../db/sql-client.js';
import { describeDatabases } from '../db/test-support/databases.js';
import { appendToLedger } from '../ledger/append.js';

const appendFive = async (db: SqlClient) => {
  for (let n = 0; n < 5; n++) {
    await db.transaction((tx) =>
      appendToLedger(tx, [
        {
          din: `G12342500000${n}`,
          type: 'STORED',
          siteId: 'C01',
          actor: 'tech',
          at: new Date(),
          payload: { locationId: 'F1' },
        },
      ]),
    );
  }
};

/** What an attacker with owner rights does: switch off the guard, then edit a row. */
const tamper = (db: SqlClient) =>
  db.exec(`ALTER TABLE unit_events DISABLE TRIGGER USER;
    UPDATE unit_events SET payload = '{"locationId":"F9"}' WHERE seq = 3;`);

describeDatabases('hemonet ledger verify', ({ kind, fresh }) => {
  it('exits 0 on a sound ledger and 1 naming the edited event', async () => {
    let args: string[];
    let cleanup: () => Promise<void> = () => Promise.resolve();
    if (kind === 'postgres') {
      const t = await fresh();
      await appendFive(t.client);
      const url = new URL(t.url ?? '');
      url.searchParams.set('options', `-c search_path=${t.schema}`);
      args = ['ledger', 'verify', '--database-url', url.toString()];
      const ok = await run(args);
      expect(ok).toMatchObject({ code: 0 });
      expect(ok.stdout).toMatch(/ledger OK: 5 events/);
      await tamper(t.client);
    } else {
      const dir = await mkdtemp(join(tmpdir(), 'hemonet-ledger-cli-'));
      cleanup = () => rm(dir, { recursive: true, force: true });
      const db = await openDatabase({ kind: 'pglite', dataDir: dir });
      await appendFive(db);
      await db.close();
      args = ['ledger', 'verify', '--data', dir];
      expect(await run(args)).toMatchObject({ code: 0 });
      const again = await openDatabase({ kind: 'pglite', dataDir: dir });
      await tamper(again);
      await again.close();
    }
    try {
      const broken = await run(args);
      expect(broken.code).toBe(1);
      expect(broken.stderr).toMatch(/ledger BROKEN at event seq 3 \(unit G123425000002\)/);
      const json = await run([...args, '--json']);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({
        ok: false,
        fault: { kind: 'HASH_MISMATCH', seq: 3 },
      });
    } finally {
      await cleanup();
    }
  });
});

it('refuses a data directory held by a running server', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'hemonet-locked-'));
  const release = await acquireDataDirLock(dir);
  try {
    // This process holds the lock, as `hemonet serve` would; pretend to be another process.
    const lock = join(dir, 'hemonet.pid');
    await writeFile(
      lock,
      (await readFile(lock, 'utf8')).replace(String(process.pid), String(process.ppid)),
    );
    const r = await run(['ledger', 'verify', '--data', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/in use by a running Hemonet server/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  } finally {
    await release();
    await rm(dir, { recursive: true, force: true });
  }
});
