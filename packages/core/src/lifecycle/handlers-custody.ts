import { DomainError } from '../errors.js';
import { isExpiredAt } from './guards.js';
import type { HandlerTable } from './handler.js';
import type { UnitState } from './state.js';
import type { EventContext } from './types.js';

const assertExcursionReleasable = (s: UnitState, maxReleases: number): void => {
  if (s.holdReason === 'TEMPERATURE_EXCURSION' && s.excursionReleases >= maxReleases) {
    // NHSBT temperature excursions: units already flagged for a previous excursion are discarded.
    throw new DomainError(
      'EXCURSION_ALREADY_RELEASED',
      `unit ${s.din} was already released after ${s.excursionReleases} temperature excursion(s): it must be discarded`,
      { din: s.din, excursionReleases: s.excursionReleases },
    );
  }
};

const assertReceivable = (s: UnitState, shipmentId: string, ctx: EventContext): void => {
  const to = s.inTransitTo;
  if (to?.shipmentId !== shipmentId) {
    throw new DomainError(
      'SHIPMENT_MISMATCH',
      `unit ${s.din} is not part of shipment ${shipmentId}`,
      {
        din: s.din,
        shipmentId,
      },
    );
  }
  if (to.site !== ctx.siteId) {
    throw new DomainError(
      'WRONG_SITE',
      `unit ${s.din} is shipped to ${to.site}, not ${ctx.siteId}`,
      {
        din: s.din,
        unitSite: to.site,
        siteId: ctx.siteId,
        event: 'RECEIVED',
      },
    );
  }
};

const assertExpired = (s: UnitState, ctx: EventContext): void => {
  if (!isExpiredAt(s, ctx.at)) {
    throw new DomainError('NOT_EXPIRED', `unit ${s.din} expires at ${s.expiresAt.toISOString()}`, {
      din: s.din,
      expiresAt: s.expiresAt.toISOString(),
    });
  }
};

/** Custody: processing end, shipping, holds and final fates. */
export const custodyHandlers: HandlerTable<
  'PROCESSED' | 'SHIPPED' | 'RECEIVED' | 'HELD' | 'HOLD_RELEASED' | 'DISCARDED' | 'EXPIRED'
> = {
  PROCESSED: (s, _e, ctx) => ({
    ...s,
    status: 'processed',
    fate: { status: 'processed', at: ctx.at },
  }),
  SHIPPED: (s, e, ctx) => {
    if (e.toSite === ctx.siteId) {
      throw new DomainError('SHIPMENT_INVALID', `unit ${s.din} cannot be shipped to its own site`, {
        din: s.din,
        toSite: e.toSite,
      });
    }
    const inTransitTo = { site: e.toSite, shipmentId: e.shipmentId };
    return {
      ...s,
      status: 'in_transit',
      statusBeforeTransit: s.status,
      inTransitTo,
      locationId: null,
    };
  },
  RECEIVED: (s, e, ctx) => {
    assertReceivable(s, e.shipmentId, ctx);
    const status = s.statusBeforeTransit ?? 'available';
    return { ...s, status, siteId: ctx.siteId, inTransitTo: null, statusBeforeTransit: null };
  },
  HELD: (s, e) => ({ ...s, status: 'held', holdReason: e.reason, statusBeforeHold: s.status }),
  HOLD_RELEASED: (s, _e, _ctx, o) => {
    assertExcursionReleasable(s, o.maxExcursionReleases);
    const excursion = s.holdReason === 'TEMPERATURE_EXCURSION' ? 1 : 0;
    return {
      ...s,
      status: s.statusBeforeHold ?? 'available',
      holdReason: null,
      statusBeforeHold: null,
      excursionReleases: s.excursionReleases + excursion,
    };
  },
  DISCARDED: (s, e, ctx) => {
    // OUTDATED states a fact the unit's record can check: it is refused before the expiry time.
    if (e.reason === 'OUTDATED') assertExpired(s, ctx);
    return {
      ...s,
      status: 'discarded',
      reservation: null,
      fate: { status: 'discarded', at: ctx.at, reason: e.reason },
    };
  },
  EXPIRED: (s, _e, ctx) => {
    assertExpired(s, ctx);
    const fate = { status: 'expired' as const, at: ctx.at, reason: 'OUTDATED' as const };
    return { ...s, status: 'expired', reservation: null, fate };
  },
};
