import {
  CN_REQUIRED_TESTS,
  isCompatible,
  shelfLifeExpiry,
  type BloodGroup,
  type ComponentClass,
  type UnitEvent,
} from '@hemonet/core';
import { pickWeighted } from '../bench/random.js';
import type { UnitEventInput } from '../commands/record-unit-events.js';
import { CENTER, HOSPITALS, locationFor } from './city.js';
import { GROUP_WEIGHTS, type DemoPatient } from './patients.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface DemoShipment {
  id: string;
  toSiteId: string;
  shippedAt: Date;
  receivedAt: Date | null;
  dins: string[];
}

/** Everything the stories need to know about the world, and what they leave behind. */
export interface StoryWorld {
  now: number;
  random: () => number;
  patients: ReadonlyMap<string, DemoPatient[]>;
  travelMinutes: (to: string) => number;
  /** Shipments by key `<site>/<day>`: one courier run per hospital per day. */
  shipments: Map<string, DemoShipment>;
  newId: () => string;
}

const COMPONENTS: readonly { code: string; cls: ComponentClass; share: number }[] = [
  { code: 'E9010V00', cls: 'RED_CELLS', share: 1 },
  { code: 'E9030V00', cls: 'PLASMA', share: 1 },
  { code: 'E9020V00', cls: 'PLATELETS', share: 0.3 },
];

type Fate = 'center' | 'hospital' | 'transfused' | 'reserved' | 'in_transit' | 'held' | 'discarded';
const FATES: Record<string, readonly (readonly [Fate, number])[]> = {
  RED_CELLS: [
    ['center', 30],
    ['hospital', 30],
    ['transfused', 22],
    ['reserved', 5],
    ['in_transit', 3],
    ['held', 3],
    ['discarded', 4],
  ],
  PLASMA: [
    ['center', 55],
    ['hospital', 25],
    ['transfused', 12],
    ['in_transit', 2],
    ['held', 2],
    ['discarded', 4],
  ],
  PLATELETS: [
    ['center', 35],
    ['hospital', 25],
    ['transfused', 30],
    ['in_transit', 5],
    ['discarded', 5],
  ],
};

/** Events of one unit in time order; `at` advances and never passes `now`. */
class Story {
  constructor(
    readonly world: StoryWorld,
    readonly items: UnitEventInput[],
  ) {}
  add(din: string, siteId: string, at: number, event: UnitEvent, actor: string): void {
    this.items.push({
      din,
      event,
      ctx: { at: new Date(Math.min(at, this.world.now - 60_000)), siteId, actor },
    });
  }
}

const staff = (site: string, role: string) => `${role}.${site}`.toLowerCase();

/**
 * One donation, vein to vein: collection, processing, the mandatory tests, the split and then
 * each component's own path (kept at the center, shipped, reserved, transfused, held, discarded,
 * expired), all through the same events the API records.
 */
export const donationStory = (
  world: StoryWorld,
  index: number,
  ageDays: number,
): UnitEventInput[] => {
  const story = new Story(world, []);
  const t0 = world.now - ageDays * DAY;
  const din = `G1234${new Date(t0).getUTCFullYear() % 100}${String(index + 1).padStart(6, '0')}`;
  const bloodGroup = pickWeighted(world.random, GROUP_WEIGHTS);
  const donor = { donorId: `DONOR-${Math.floor(index * 0.8)}`, donationId: din, bloodGroup };
  const collectedAt = new Date(t0);
  const c = staff(CENTER, 'center_staff');
  story.add(
    din,
    CENTER,
    t0,
    {
      type: 'COLLECTED',
      din,
      ...donor,
      componentClass: 'WHOLE_BLOOD',
      productCode: 'E9001V00',
      collectedAt,
      expiresAt: shelfLifeExpiry('WHOLE_BLOOD', { collectedAt }),
      volumeMl: 400,
    },
    c,
  );
  story.add(din, CENTER, t0 + HOUR, { type: 'PROCESSING_STARTED' }, c);
  if (ageDays < 0.3) return story.items; // still in the processing lab
  const tested = ageDays >= 1;
  if (tested)
    for (const test of CN_REQUIRED_TESTS)
      story.add(din, CENTER, t0 + 6 * HOUR, { type: 'TEST_RESULT', test, result: 'negative' }, c);
  const splitAt = t0 + (tested ? 7 : 2) * HOUR;
  const parts = COMPONENTS.filter((p) => world.random() < p.share);
  const tests = tested
    ? Object.fromEntries(CN_REQUIRED_TESTS.map((t) => [t, 'negative' as const]))
    : {};
  const children = parts.map((p) => ({
    ...p,
    din: `${din}-${p.code}`,
    expiresAt: shelfLifeExpiry(p.cls, { collectedAt }),
  }));
  for (const ch of children) {
    story.add(
      ch.din,
      CENTER,
      splitAt,
      {
        type: 'COMPONENT_CREATED',
        din: ch.din,
        parentDin: din,
        ...donor,
        componentClass: ch.cls,
        productCode: ch.code,
        division: '00',
        collectedAt,
        expiresAt: ch.expiresAt,
        tests,
      },
      c,
    );
  }
  story.add(
    din,
    CENTER,
    splitAt,
    { type: 'PROCESSED', componentDins: children.map((ch) => ch.din) },
    c,
  );
  for (const ch of children) {
    story.add(
      ch.din,
      CENTER,
      splitAt + HOUR,
      { type: 'STORED', locationId: locationFor(CENTER, ch.cls) },
      c,
    );
    if (tested) componentStory(story, { ...ch, bloodGroup, releasedAt: t0 + DAY });
  }
  return story.items;
};

