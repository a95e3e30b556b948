import type { UnitRow } from '../../../db/repos/unit-queries-repo.js';
import type { RecordedUnitEvent } from '../../../commands/record-unit-events.js';
import type { UnitView } from './schema.js';

export const unitView = (
  u: Omit<UnitRow, 'abo' | 'rhd'> & Pick<UnitRow, 'abo' | 'rhd'>,
): UnitView => ({
  din: u.din,
  status: u.status,
  componentClass: u.componentClass,
  productCode: u.productCode,
  bloodGroup: { abo: u.abo, rhd: u.rhd },
  siteId: u.siteId,
  locationId: u.locationId,
  expiresAt: u.expiresAt,
  donationId: u.donationId,
  parentDin: u.parentDin,
  patientId: u.patientId,
  updatedAt: u.updatedAt,
});

/** The result of an operation on one unit (the last event's state is the unit's state now). */
export const actionResult = (din: string, recorded: readonly RecordedUnitEvent[]) => {
  const mine = recorded.filter((r) => r.din === din);
  const last = mine[mine.length - 1] ?? recorded[recorded.length - 1];
  if (!last) throw new Error('an operation recorded no event');
  return {
    din,
    status: last.state.status,
    siteId: last.state.siteId,
    locationId: last.state.locationId,
    events: recorded.map(({ din: d, seq, type, at, hash }) => ({ din: d, seq, type, at, hash })),
  };
};
