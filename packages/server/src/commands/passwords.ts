import { DomainError } from '@hemonet/core';
import { hashPassword, randomPassword, verifyPassword } from '../auth/password.js';
import { assertPasswordAcceptable } from '../auth/password-policy.js';
import { assertAdministers } from '../auth/site-admin.js';
import { hashToken } from '../auth/tokens.js';
import type { AuthUser } from '../auth/user.js';
import { recordAudit } from '../db/repos/audit-repo.js';
import { revokeUserSessions } from '../db/repos/sessions-repo.js';
import {
  findUserByUsername,
  findUserCredentials,
  setPasswordHash,
  type UserRecord,
} from '../db/repos/users-repo.js';
import type { CommandDeps } from './deps.js';

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

/**
 * A signed-in user replaces their own password. The current password is asked for again so that a
 * session left open on a ward PC cannot be turned into a takeover of the account; a wrong one is
 * refused exactly like a wrong password at login. Every other session of the user is revoked (a
 * change is often prompted by a suspected leak); the session making the change stays valid.
 */
export const changeOwnPassword = async (
  deps: CommandDeps,
  user: AuthUser,
  sessionToken: string,
  input: PasswordChange,
): Promise<void> => {
  const found = await findUserCredentials(deps.db, user.username);
  if (!found || !(await verifyPassword(input.currentPassword, found.passwordHash))) {
    throw new DomainError('INVALID_CREDENTIALS', 'the current password is wrong');
  }
  assertPasswordAcceptable(input.newPassword, {
    username: found.username,
    current: input.currentPassword,
  });
  const passwordHash = await hashPassword(input.newPassword);
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    await setPasswordHash(tx, found.id, passwordHash);
    const revoked = await revokeUserSessions(tx, found.id, now, hashToken(sessionToken));
    await recordAudit(tx, {
      actor: user.username,
      siteId: found.siteId,
      action: 'PASSWORD_CHANGED',
      entity: 'user',
      entityId: found.username,
      at: now,
      details: { otherSessionsRevoked: revoked },
    });
  });
};

export interface PasswordReset {
  username: string;
  /** Generated like an account's first password and returned once; only its hash is stored. */
  password: string;
}

/**
 * Give a user a new generated password (forgotten password, suspected leak) and end every session
 * the user holds. `actor` is who did it: an admin's username, or `cli` from the command line.
 */
export const resetPassword = async (
  deps: CommandDeps,
  username: string,
  actor: string,
): Promise<PasswordReset> => resetFound(deps, await requireUser(deps, username), actor);

/** Resetting over the API: an admin resets users of the sites they administer. */
export const resetPasswordAs = async (
  deps: CommandDeps,
  username: string,
  by: AuthUser,
): Promise<PasswordReset> => {
  const user = await requireUser(deps, username);
  await assertAdministers(deps.db, by, user.siteId);
  return resetFound(deps, user, by.username);
};

const requireUser = async (deps: CommandDeps, username: string): Promise<UserRecord> => {
  const user = await findUserByUsername(deps.db, username);
  if (!user) throw new DomainError('USER_NOT_FOUND', `no user ${username}`, { username });
  return user;
};

const resetFound = async (
  deps: CommandDeps,
  user: UserRecord,
  actor: string,
): Promise<PasswordReset> => {
  const password = randomPassword();
  const passwordHash = await hashPassword(password);
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    await setPasswordHash(tx, user.id, passwordHash);
    const revoked = await revokeUserSessions(tx, user.id, now);
    await recordAudit(tx, {
      actor,
      siteId: user.siteId,
      action: 'PASSWORD_RESET',
      entity: 'user',
      entityId: user.username,
      at: now,
      details: { sessionsRevoked: revoked },
    });
  });
  return { username: user.username, password };
};
