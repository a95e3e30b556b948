import { DomainError } from '@hemonet/core';
import type { Queryable } from '../db/sql-client.js';
import { findSiteById } from '../db/repos/sites-repo.js';
import type { AuthUser } from './user.js';

/**
 * Who administers what: the regional blood center runs the network, so its admins manage every
 * site's directory (sites, travel times, users, storage locations); a hospital's admin manages
 * only its own site.
 */
export const isNetworkAdmin = async (db: Queryable, user: AuthUser): Promise<boolean> =>
  user.role === 'admin' && (await findSiteById(db, user.siteId))?.kind === 'center';

export const assertAdministers = async (
  db: Queryable,
  user: AuthUser,
  siteId: string,
): Promise<void> => {
  if (user.role === 'admin' && user.siteId === siteId) return;
  if (await isNetworkAdmin(db, user)) return;
  throw new DomainError(
    'FORBIDDEN_SITE',
    `user ${user.username} does not administer site ${siteId}`,
    { siteId },
  );
};

export const assertNetworkAdmin = async (db: Queryable, user: AuthUser): Promise<void> => {
  if (!(await isNetworkAdmin(db, user))) {
    throw new DomainError('FORBIDDEN', 'only an admin of a blood center administers the network');
  }
};
