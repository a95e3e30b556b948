import type { BloodGroup, ComponentClass, EventContext, UnitEvent } from '@hemonet/core';
import { CN_REQUIRED_TESTS } from '@hemonet/core';
import type { UnitEventInput } from '../commands/record-unit-events.js';
import type { Site } from '../db/repos/sites-repo.js';
import { pickWeighted, seededRandom } from './random.js';

/**
 * The benchmark city: one blood center and 38 hospitals (the reference city of DESIGN.md).
 * Each donation is whole blood split into red cells, plasma and platelets: four units.
 */
export const UNITS_PER_DONATION = 4;
export const CENTER = 'C01';
export const HOSPITALS = Array.from({ length: 38 }, (_, i) => `H${String(i + 1).padStart(2, '0')}`);

export const benchSites = (): Site[] => [
  { id: CENTER, name: 'Regional Blood Center', kind: 'center', region: 'R1' },
  ...HOSPITALS.map((id): Site => ({ id, name: `Hospital ${id}`, kind: 'hospital', region: 'R1' })),
];

/** ISBT 128 DIN: facility (letter + 4 digits), year, 6-digit sequence; 10^6 units per facility. */
export const dinFor = (unitIndex: number): string =>
  `G${1000 + Math.floor(unitIndex / 1_000_000)}25${String(unitIndex % 1_000_000).padStart(6, '0')}`;

/** Each donor gave two donations, so a donor lookback finds eight units. */
export const donorFor = (donationIndex: number): string => `DONOR-${Math.floor(donationIndex / 2)}`;
export const donationFor = (donationIndex: number): string => `DN-${donationIndex}`;

// Approximate ABO/RhD frequencies of a Han Chinese donor population (RhD-negative ~0.4 %
// there; raised here so negative-group paths are exercised).
const GROUPS: readonly (readonly [BloodGroup, number])[] = [
  [{ abo: 'O', rhd: 'pos' }, 30],
  [{ abo: 'A', rhd: 'pos' }, 28],
  [{ abo: 'B', rhd: 'pos' }, 28],
  [{ abo: 'AB', rhd: 'pos' }, 9],
  [{ abo: 'O', rhd: 'neg' }, 2],
  [{ abo: 'A', rhd: 'neg' }, 1.5],
  [{ abo: 'B', rhd: 'neg' }, 1],
  [{ abo: 'AB', rhd: 'neg' }, 0.5],
];

const COMPONENTS: readonly { cls: ComponentClass; code: string; shelfDays: number }[] = [
  { cls: 'RED_CELLS', code: 'E9010', shelfDays: 35 },
  { cls: 'PLASMA', code: 'E9030', shelfDays: 365 },
  { cls: 'PLATELETS', code: 'E9020', shelfDays: 5 },
];

type Fate = 'stock' | 'hospital' | 'transfused' | 'discarded';
const FATES: readonly (readonly [Fate, number])[] = [
  ['stock', 55],
  ['hospital', 30],
  ['transfused', 12],
  ['discarded', 3],
];

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Emits events in time order for one donation, with a clock that advances a few minutes each. */
class DonationScript {
  readonly items: UnitEventInput[] = [];
  private t: number;
  constructor(start: number) {
    this.t = start;
  }
  add(din: string, siteId: string, event: UnitEvent, actor = 'bench'): void {
    this.t += 3 * MINUTE;
    const ctx: EventContext = { at: new Date(this.t), siteId, actor };
    this.items.push({ din, event, ctx });
  }
}

function componentFate(s: DonationScript, din: string, group: BloodGroup, random: () => number) {
  const fate = pickWeighted(random, FATES);
  if (fate === 'discarded')
    return s.add(din, CENTER, { type: 'DISCARDED', reason: 'QUALITY_FAILURE' });
  s.add(din, CENTER, { type: 'STORED', locationId: `${CENTER}-FRIDGE-1` });
  if (fate === 'stock') return;
  const hospital = HOSPITALS[Math.floor(random() * HOSPITALS.length)] ?? CENTER;
  const shipmentId = `SH-${din}`;
  s.add(din, CENTER, { type: 'SHIPPED', toSite: hospital, shipmentId });
  s.add(din, hospital, { type: 'RECEIVED', shipmentId });
  s.add(din, hospital, { type: 'STORED', locationId: `${hospital}-FRIDGE-1` });
  if (fate === 'hospital') return;
  const patientId = `PAT-${hospital}-${din}`;
  s.add(din, hospital, { type: 'ISSUED', patientId, patientGroup: group });
  s.add(din, hospital, { type: 'BEDSIDE_CHECKED', patientId });
  s.add(din, hospital, { type: 'TRANSFUSION_STARTED', patientId });
  s.add(din, hospital, { type: 'TRANSFUSION_ENDED' });
}

/**
 * Every event of donation `index`, vein to vein: collection, processing, the mandatory tests,
 * the split into three components, release, storage, and a realistic mix of fates (stock,
 * shipped to a hospital, transfused there, discarded). Deterministic per index.
 */
export function donationEvents(index: number, startMs: number): UnitEventInput[] {
  const random = seededRandom(index + 1);
  const group = pickWeighted(random, GROUPS);
  const s = new DonationScript(startMs);
  const wb = dinFor(index * UNITS_PER_DONATION);
  const donor = { donorId: donorFor(index), donationId: donationFor(index), bloodGroup: group };
  const collectedAt = new Date(startMs);
  const expires = (days: number) => new Date(startMs + days * DAY);
  s.add(wb, CENTER, {
    type: 'COLLECTED',
    din: wb,
    ...donor,
    componentClass: 'WHOLE_BLOOD',
    productCode: 'E9001',
    collectedAt,
    expiresAt: expires(35),
  });
  s.add(wb, CENTER, { type: 'PROCESSING_STARTED' });
  for (const test of CN_REQUIRED_TESTS)
    s.add(wb, CENTER, { type: 'TEST_RESULT', test, result: 'negative' });
  const tests = Object.fromEntries(CN_REQUIRED_TESTS.map((t) => [t, 'negative' as const]));
  const dins = COMPONENTS.map((_, k) => dinFor(index * UNITS_PER_DONATION + 1 + k));
  COMPONENTS.forEach((c, k) => {
    const din = dins[k] ?? '';
    s.add(din, CENTER, {
      type: 'COMPONENT_CREATED',
      din,
      parentDin: wb,
      ...donor,
      componentClass: c.cls,
      productCode: c.code,
      collectedAt,
      expiresAt: expires(c.shelfDays),
      tests,
    });
  });
  s.add(wb, CENTER, { type: 'PROCESSED', componentDins: dins });
  for (const din of dins) {
    s.add(din, CENTER, { type: 'RELEASED' });
    componentFate(s, din, group, random);
  }
  return s.items;
}