interface Component {
  din: string;
  cls: ComponentClass;
  bloodGroup: BloodGroup;
  expiresAt: Date;
  releasedAt: number;
}

const componentStory = (story: Story, u: Component): void => {
  const { world } = story;
  const c = staff(CENTER, 'center_staff');
  story.add(u.din, CENTER, u.releasedAt, { type: 'RELEASED' }, c);
  const expiry = u.expiresAt.getTime();
  const fate = pickWeighted(world.random, FATES[u.cls] ?? FATES.PLASMA ?? []);
  if (fate === 'discarded')
    return story.add(
      u.din,
      CENTER,
      u.releasedAt + HOUR,
      { type: 'DISCARDED', reason: 'DAMAGED', note: 'bag leak found at inspection' },
      c,
    );
  if (fate === 'held')
    return story.add(
      u.din,
      CENTER,
      u.releasedAt + HOUR,
      { type: 'HELD', reason: 'QUALITY', note: 'visual inspection: possible haemolysis' },
      c,
    );
  const lastUseful = Math.min(expiry, world.now) - 2 * HOUR;
  if (fate === 'center' || lastUseful <= u.releasedAt + DAY) return expireIfDue(story, u, CENTER);
  shipStory(story, u, fate, lastUseful);
};

const expireIfDue = (story: Story, u: Component, site: string): void => {
  const expiry = u.expiresAt.getTime();
  if (expiry < story.world.now - HOUR)
    story.add(u.din, site, expiry + HOUR, { type: 'EXPIRED' }, 'system:expiry');
};

const shipStory = (story: Story, u: Component, fate: Fate, lastUseful: number): void => {
  const { world } = story;
  const hospital = HOSPITALS[Math.floor(world.random() * HOSPITALS.length)] ?? 'H01';
  const stillGood = u.expiresAt.getTime() > world.now + HOUR;
  const firstDay = Math.ceil((u.releasedAt - 9 * HOUR) / DAY);
  const lastDay = Math.floor((lastUseful - 13 * HOUR) / DAY);
  if (((fate === 'in_transit' || fate === 'reserved') && !stillGood) || lastDay < firstDay)
    return expireIfDue(story, u, CENTER);
  const day = firstDay + Math.floor(world.random() * (lastDay - firstDay + 1));
  const shipment = shipmentFor(world, hospital, day, fate === 'in_transit');
  shipment.dins.push(u.din);
  story.add(
    u.din,
    CENTER,
    shipment.shippedAt.getTime(),
    { type: 'SHIPPED', toSite: hospital, shipmentId: shipment.id },
    staff(CENTER, 'center_staff'),
  );
  if (!shipment.receivedAt) return;
  const bank = staff(hospital, 'hospital_blood_bank');
  const arrived = shipment.receivedAt.getTime();
  story.add(u.din, hospital, arrived, { type: 'RECEIVED', shipmentId: shipment.id }, bank);
  story.add(
    u.din,
    hospital,
    arrived + 10 * 60_000,
    { type: 'STORED', locationId: locationFor(hospital, u.cls) },
    bank,
  );
  const patient = (world.patients.get(hospital) ?? []).find((p) =>
    isCompatible(u.cls, u.bloodGroup, p.bloodGroup),
  );
  if (fate === 'hospital' || !patient || (fate !== 'reserved' && arrived + 4 * HOUR > lastUseful))
    return expireIfDue(story, u, hospital);
  const patientGroup = patient.bloodGroup;
  if (fate === 'reserved') {
    const until = new Date(world.now + DAY);
    return story.add(
      u.din,
      hospital,
      world.now - HOUR,
      { type: 'RESERVED', patientId: patient.id, patientGroup, until },
      bank,
    );
  }
  const t = arrived + HOUR + world.random() * (lastUseful - arrived - 4 * HOUR);
  const nurse = staff(hospital, 'clinician');
  story.add(
    u.din,
    hospital,
    t,
    { type: 'RESERVED', patientId: patient.id, patientGroup, until: new Date(t + DAY) },
    bank,
  );
  story.add(
    u.din,
    hospital,
    t + HOUR,
    { type: 'ISSUED', patientId: patient.id, patientGroup },
    bank,
  );
  story.add(
    u.din,
    hospital,
    t + HOUR + 15 * 60_000,
    { type: 'BEDSIDE_CHECKED', patientId: patient.id },
    nurse,
  );
  story.add(
    u.din,
    hospital,
    t + HOUR + 20 * 60_000,
    { type: 'TRANSFUSION_STARTED', patientId: patient.id },
    nurse,
  );
  story.add(u.din, hospital, t + 3 * HOUR, { type: 'TRANSFUSION_ENDED', volumeMl: 250 }, nurse);
};

/** One courier run per hospital per day at 09:00; today's may still be on the road. */
const shipmentFor = (
  world: StoryWorld,
  hospital: string,
  day: number,
  onTheRoad: boolean,
): DemoShipment => {
  const key = `${hospital}/${day}/${onTheRoad ? 'road' : 'done'}`;
  const found = world.shipments.get(key);
  if (found) return found;
  const shippedAt = onTheRoad ? new Date(world.now - 20 * 60_000) : new Date(day * DAY + 9 * HOUR);
  const receivedAt = onTheRoad
    ? null
    : new Date(shippedAt.getTime() + world.travelMinutes(hospital) * 60_000);
  const shipment = { id: world.newId(), toSiteId: hospital, shippedAt, receivedAt, dins: [] };
  world.shipments.set(key, shipment);
  return shipment;
};
