import { DomainError } from '@hemonet/core';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { hashToken, newSessionToken } from '../auth/tokens.js';
import type { AuthUser } from '../auth/user.js';
import { findSessionUser, insertSession, revokeSession } from '../db/repos/sessions-repo.js';
import { findUserCredentials } from '../db/repos/users-repo.js';
import type { CommandDeps } from './deps.js';

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: AuthUser;
}

/**
 * Compared against when the username is unknown, so that a wrong username and a wrong password
 * take the same time and an attacker cannot enumerate accounts.
 */
let decoyHash: Promise<string> | undefined;

export const login = async (
  deps: CommandDeps,
  input: { username: string; password: string },
  ttlMs: number,
): Promise<LoginResult> => {
  const found = await findUserCredentials(deps.db, input.username);
  decoyHash ??= hashPassword('decoy password');
  const ok = await verifyPassword(input.password, found?.passwordHash ?? (await decoyHash));
  if (!found || !ok || found.disabled) {
    throw new DomainError('INVALID_CREDENTIALS', 'unknown username or wrong password');
  }
  const token = newSessionToken();
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + ttlMs);
  await insertSession(deps.db, {
    tokenHash: hashToken(token),
    userId: found.id,
    createdAt: now,
    expiresAt,
  });
  const user = { id: found.id, username: found.username, role: found.role, siteId: found.siteId };
  return { token, expiresAt, user };
};

export const authenticate = (deps: CommandDeps, token: string): Promise<AuthUser | null> =>
  findSessionUser(deps.db, hashToken(token), deps.clock());

export const logout = (deps: CommandDeps, token: string): Promise<void> =>
  revokeSession(deps.db, hashToken(token), deps.clock());
