import type { BloodGroup } from '../../blood-group.js';
import type { ComponentClass } from '../../components/component-class.js';
import { DomainError } from '../../errors.js';
import { applyUnitEvent } from '../apply.js';
import { CN_REQUIRED_TESTS, type LifecycleOptions } from '../options.js';
import type { UnitState } from '../state.js';
import type { EventContext, UnitEvent } from '../types.js';

export const T0 = new Date('2025-03-01T08:00:00Z');
export const minutes = (n: number): Date => new Date(T0.getTime() + n * 60_000);
export const days = (n: number): Date => new Date(T0.getTime() + n * 86_400_000);

export const ctx = (at: Date = T0, siteId = 'centre'): EventContext => ({
  at,
  siteId,
  actor: 'tester',
});

export const group = (s: string): BloodGroup => ({
  abo: s.replace(/[+-]$/, '') as BloodGroup['abo'],
  rhd: s.endsWith('+') ? 'pos' : 'neg',
});

export const componentCreated = (
  din = 'G123417654321',
  opts: { cls?: ComponentClass; bloodGroup?: string; expiresAt?: Date } = {},
): UnitEvent => ({
  type: 'COMPONENT_CREATED',
  din,
  parentDin: 'G123417654320',
  donorId: 'donor-1',
  donationId: 'donation-1',
  componentClass: opts.cls ?? 'RED_CELLS',
  productCode: 'E9010V00',
  division: '00',
  bloodGroup: group(opts.bloodGroup ?? 'O+'),
  collectedAt: T0,
  expiresAt: opts.expiresAt ?? days(35),
});

export const allTestsNegative: UnitEvent[] = CN_REQUIRED_TESTS.map((test) => ({
  type: 'TEST_RESULT',
  test,
  result: 'negative',
}));

/** Applies events in order with one context, returning the final state. */
export const fold = (
  events: readonly UnitEvent[],
  context: EventContext = ctx(),
  options?: LifecycleOptions,
  from?: UnitState,
): UnitState =>
  events.reduce<UnitState | undefined>((s, e) => applyUnitEvent(s, e, context, options), from) ??
  (() => {
    throw new Error('no events');
  })();

/** A released, available unit at site `centre`. */
export const availableUnit = (opts: Parameters<typeof componentCreated>[1] = {}): UnitState =>
  fold([componentCreated('G123417654321', opts), ...allTestsNegative, { type: 'RELEASED' }]);

/** The DomainError code `f` throws. */
export const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return 'NO_ERROR';
};

export const issue = (patientId = 'p1', patientGroup = 'O+', emergency = false): UnitEvent => ({
  type: 'ISSUED',
  patientId,
  patientGroup: group(patientGroup),
  emergency,
});
