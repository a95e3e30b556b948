import { DomainError } from '../errors.js';
import type { EventOf } from './handler.js';
import type { UnitState } from './state.js';
import type { EventContext } from './types.js';

const assertDatesOrdered = (din: string, collectedAt: Date, expiresAt: Date): void => {
  if (expiresAt.getTime() <= collectedAt.getTime()) {
    throw new DomainError('EVENT_INVALID', `unit ${din} would expire before it was collected`, {
      din,
      collectedAt: collectedAt.toISOString(),
      expiresAt: expiresAt.toISOString(),
    });
  }
};

const blankUnit = (
  e: EventOf<'COLLECTED'> | EventOf<'COMPONENT_CREATED'>,
  ctx: EventContext,
): Omit<UnitState, 'status' | 'division' | 'tests'> => ({
  din: e.din,
  componentClass: e.componentClass,
  productCode: e.productCode,
  bloodGroup: e.bloodGroup,
  donorId: e.donorId,
  donationId: e.donationId,
  siteId: ctx.siteId,
  locationId: null,
  collectedAt: e.collectedAt,
  expiresAt: e.expiresAt,
  reservation: null,
  issuedTo: null,
  holdReason: null,
  statusBeforeHold: null,
  excursionReleases: 0,
  outOfStorageSince: null,
  reactions: [],
  fate: null,
  inTransitTo: null,
  statusBeforeTransit: null,
  version: 1,
});

/** A donation taken at `ctx.siteId`: the unit starts `collected`. */
export const createCollected = (e: EventOf<'COLLECTED'>, ctx: EventContext): UnitState => {
  assertDatesOrdered(e.din, e.collectedAt, e.expiresAt);
  return { ...blankUnit(e, ctx), status: 'collected', division: '00', tests: {} };
};

/** A component split from a parent: it starts quarantined until its tests pass (ISBT `Mq`). */
export const createComponent = (e: EventOf<'COMPONENT_CREATED'>, ctx: EventContext): UnitState => {
  assertDatesOrdered(e.din, e.collectedAt, e.expiresAt);
  return {
    ...blankUnit(e, ctx),
    status: 'quarantined',
    parentDin: e.parentDin,
    division: e.division,
    tests: { ...e.tests },
  };
};
