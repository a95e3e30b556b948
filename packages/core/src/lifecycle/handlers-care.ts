import { DomainError } from '../errors.js';
import { assertIssuedTo, assertNotExpired } from './guards.js';
import type { HandlerTable } from './handler.js';

/** Bedside and transfusion events (NZBS §3.11; EU 2005/61/EC recipient traceability). */
export const careHandlers: HandlerTable<
  'BEDSIDE_CHECKED' | 'TRANSFUSION_STARTED' | 'TRANSFUSION_ENDED' | 'REACTION_REPORTED'
> = {
  BEDSIDE_CHECKED: (s, e, ctx) => {
    assertIssuedTo(s, e.patientId, 'BEDSIDE_CHECKED');
    assertNotExpired(s, ctx, 'BEDSIDE_CHECKED');
    const issuedTo = s.issuedTo && { ...s.issuedTo, bedsideCheckedAt: ctx.at };
    return { ...s, issuedTo };
  },
  TRANSFUSION_STARTED: (s, e, ctx, o) => {
    assertIssuedTo(s, e.patientId, 'TRANSFUSION_STARTED');
    assertNotExpired(s, ctx, 'TRANSFUSION_STARTED');
    if (o.requireBedsideCheck && !s.issuedTo?.bedsideCheckedAt) {
      throw new DomainError(
        'BEDSIDE_CHECK_REQUIRED',
        `unit ${s.din}: the bedside check must pass before the transfusion starts`,
        { din: s.din },
      );
    }
    return { ...s, status: 'in_transfusion' };
  },
  TRANSFUSION_ENDED: (s, _e, ctx) => ({
    ...s,
    status: 'transfused',
    fate: { status: 'transfused', at: ctx.at },
  }),
  /** Recorded during or after the transfusion; the fate stays `transfused`. */
  REACTION_REPORTED: (s, e, ctx) => {
    const { reactionType, severity, imputability } = e;
    const reaction = { reactionType, severity, imputability, at: ctx.at, siteId: ctx.siteId };
    return { ...s, reactions: [...s.reactions, reaction] };
  },
};
