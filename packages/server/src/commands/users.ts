import { randomUUID } from 'node:crypto';
import { DomainError } from '@hemonet/core';
import { hashPassword, randomPassword } from '../auth/password.js';
import type { Role } from '../auth/roles.js';
import { assertAdministers } from '../auth/site-admin.js';
import type { AuthUser } from '../auth/user.js';
import { recordAudit } from '../db/repos/audit-repo.js';
import { revokeUserSessions } from '../db/repos/sessions-repo.js';
import { findSiteById } from '../db/repos/sites-repo.js';
import {
  disableUser,
  findUserByUsername,
  insertUser,
  type UserRecord,
} from '../db/repos/users-repo.js';
import type { CommandDeps } from './deps.js';

export interface AddUserInput {
  username: string;
  role: Role;
  siteId: string;
  /** Generated (and returned once) when absent: no account is ever created with a known password. */
  password?: string | undefined;
}

export interface AddedUser {
  user: UserRecord;
  password: string;
}

export const addUser = async (
  deps: CommandDeps,
  input: AddUserInput,
  actor: string,
): Promise<AddedUser> => {
  if (!(await findSiteById(deps.db, input.siteId))) {
    throw new DomainError('SITE_NOT_FOUND', `no site ${input.siteId}`, { siteId: input.siteId });
  }
  if (await findUserByUsername(deps.db, input.username)) {
    throw new DomainError('USER_EXISTS', `user ${input.username} already exists`, {
      username: input.username,
    });
  }
  const password = input.password ?? randomPassword();
  const passwordHash = await hashPassword(password);
  const now = deps.clock();
  const user = await deps.db.transaction(async (tx) => {
    const created = await insertUser(tx, {
      id: randomUUID(),
      ...input,
      passwordHash,
      createdAt: now,
    });
    await recordAudit(tx, {
      actor,
      siteId: input.siteId,
      action: 'USER_ADDED',
      entity: 'user',
      entityId: created.username,
      at: now,
      details: { role: input.role },
    });
    return created;
  });
  return { user, password };
};

/** Adding a user over the API: an admin adds users at the sites they administer. */
export const addUserAs = async (
  deps: CommandDeps,
  input: AddUserInput,
  user: AuthUser,
): Promise<AddedUser> => {
  await assertAdministers(deps.db, user, input.siteId);
  return addUser(deps, input, user.username);
};

/** Disable an account and revoke every session it holds, at once. */
export const disableAccount = async (
  deps: CommandDeps,
  username: string,
  by: AuthUser,
): Promise<void> => {
  const user = await findUserByUsername(deps.db, username);
  if (!user) throw new DomainError('USER_NOT_FOUND', `no user ${username}`, { username });
  await assertAdministers(deps.db, by, user.siteId);
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    await disableUser(tx, username, now);
    await revokeUserSessions(tx, user.id, now);
    await recordAudit(tx, {
      actor: by.username,
      siteId: user.siteId,
      action: 'USER_DISABLED',
      entity: 'user',
      entityId: username,
      at: now,
    });
  });
};
