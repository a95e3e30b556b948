import { DomainError } from '@hemonet/core';
import type { AuthUser } from './user.js';

/**
 * Site scoping. Stock is shared city-wide by design, but a patient and every unit linked to a
 * patient belong to the patient's site: only that site's staff (and auditors, read-only) see them.
 */
export const canReadSite = (user: AuthUser, siteId: string): boolean =>
  user.role === 'auditor' || user.siteId === siteId;

export const assertCanReadSite = (user: AuthUser, siteId: string): void => {
  if (!canReadSite(user, siteId)) throw forbiddenSite(user, siteId);
};

/** Changes are made only at the user's own site, by whoever is there. */
export const assertActsAtSite = (user: AuthUser, siteId: string): void => {
  if (user.siteId !== siteId) throw forbiddenSite(user, siteId);
};

const forbiddenSite = (user: AuthUser, siteId: string): DomainError =>
  new DomainError('FORBIDDEN_SITE', `user ${user.username} may not act on data of site ${siteId}`, {
    siteId,
  });
