import { DomainError } from '@hemonet/core';
import { assertAdministers, assertNetworkAdmin } from '../auth/site-admin.js';
import type { AuthUser } from '../auth/user.js';
import { recordAudit } from '../db/repos/audit-repo.js';
import {
  setSiteCoordinates,
  setSiteTimeZone,
  upsertTravelTimes,
  type TravelTime,
} from '../db/repos/site-directory-repo.js';
import { findSiteById, upsertSite, type SiteKind } from '../db/repos/sites-repo.js';
import {
  getStorageLocation,
  insertStorageLocation,
  type StorageKind,
} from '../db/repos/storage-locations-repo.js';
import type { CommandDeps } from './deps.js';

export interface NewSite {
  id: string;
  name: string;
  kind: SiteKind;
  region: string;
  latitude: number;
  longitude: number;
  /** IANA name, already validated (the API edge checks it against Intl). */
  timeZone: string;
}

export const createSite = async (
  deps: CommandDeps,
  site: NewSite,
  user: AuthUser,
): Promise<void> => {
  await assertNetworkAdmin(deps.db, user);
  if (await findSiteById(deps.db, site.id)) {
    throw new DomainError('SITE_EXISTS', `site ${site.id} already exists`, { siteId: site.id });
  }
  const at = deps.clock();
  await deps.db.transaction(async (tx) => {
    await upsertSite(tx, site);
    await setSiteCoordinates(tx, site.id, site);
    await setSiteTimeZone(tx, site.id, site.timeZone);
    await recordAudit(tx, {
      actor: user.username,
      siteId: site.id,
      action: 'SITE_CREATED',
      entity: 'site',
      entityId: site.id,
      at,
      details: { ...site },
    });
  });
};

/** Sets courier travel times (both directions are separate entries: traffic is not symmetric). */
export const setTravelTimes = async (
  deps: CommandDeps,
  times: readonly TravelTime[],
  user: AuthUser,
): Promise<void> => {
  await assertNetworkAdmin(deps.db, user);
  for (const siteId of new Set(times.flatMap((t) => [t.fromSiteId, t.toSiteId]))) {
    if (!(await findSiteById(deps.db, siteId)))
      throw new DomainError('SITE_NOT_FOUND', `no site ${siteId}`, { siteId });
  }
  const at = deps.clock();
  await deps.db.transaction(async (tx) => {
    await upsertTravelTimes(tx, times);
    await recordAudit(tx, {
      actor: user.username,
      siteId: null,
      action: 'TRAVEL_TIMES_SET',
      entity: 'travel_times',
      entityId: String(times.length),
      at,
      details: { times },
    });
  });
};

export interface NewStorageLocation {
  id: string;
  siteId: string;
  name: string;
  kind: StorageKind;
}

export const createStorageLocation = async (
  deps: CommandDeps,
  location: NewStorageLocation,
  user: AuthUser,
): Promise<void> => {
  if (!(await findSiteById(deps.db, location.siteId))) {
    throw new DomainError('SITE_NOT_FOUND', `no site ${location.siteId}`, {
      siteId: location.siteId,
    });
  }
  await assertAdministers(deps.db, user, location.siteId);
  const at = deps.clock();
  await deps.db.transaction(async (tx) => {
    if (await getStorageLocation(tx, location.id))
      throw new DomainError('LOCATION_EXISTS', `storage location ${location.id} already exists`, {
        locationId: location.id,
      });
    await insertStorageLocation(tx, location, at);
    await recordAudit(tx, {
      actor: user.username,
      siteId: location.siteId,
      action: 'LOCATION_CREATED',
      entity: 'storage_location',
      entityId: location.id,
      at,
      details: { ...location },
    });
  });
};
