import { CN_REQUIRED_TESTS, type BloodGroup, type UnitEvent } from '@hemonet/core';
import type { UnitEventInput } from '../../commands/record-unit-events.js';
import { upsertSite } from '../repos/sites-repo.js';
import type { Queryable } from '../sql-client.js';

/** Fixture factories for the write path: one explicit donation at a time. */
export const CENTER = 'C01';
export const HOSPITAL = 'H01';

export async function seedSites(db: Queryable): Promise<void> {
  await upsertSite(db, { id: CENTER, name: 'Blood Center', kind: 'center', region: 'R1' });
  await upsertSite(db, { id: HOSPITAL, name: 'General Hospital', kind: 'hospital', region: 'R1' });
}

const DAY = 86_400_000;
let clock = Date.UTC(2025, 2, 1, 8);

/** Each event a minute after the previous one, so histories have a strict time order. */
export const event = (
  din: string,
  siteId: string,
  e: UnitEvent,
  actor = 'tech-1',
): UnitEventInput => {
  clock += 60_000;
  return { din, event: e, ctx: { at: new Date(clock), siteId, actor } };
};

export const collectedAt = () => new Date(clock);

export interface DonationFixture {
  donorId: string;
  donationId: string;
  group: BloodGroup;
  wholeBlood: string;
  /** Red cells, plasma, platelets. */
  components: [string, string, string];
}

export function donationFixture(n: number, donorId = `DONOR-${n}`): DonationFixture {
  const din = (k: number) => `G1234${25}${String(n * 10 + k).padStart(6, '0')}`;
  return {
    donorId,
    donationId: `DN-${n}`,
    group: { abo: 'A', rhd: 'pos' },
    wholeBlood: din(0),
    components: [din(1), din(2), din(3)],
  };
}

/** Collection to release: whole blood tested and split into three stored components. */
export function splitDonationEvents(d: DonationFixture): UnitEventInput[] {
  const at = collectedAt();
  const common = {
    donorId: d.donorId,
    donationId: d.donationId,
    bloodGroup: d.group,
    collectedAt: at,
  };
  const expiresAt = new Date(at.getTime() + 35 * DAY);
  const tests = Object.fromEntries(CN_REQUIRED_TESTS.map((t) => [t, 'negative' as const]));
  const classes = [
    ['RED_CELLS', 'E9010'],
    ['PLASMA', 'E9030'],
    ['PLATELETS', 'E9020'],
  ] as const;
  return [
    event(d.wholeBlood, CENTER, {
      type: 'COLLECTED',
      din: d.wholeBlood,
      ...common,
      componentClass: 'WHOLE_BLOOD',
      productCode: 'E9001',
      expiresAt,
    }),
    event(d.wholeBlood, CENTER, { type: 'PROCESSING_STARTED' }),
    ...CN_REQUIRED_TESTS.map((test) =>
      event(d.wholeBlood, CENTER, { type: 'TEST_RESULT', test, result: 'negative' }),
    ),
    ...d.components.map((din, k) =>
      event(din, CENTER, {
        type: 'COMPONENT_CREATED',
        din,
        parentDin: d.wholeBlood,
        ...common,
        componentClass: classes[k]?.[0] ?? 'RED_CELLS',
        productCode: classes[k]?.[1] ?? 'E9010',
        expiresAt,
        tests,
      }),
    ),
    event(d.wholeBlood, CENTER, { type: 'PROCESSED', componentDins: d.components }),
    ...d.components.flatMap((din) => [
      event(din, CENTER, { type: 'RELEASED' }),
      event(din, CENTER, { type: 'STORED', locationId: 'C01-FRIDGE-1' }),
    ]),
  ];
}

/** Ship a unit to the hospital and transfuse it into `patientId` there. */
export function transfuseEvents(
  din: string,
  patientId: string,
  group: BloodGroup,
): UnitEventInput[] {
  return [
    event(din, CENTER, { type: 'SHIPPED', toSite: HOSPITAL, shipmentId: `SH-${din}` }),
    event(din, HOSPITAL, { type: 'RECEIVED', shipmentId: `SH-${din}` }),
    event(din, HOSPITAL, { type: 'STORED', locationId: 'H01-FRIDGE-1' }),
    event(din, HOSPITAL, { type: 'ISSUED', patientId, patientGroup: group }),
    event(din, HOSPITAL, { type: 'BEDSIDE_CHECKED', patientId }, 'nurse-7'),
    event(din, HOSPITAL, { type: 'TRANSFUSION_STARTED', patientId }, 'nurse-7'),
    event(din, HOSPITAL, { type: 'TRANSFUSION_ENDED', volumeMl: 280 }, 'nurse-7'),
  ];
}
