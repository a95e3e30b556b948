import assert from 'node:assert/strict';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BloodGroup } from '../blood-group.js';
import { isCompatible } from '../compat/compatibility.js';
import { emergencyDonorGroups } from '../compat/emergency.js';
import { DomainError } from '../errors.js';
import { applyUnitEvent } from './apply.js';
import { isFinal, type UnitState } from './state.js';
import { T0 } from './test-support/factories.js';
import {
  at,
  dins,
  patientOf,
  sequenceArb,
  sites,
  type Step,
} from './test-support/event-sequences.js';
import type { EventContext, UnitEvent } from './types.js';

/**
 * Property tests (issue 2 acceptance): whatever events are thrown at the machine, no unit is ever
 * issued or transfused while expired, held, quarantined, in transit, incompatible or at another
 * site, and each unit reaches at most one final fate and never leaves it.
 */
const deepFreeze = <T>(o: T): T => {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
};

const same = (a: BloodGroup, b: BloodGroup): boolean => a.abo === b.abo && a.rhd === b.rhd;

/** Independent statement of the issue rule, written from domain.md §3, not from the guards. */
const mayReceive = (s: UnitState, e: Extract<UnitEvent, { type: 'ISSUED' }>): boolean =>
  e.emergency
    ? emergencyDonorGroups(s.componentClass, { ...e.patientFactors, group: e.patientGroup }).some(
        (g) => same(g, s.bloodGroup),
      )
    : isCompatible(s.componentClass, s.bloodGroup, e.patientGroup, e.patientFactors);

const codes: Record<string, number> = {};
const counts = {
  accepted: 0,
  rejected: 0,
  issued: 0,
  transfused: 0,
  emergency: 0,
  excursionRelease: 0,
};

/** Checked with node:assert, not expect: it runs for every one of ~100k events. */
const checkHandOut = (before: UnitState, e: UnitEvent, ctx: EventContext): void => {
  if (e.type !== 'ISSUED' && e.type !== 'TRANSFUSION_STARTED' && e.type !== 'RESERVED') return;
  assert.ok(ctx.at < before.expiresAt, `${e.type} of an expired unit`);
  assert.equal(before.siteId, ctx.siteId, `${e.type} at another site`);
  assert.ok(
    ['available', 'reserved', 'issued'].includes(before.status),
    `${e.type} from ${before.status}`,
  );
  if (e.type === 'ISSUED') {
    counts.issued++;
    if (e.emergency) counts.emergency++;
    assert.ok(mayReceive(before, e), 'issued to an incompatible patient');
    const r = before.reservation;
    if (r && r.until > ctx.at)
      assert.equal(r.patientId, e.patientId, 'issued against a reservation');
  }
  if (e.type === 'RESERVED') {
    const ok = isCompatible(
      before.componentClass,
      before.bloodGroup,
      e.patientGroup,
      e.patientFactors,
    );
    assert.ok(ok, 'reserved for an incompatible patient');
  }
  if (e.type === 'TRANSFUSION_STARTED') {
    assert.equal(before.status, 'issued');
    assert.equal(before.issuedTo?.patientId, e.patientId, 'transfused into another patient');
    const group = patientOf(e.patientId).group;
    const ok =
      isCompatible(before.componentClass, before.bloodGroup, group) || before.issuedTo?.emergency;
    assert.ok(ok, 'transfusion of an incompatible unit');
  }
};

const checkTransition = (
  before: UnitState | undefined,
  after: UnitState,
  e: UnitEvent,
  ctx: EventContext,
): void => {
  assert.equal(after.version, (before?.version ?? 0) + 1);
  assert.equal(isFinal(after.status), after.fate !== null, 'final status without a fate');
  if (!before) return;
  if (before.fate) {
    // A final fate is never left or changed; only reactions are added after a transfusion.
    assert.deepEqual(after.fate, before.fate);
    assert.equal(after.status, before.status);
    assert.equal(e.type, 'REACTION_REPORTED');
  }
  checkHandOut(before, e, ctx);
  if (e.type === 'TRANSFUSION_ENDED') counts.transfused++;
  if (e.type === 'HOLD_RELEASED' && before.holdReason === 'TEMPERATURE_EXCURSION') {
    counts.excursionRelease++;
    assert.equal(before.excursionReleases, 0, 'second release after an excursion');
  }
};

const run = (steps: readonly Step[]): void => {
  const units = new Map<string, UnitState>();
  let now = T0;
  for (const step of steps) {
    now = at(now, step.advanceMinutes);
    const din = dins[step.unit]!;
    const ctx: EventContext = { at: now, siteId: sites[step.site]!, actor: 'prop' };
    for (const raw of step.events(now, units.get(din))) {
      const e = 'din' in raw ? { ...raw, din } : raw;
      const before = units.get(din);
      let after: UnitState;
      try {
        after = applyUnitEvent(before, e, ctx);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        counts.rejected++;
        codes[err.code] = (codes[err.code] ?? 0) + 1;
        // Rejected events leave state unchanged: states are deep-frozen, so any mutation by a
        // refused (or accepted) event throws a TypeError, which fails the property.
        continue;
      }
      counts.accepted++;
      checkTransition(before, after, e, ctx);
      units.set(din, deepFreeze(after));
    }
  }
};

describe('unit lifecycle properties', () => {
  it('holds the safety invariants over thousands of random event sequences', () => {
    fc.assert(fc.property(sequenceArb, run), {
      numRuns: 2000,
    });
    // The run must actually exercise the dangerous paths, or it proves nothing.
    expect(counts.issued).toBeGreaterThan(100);
    expect(counts.emergency).toBeGreaterThan(10);
    expect(counts.transfused).toBeGreaterThan(10);
    expect(counts.excursionRelease).toBeGreaterThan(10);
    expect(counts.rejected).toBeGreaterThan(counts.accepted / 10);
    for (const code of [
      'UNIT_EXPIRED',
      'WRONG_SITE',
      'INCOMPATIBLE',
      'PATIENT_MISMATCH',
      'UNIT_FINAL',
    ]) {
      expect(codes[code]).toBeGreaterThan(10);
    }
  });
});
