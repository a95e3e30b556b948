import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DomainError } from '@hemonet/core';

/**
 * PGlite lets one process open a data directory at a time; a second one would corrupt it. The
 * server writes its pid here while it runs, and every other command checks it first.
 */
export const LOCK_FILE = 'hemonet.pid';

interface LockInfo {
  pid: number;
  startedAt: string;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

async function readLock(dir: string): Promise<LockInfo | null> {
  try {
    const info = JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')) as Partial<LockInfo>;
    return typeof info.pid === 'number'
      ? { pid: info.pid, startedAt: String(info.startedAt) }
      : null;
  } catch {
    return null; // no lock file, or a torn one from a crash: treat as free
  }
}

/** Throws DATA_DIR_IN_USE when another live process holds `dir`. A stale lock is ignored. */
export async function assertDataDirFree(dir: string): Promise<void> {
  const holder = await readLock(dir);
  if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
    throw new DomainError(
      'DATA_DIR_IN_USE',
      `data directory ${resolve(dir)} is in use by a running Hemonet server (pid ${holder.pid}, since ${holder.startedAt}); stop it first or talk to it over its API`,
      { dataDir: resolve(dir), pid: holder.pid },
    );
  }
}

/**
 * Claims `dir` for this process (the server). Returns the release function, which removes the
 * lock only while it is still ours.
 */
export async function acquireDataDirLock(dir: string): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  await assertDataDirFree(dir);
  const info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString() };
  await writeFile(join(dir, LOCK_FILE), JSON.stringify(info));
  return async () => {
    if ((await readLock(dir))?.pid === process.pid) await rm(join(dir, LOCK_FILE), { force: true });
  };
}
