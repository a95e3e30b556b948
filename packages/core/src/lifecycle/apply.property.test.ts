import assert from 'node:assert/strict';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BloodGroup } from '../blood-group.js';
import { isCompatible } from '../compat/compatibility.js';
import { emergencyDonorGroups } from '../compat/emergency.js';
import { compatibilityFamily } from '../components/component-class.js';
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
 * site, and each unit reaches at most one final fate and never leaves it. Also: emergency issue
 * to a patient of unknown group gives only the universal groups; irradiation and thawing happen
 * only to released stock, to the right class, and never extend the dating; a unit's history is
 * never back-dated.
 */
const deepFreeze = <T>(o: T): T => {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
};

const same = (a: BloodGroup, b: BloodGroup): boolean => a.abo === b.abo && a.rhd === b.rhd;

/**
 * Independent statement of the issue rule, written from domain.md §3, not from the guards. A
 * patient of unknown group gets group O red cells (RhD-negative unless a man or a woman of 50+)
 * and AB or A plasma, cryo and platelets.
 */
const mayReceive = (s: UnitState, e: Extract<UnitEvent, { type: 'ISSUED' }>): boolean => {
  if (e.patientGroup === undefined) {
    if (!e.emergency) return false;
    const f = e.patientFactors ?? {};
    const rhdPosOk = f.sex === 'M' || (f.sex === 'F' && (f.ageYears ?? 0) >= 50);
    const { abo, rhd } = s.bloodGroup;
    if (compatibilityFamily(s.componentClass) !== 'red-cells') {
      const plateletRhdOk = compatibilityFamily(s.componentClass) !== 'platelets' || rhdPosOk;
      return (abo === 'AB' || abo === 'A') && (rhd === 'neg' || plateletRhdOk);
    }
    return abo === 'O' && (rhd === 'neg' || rhdPosOk);
  }
  return e.emergency
    ? emergencyDonorGroups(s.componentClass, { ...e.patientFactors, group: e.patientGroup }).some(
        (g) => same(g, s.bloodGroup),
      )
    : isCompatible(s.componentClass, s.bloodGroup, e.patientGroup, e.patientFactors);
};

/** Irradiation and thawing, from the component tables (domain.md §2.1), CN profile. */
const modified: Record<string, { to: string; maxLifeMs: number } | undefined> = {
  'IRRADIATED RED_CELLS': { to: 'RED_CELLS_IRRADIATED', maxLifeMs: 28 * 86_400_000 },
  'IRRADIATED PLATELETS': { to: 'PLATELETS_IRRADIATED', maxLifeMs: 5 * 86_400_000 },
  'THAWED PLASMA': { to: 'PLASMA_THAWED', maxLifeMs: 24 * 3_600_000 },
  'THAWED CRYO': { to: 'CRYO_THAWED', maxLifeMs: 4 * 3_600_000 },
};

const codes: Record<string, number> = {};
const counts = {
  accepted: 0,
  rejected: 0,
  issued: 0,
  transfused: 0,
  emergency: 0,
  emergencyUnknownGroup: 0,
  excursionRelease: 0,
  irradiated: 0,
  thawed: 0,
  modifiedThenIssued: 0,
};

/** Checked with node:assert, not expect: it runs for every one of ~100k events. */
const handOut = new Set(['ISSUED', 'TRANSFUSION_STARTED', 'RESERVED', 'IRRADIATED', 'THAWED']);

const checkModification = (
  before: UnitState,
  after: UnitState,
  e: Extract<UnitEvent, { type: 'IRRADIATED' | 'THAWED' }>,
  ctx: EventContext,
): void => {
  if (e.type === 'IRRADIATED') counts.irradiated++;
  else counts.thawed++;
  assert.ok(['available', 'reserved'].includes(before.status), `${e.type} from ${before.status}`);
  const rule = modified[`${e.type} ${before.componentClass}`];
  assert.ok(rule, `${e.type} of ${before.componentClass}`);
  assert.equal(after.componentClass, rule.to);
  assert.equal(after.status, before.status);
  assert.ok(after.expiresAt <= before.expiresAt, `${e.type} extended the dating`);
  assert.ok(after.expiresAt.getTime() <= ctx.at.getTime() + rule.maxLifeMs, 'shelf life too long');
  assert.ok(after.expiresAt > ctx.at, `${e.type} produced an expired unit`);
  assert.equal(after.modifications?.at(-1)?.fromExpiresAt.getTime(), before.expiresAt.getTime());
};

const checkHandOut = (before: UnitState, e: UnitEvent, ctx: EventContext): void => {
  if (!handOut.has(e.type)) return;
  assert.ok(ctx.at < before.expiresAt, `${e.type} of an expired unit`);
  assert.equal(before.siteId, ctx.siteId, `${e.type} at another site`);
  assert.ok(
    ['available', 'reserved', 'issued'].includes(before.status),
    `${e.type} from ${before.status}`,
  );
  if (e.type === 'ISSUED') {
    counts.issued++;
    if (e.emergency) counts.emergency++;
    if (e.patientGroup === undefined) counts.emergencyUnknownGroup++;
    if (before.modifications?.length) counts.modifiedThenIssued++;
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
  if (e.type === 'IRRADIATED' || e.type === 'THAWED') checkModification(before, after, e, ctx);
  else assert.equal(after.componentClass, before.componentClass, `${e.type} changed the class`);
  if (e.type === 'TRANSFUSION_ENDED') counts.transfused++;
  if (e.type === 'HOLD_RELEASED' && before.holdReason === 'TEMPERATURE_EXCURSION') {
    counts.excursionRelease++;
    assert.equal(before.excursionReleases, 0, 'second release after an excursion');
  }
};

const run = (steps: readonly Step[]): void => {
  const units = new Map<string, UnitState>();
  /** Time of each unit's last accepted event, kept here independently of the state. */
  const lastAt = new Map<string, Date>();
  let now = T0;
  for (const step of steps) {
    now = at(now, step.advanceMinutes);
    const din = dins[step.unit]!;
    const eventAt = at(now, -step.backdateMinutes);
    const ctx: EventContext = { at: eventAt, siteId: sites[step.site]!, actor: 'prop' };
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
      const last = lastAt.get(din);
      const inOrder = !last || ctx.at >= last;
      // Only a hold may be late (quarantine first); the unit's time line never moves back.
      assert.ok(inOrder || e.type === 'HELD', `${e.type} accepted before the unit's last event`);
      if (inOrder) lastAt.set(din, ctx.at);
      assert.equal(after.lastEventAt?.getTime(), lastAt.get(din)?.getTime());
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
    expect(counts.emergencyUnknownGroup).toBeGreaterThan(10);
    expect(counts.irradiated).toBeGreaterThan(10);
    expect(counts.thawed).toBeGreaterThan(10);
    expect(counts.modifiedThenIssued).toBeGreaterThan(10);
    expect(counts.transfused).toBeGreaterThan(10);
    expect(counts.excursionRelease).toBeGreaterThan(10);
    expect(counts.rejected).toBeGreaterThan(counts.accepted / 10);
    for (const code of [
      'UNIT_EXPIRED',
      'WRONG_SITE',
      'INCOMPATIBLE',
      'PATIENT_MISMATCH',
      'UNIT_FINAL',
      'PATIENT_GROUP_REQUIRED',
      'MODIFICATION_NOT_APPLICABLE',
      'EVENT_OUT_OF_ORDER',
    ]) {
      expect(codes[code]).toBeGreaterThan(10);
    }
  });
});
