import fc from 'fast-check';
import { allBloodGroups, type BloodGroup } from '../../blood-group.js';
import type { RecipientFactors } from '../../compat/recipient.js';
import { CN_REQUIRED_TESTS } from '../options.js';
import type { UnitState } from '../state.js';
import type { UnitEvent } from '../types.js';

/**
 * Random but plausible event sequences over a few units, patients and sites, for the lifecycle
 * property tests: mostly forward paths (tests, release, issue, bedside, transfusion) mixed with
 * holds, shipments, discards and events that must be refused.
 */
export const dins = ['G123417654321', 'G123417654322', 'G123417654323'];
export const sites = ['centre', 'h1'];
export interface Patient {
  id: string;
  group: BloodGroup;
  factors: RecipientFactors;
}
export const patients: Patient[] = [
  { id: 'p1', group: { abo: 'O', rhd: 'neg' }, factors: { sex: 'F', ageYears: 30 } },
  { id: 'p2', group: { abo: 'A', rhd: 'pos' }, factors: { sex: 'M', ageYears: 60 } },
  { id: 'p3', group: { abo: 'B', rhd: 'pos' }, factors: { sex: 'M', ageYears: 8 } },
  { id: 'p4', group: { abo: 'AB', rhd: 'neg' }, factors: {} },
];
const tests = [...CN_REQUIRED_TESTS];
const negativeTests: UnitEvent[] = tests.map((test) => ({
  type: 'TEST_RESULT',
  test,
  result: 'negative',
}));
/** The seven screening results, sent only while they can matter (one stray result otherwise). */
const testsIfPending = (_now: Date, s: UnitState | undefined): UnitEvent[] =>
  s && ['collected', 'in_processing', 'quarantined'].includes(s.status)
    ? negativeTests
    : negativeTests.slice(0, 1);

export interface Step {
  unit: number;
  site: number;
  advanceMinutes: number;
  /** Dates this step's events before the clock (a late or skewed submission); 0 mostly. */
  backdateMinutes: number;
  events: EventsFor;
}

export const at = (now: Date, minutes: number): Date => new Date(now.getTime() + minutes * 60_000);
const patientArb = fc.constantFrom(...patients);

/** Builds a step's events from the clock and the unit's current state (to follow plausible paths). */
type EventsFor = (now: Date, s: UnitState | undefined) => UnitEvent[];
const issuedPatient = (s: UnitState | undefined, fallback: Patient): string =>
  s?.issuedTo?.patientId ?? fallback.id;

const creationArb: fc.Arbitrary<EventsFor> = fc
  .record({
    type: fc.constantFrom(
      'COMPONENT_CREATED' as const,
      'COMPONENT_CREATED' as const,
      'COLLECTED' as const,
    ),
    cls: fc.constantFrom(
      'RED_CELLS',
      'WHOLE_BLOOD',
      'PLATELETS',
      'PLASMA',
      'CRYO',
      'CRYO_THAWED' as const,
    ),
    group: fc.constantFrom(...allBloodGroups),
    life: fc.integer({ min: 60, max: 5 * 1440 }),
    din: fc.constantFrom(...dins),
  })
  .map((r) => (now: Date): UnitEvent[] => [
    {
      type: r.type,
      din: r.din,
      parentDin: 'G123417654320',
      donorId: 'donor',
      donationId: 'donation',
      componentClass: r.cls,
      productCode: 'E9010V00',
      bloodGroup: r.group,
      collectedAt: now,
      expiresAt: at(now, r.life),
    },
  ]);

