import { getComponentRules } from '../components/rules.js';
import { DomainError } from '../errors.js';
import {
  assertCompatible,
  assertNotExpired,
  assertNotReservedForOther,
  assertPatientGroupKnown,
} from './guards.js';
import type { HandlerTable } from './handler.js';
import type { ResolvedLifecycleOptions } from './options.js';
import type { UnitState } from './state.js';
import type { EventContext, TestResult } from './types.js';

const severity: Record<TestResult, number> = { negative: 0, indeterminate: 1, positive: 2 };

/** RELEASED only when every required test is present and every recorded test is negative. */
const assertTestsPass = (s: UnitState, required: readonly string[]): void => {
  const failing = Object.entries(s.tests).filter(([, r]) => r !== 'negative');
  if (failing.length > 0) {
    const list = failing.map(([t, r]) => `${t} ${r}`).join(', ');
    throw new DomainError('TEST_POSITIVE', `unit ${s.din} cannot be released: ${list}`, {
      din: s.din,
      tests: Object.fromEntries(failing),
    });
  }
  const missing = required.filter((t) => s.tests[t] === undefined);
  if (missing.length > 0) {
    throw new DomainError(
      'TESTS_INCOMPLETE',
      `unit ${s.din} cannot be released: missing ${missing.join(', ')}`,
      { din: s.din, missing },
    );
  }
};

/** Minutes out of storage: the larger of the reported figure and what the unit's record shows. */
const minutesOut = (s: UnitState, reported: number, at: Date): number =>
  Math.max(
    reported,
    s.outOfStorageSince ? (at.getTime() - s.outOfStorageSince.getTime()) / 60_000 : 0,
  );

const assertMayReturn = (
  s: UnitState,
  reported: number,
  ctx: EventContext,
  o: ResolvedLifecycleOptions,
): void => {
  if (!o.allowReturnToStock) {
    throw new DomainError('RETURN_NOT_ALLOWED', `issued units may not be returned to stock here`, {
      din: s.din,
    });
  }
  const limit = getComponentRules(
    s.componentClass,
    o.jurisdiction,
    o.ruleOverrides,
  ).timeOutOfStorageMinutes;
  const minutes = minutesOut(s, reported, ctx.at);
  if (limit === null || minutes > limit) {
    throw new DomainError(
      'TIME_OUT_OF_STORAGE_EXCEEDED',
      `unit ${s.din} was out of storage ${Math.round(minutes)} min; ${s.componentClass} may return ` +
        (limit === null ? 'never' : `within ${limit} min`),
      { din: s.din, minutes, limitMinutes: limit },
    );
  }
};

export const stockHandlers: HandlerTable<
  | 'PROCESSING_STARTED'
  | 'TEST_RESULT'
  | 'RELEASED'
  | 'STORED'
  | 'REMOVED_FROM_STORAGE'
  | 'RESERVED'
  | 'RESERVATION_RELEASED'
  | 'ISSUED'
  | 'RETURNED_TO_STOCK'
> = {
  PROCESSING_STARTED: (s) => ({ ...s, status: 'in_processing' }),
  TEST_RESULT: (s, e) => {
    const previous = s.tests[e.test];
    const worst = previous && severity[previous] > severity[e.result] ? previous : e.result;
    return { ...s, tests: { ...s.tests, [e.test]: worst } };
  },
  RELEASED: (s, _e, ctx, o) => {
    assertNotExpired(s, ctx, 'RELEASED');
    assertTestsPass(s, o.requiredTests);
    return { ...s, status: 'available' };
  },
  STORED: (s, e) => ({ ...s, locationId: e.locationId, outOfStorageSince: null }),
  REMOVED_FROM_STORAGE: (s, _e, ctx) => ({
    ...s,
    locationId: null,
    outOfStorageSince: s.outOfStorageSince ?? ctx.at,
  }),
  RESERVED: (s, e, ctx) => {
    assertNotExpired(s, ctx, 'RESERVED');
    assertNotReservedForOther(s, e.patientId, ctx.at);
    assertCompatible(s, { patientGroup: e.patientGroup, factors: e.patientFactors });
    const reservation = { patientId: e.patientId, patientGroup: e.patientGroup, until: e.until };
    return { ...s, status: 'reserved', reservation };
  },
  RESERVATION_RELEASED: (s) => ({ ...s, status: 'available', reservation: null }),
  ISSUED: (s, e, ctx) => {
    assertNotExpired(s, ctx, 'ISSUED');
    assertNotReservedForOther(s, e.patientId, ctx.at);
    const request = {
      patientGroup: e.patientGroup,
      factors: e.patientFactors,
      emergency: e.emergency,
    };
    assertPatientGroupKnown(s, request, 'ISSUED');
    assertCompatible(s, request);
    const issuedTo = {
      patientId: e.patientId,
      patientGroup: e.patientGroup,
      at: ctx.at,
      emergency: e.emergency,
      bedsideCheckedAt: null,
    };
    const out = { locationId: null, outOfStorageSince: s.outOfStorageSince ?? ctx.at };
    return { ...s, ...out, status: 'issued', reservation: null, issuedTo };
  },
  RETURNED_TO_STOCK: (s, e, ctx, o) => {
    assertNotExpired(s, ctx, 'RETURNED_TO_STOCK');
    assertMayReturn(s, e.minutesOutOfStorage, ctx, o);
    return { ...s, status: 'available', issuedTo: null, outOfStorageSince: null };
  },
};
