import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliCapturing as run } from './cli/test-support/run-cli.js';

describe('hemonet CLI', () => {
  it('prints the keyboard check character and type-3 flag', async () => {
    expect(await run(['isbt', 'check', 'G123417654321'])).toMatchObject({
      code: 0,
      stdout: 'A 70',
    });
    expect(await run(['isbt', 'check', 'G123498654321'])).toMatchObject({
      code: 0,
      stdout: 'H 77',
    });
  });

  it('rejects a malformed DIN with exit 2 and one line on stderr', async () => {
    const r = await run(['isbt', 'check', 'G12341765432']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: /);
  });

  it('parses ISBT 128 data to JSON', async () => {
    const r = await run(['isbt', 'parse', '=G12341765432100=%5100']);
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.stdout) as { din?: { din: string }; bloodGroup?: { text: string } };
    expect(parsed.din?.din).toBe('G123417654321');
    expect(parsed.bloodGroup?.text).toBe('O RhD positive');
  });

  it('answers --help at every level and exits 2 on usage errors', async () => {
    expect((await run(['--help'])).code).toBe(0);
    expect((await run(['isbt', 'parse', '--help'])).stdout).toMatch(/Usage: hemonet isbt parse/);
    expect((await run(['ledger', 'verify', '--help'])).code).toBe(0);
    expect((await run(['bench', 'api', '--help'])).code).toBe(0);
    expect((await run(['isbt', 'check'])).code).toBe(2);
    expect((await run(['no-such-command'])).code).toBe(2);
    const zod = await run(['bench', 'api', '--units', '-5']);
    expect(zod.code).toBe(2);
    expect(zod.stderr).toMatch(/^error: invalid input: units/);
  });

  describe('ledger verify on an embedded directory', () => {
    let dir = '';
    afterAll(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('says so when there is no database, and verifies an empty one', async () => {
      dir = await mkdtemp(join(tmpdir(), 'hemonet-cli-'));
      const missing = await run(['ledger', 'verify', '--data', join(dir, 'none')]);
      expect(missing).toMatchObject({ code: 2 });
      expect(missing.stderr).toMatch(/no Hemonet database/);
    });
  });
});