const eventArb: fc.Arbitrary<EventsFor> = fc.oneof(
  { weight: 1, arbitrary: creationArb },
  { weight: 1, arbitrary: fc.constant(testsIfPending) },
  {
    weight: 4,
    arbitrary: fc.constant<EventsFor>((now, s) => [
      ...testsIfPending(now, s),
      { type: 'RELEASED' },
    ]),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        test: fc.constantFrom(...tests),
        result: fc.constantFrom('positive' as const, 'indeterminate' as const),
      })
      .map((r) => () => [{ type: 'TEST_RESULT' as const, ...r }]),
  },
  { weight: 1, arbitrary: fc.constant(() => [{ type: 'RELEASED' as const }]) },
  { weight: 1, arbitrary: fc.constant(() => [{ type: 'TRANSFUSION_ENDED' as const }]) },
  { weight: 2, arbitrary: fc.constant(() => [{ type: 'HOLD_RELEASED' as const }]) },
  {
    weight: 1,
    arbitrary: fc.constant(() => [
      { type: 'HELD' as const, reason: 'TEMPERATURE_EXCURSION' as const },
    ]),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom<UnitEvent>(
        { type: 'PROCESSING_STARTED' },
        { type: 'PROCESSED', componentDins: ['x'] },
        { type: 'STORED', locationId: 'fridge-1' },
        { type: 'REMOVED_FROM_STORAGE' },
        { type: 'RESERVATION_RELEASED' },
        {
          type: 'REACTION_REPORTED',
          reactionType: 'FNHTR',
          severity: 'non-severe',
          imputability: 1,
        },
        { type: 'EXPIRED' },
        { type: 'DISCARDED', reason: 'OTHER' },
        { type: 'HELD', reason: 'LOOKBACK' },
      )
      .map((e) => () => [e]),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ p: patientArb, minutes: fc.integer({ min: 1, max: 600 }) })
      .map(({ p, minutes }) => (now: Date) => [
        {
          type: 'RESERVED' as const,
          patientId: p.id,
          patientGroup: p.group,
          patientFactors: p.factors,
          until: at(now, minutes),
        },
      ]),
  },
  {
    weight: 5,
    arbitrary: fc
      .record({
        p: patientArb,
        emergency: fc.boolean(),
        factors: fc.boolean(),
        // Emergency release before grouping; without the emergency flag it must be refused.
        groupKnown: fc.oneof(
          { weight: 3, arbitrary: fc.constant(true) },
          { weight: 2, arbitrary: fc.constant(false) },
        ),
      })
      .map(({ p, emergency, factors, groupKnown }) => () => [
        {
          type: 'ISSUED' as const,
          patientId: p.id,
          emergency,
          ...(groupKnown ? { patientGroup: p.group } : {}),
          ...(factors ? { patientFactors: p.factors } : {}),
        },
      ]),
  },
  {
    weight: 4,
    arbitrary: fc
      .constantFrom<UnitEvent>(
        { type: 'IRRADIATED' },
        { type: 'IRRADIATED', productCode: 'E0398V00' },
        { type: 'THAWED' },
      )
      .map((e) => () => [e]),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({
        p: patientArb,
        follow: fc.boolean(),
        type: fc.constantFrom('BEDSIDE_CHECKED' as const, 'TRANSFUSION_STARTED' as const),
      })
      .map(({ p, follow, type }): EventsFor => (_now, s) => [
        { type, patientId: follow ? issuedPatient(s, p) : p.id },
      ]),
  },
  {
    weight: 2,
    arbitrary: patientArb.map((p): EventsFor => (_now, s) => [
      { type: 'BEDSIDE_CHECKED', patientId: issuedPatient(s, p) },
      { type: 'TRANSFUSION_STARTED', patientId: issuedPatient(s, p) },
      { type: 'TRANSFUSION_ENDED' },
    ]),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 0, max: 60 })
      .map((m) => () => [{ type: 'RETURNED_TO_STOCK' as const, minutesOutOfStorage: m }]),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ to: fc.constantFrom(...sites), shipment: fc.constantFrom('s1', 's2') })
      .map(({ to, shipment }) => () => [
        { type: 'SHIPPED' as const, toSite: to, shipmentId: shipment },
      ]),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('s1', 's2')
      .map((s) => () => [{ type: 'RECEIVED' as const, shipmentId: s }]),
  },
);

const stepArb: fc.Arbitrary<Step> = fc.record({
  unit: fc.nat({ max: dins.length - 1 }),
  site: fc.oneof(
    { weight: 5, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.constant(1) },
  ),
  advanceMinutes: fc.oneof(
    { weight: 3, arbitrary: fc.constant(0) },
    { weight: 6, arbitrary: fc.integer({ min: 1, max: 30 }) },
    { weight: 1, arbitrary: fc.integer({ min: 60, max: 720 }) },
  ),
  backdateMinutes: fc.oneof(
    { weight: 12, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 120 }) },
  ),
  events: eventArb,
});

export const patientOf = (id: string): Patient => patients.find((p) => p.id === id) ?? patients[0]!;

/** Every sequence starts by creating each unit at the centre, then anything goes. */
export const sequenceArb = fc
  .tuple(
    fc.tuple(...dins.map(() => creationArb)),
    fc.array(stepArb, { minLength: 10, maxLength: 50, size: 'max' }),
  )
  .map(([creations, steps]): Step[] => [
    ...creations.map((events, unit) => ({
      unit,
      site: 0,
      advanceMinutes: 0,
      backdateMinutes: 0,
      events,
    })),
    ...steps,
  ]);
