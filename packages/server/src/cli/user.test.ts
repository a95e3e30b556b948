import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password.js';
import { openDatabase } from '../db/open-database.js';
import { upsertSite } from '../db/repos/sites-repo.js';
import { findUserCredentials } from '../db/repos/users-repo.js';
import { runCliCapturing as run } from './test-support/run-cli.js';

describe('hemonet user', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hemonet-user-'));
    const db = await openDatabase({ kind: 'pglite', dataDir: dir });
    await upsertSite(db, { id: 'H01', name: 'Hospital 1', kind: 'hospital', region: 'r' });
    await db.close();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const storedHash = async (username: string): Promise<string> => {
    const db = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      return (await findUserCredentials(db, username))!.passwordHash;
    } finally {
      await db.close();
    }
  };

  it('adds a user, then reset-password prints a new password once and the old one stops working', async () => {
    const add = await run(
      ['user', 'add', '--username', 'nurse.w7', '--role', 'clinician', '--site', 'H01'],
      { HEMONET_DATA_DIR: dir },
    );
    expect(add).toMatchObject({ code: 0, stderr: '' });
    const first = /password: (\S+)/.exec(add.stdout)?.[1] ?? '';
    const reset = await run(['user', 'reset-password', 'nurse.w7', '--json', '--data', dir]);
    expect(reset).toMatchObject({ code: 0, stderr: '' });
    const { username, password } = JSON.parse(reset.stdout) as {
      username: string;
      password: string;
    };
    expect(username).toBe('nurse.w7');
    expect(password).not.toBe(first);
    const hash = await storedHash('nurse.w7');
    expect(await verifyPassword(password, hash)).toBe(true);
    expect(await verifyPassword(first, hash)).toBe(false);
  });

  it('refuses an unknown user with exit 2 and a one-line reason', async () => {
    const r = await run(['user', 'reset-password', 'nobody', '--data', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no user nobody \[USER_NOT_FOUND\]/);
  });
});
