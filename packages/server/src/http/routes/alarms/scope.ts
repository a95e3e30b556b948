import { DomainError } from '@hemonet/core';
import type { AuthUser } from '../../../auth/user.js';
import type { Role } from '../../../auth/roles.js';

/** Roles that supervise the whole network's cold chain (the center watches every site). */
const networkWide: readonly Role[] = ['admin', 'auditor', 'center_staff'];

export const seesEverySite = (user: AuthUser): boolean => networkWide.includes(user.role);

/** Sites whose devices, alarms and events a user sees: all (null) or their own. */
export function visibleSites(user: AuthUser, requested?: string): string[] | null {
  if (seesEverySite(user)) return requested ? [requested] : null;
  if (requested && requested !== user.siteId) {
    throw new DomainError('FORBIDDEN_SITE', `user ${user.username} may not see site ${requested}`, {
      siteId: requested,
    });
  }
  return [user.siteId];
}

export const canSeeSite = (user: AuthUser, siteId: string | null): boolean =>
  siteId === null || seesEverySite(user) || user.siteId === siteId;
