import { DomainError } from '@hemonet/core';
import { assertActsAtSite } from '../auth/site-scope.js';
import type { AuthUser } from '../auth/user.js';
import { getStorageLocation } from '../db/repos/storage-locations-repo.js';
import type { CommandDeps } from './deps.js';
import type { RecordedUnitEvent } from './record-unit-events.js';
import { changeUnit } from './unit-context.js';

/** Put a unit into a storage location of the user's own site. */
export const storeUnit = async (
  deps: CommandDeps,
  user: AuthUser,
  din: string,
  locationId: string,
): Promise<RecordedUnitEvent> => {
  const location = await getStorageLocation(deps.db, locationId);
  if (!location)
    throw new DomainError('LOCATION_NOT_FOUND', `no storage location ${locationId}`, {
      locationId,
    });
  assertActsAtSite(user, location.siteId);
  return changeUnit(deps, user, din, { type: 'STORED', locationId });
};
