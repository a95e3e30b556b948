import { randomUUID } from 'node:crypto';
import { hashPassword, randomPassword } from '../auth/password.js';
import { roles, type Role } from '../auth/roles.js';
import { insertUsers } from '../db/repos/users-repo.js';
import type { Queryable } from '../db/sql-client.js';

export interface DemoCredential {
  username: string;
  password: string;
  role: Role;
  site: string;
}

/**
 * One user per role per site, each with its own random password: the demo never ships a known
 * password. Hashing (scrypt, the slow part) runs on libuv's thread pool, so callers start it
 * first and seed units meanwhile; `save` inserts the users once the hashes are ready.
 */
export const prepareDemoUsers = (siteIds: readonly string[], at: Date) => {
  const credentials = siteIds.flatMap((site) =>
    roles.map((role): DemoCredential => ({
      username: `${role}.${site}`.toLowerCase(),
      password: randomPassword(),
      role,
      site,
    })),
  );
  const hashing = Promise.all(credentials.map((c) => hashPassword(c.password)));
  // Awaited in save(); until then a failure must not surface as an unhandled rejection.
  hashing.catch(() => undefined);
  return {
    credentials,
    save: async (db: Queryable): Promise<void> => {
      const hashes = await hashing;
      const users = credentials.map((c, i) => ({
        id: randomUUID(),
        username: c.username,
        passwordHash: hashes[i] ?? '',
        role: c.role,
        siteId: c.site,
        createdAt: at,
      }));
      await insertUsers(db, users);
    },
  };
};
