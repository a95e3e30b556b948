import { randomUUID } from 'node:crypto';
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { seededRandom } from '../bench/random.js';
import type { CommandDeps } from '../commands/deps.js';
import { recordUnitEvents, type UnitEventInput } from '../commands/record-unit-events.js';
import { insertPatient, insertTyping } from '../db/repos/patients-repo.js';
import { insertShipment, markReceived } from '../db/repos/shipments-repo.js';
import {
  setSiteCoordinates,
  setSiteTimeZone,
  upsertTravelTimes,
} from '../db/repos/site-directory-repo.js';
import { listSites, upsertSite } from '../db/repos/sites-repo.js';
import { insertStorageLocations } from '../db/repos/storage-locations-repo.js';
import { CENTER, HOSPITALS, demoLocations, demoSites, demoTravelTimes } from './city.js';
import { demoPatients, type DemoPatient } from './patients.js';
import { donationStory, type StoryWorld } from './units.js';
import { prepareDemoUsers, type DemoCredential } from './users.js';

export interface DemoOptions {
  donations: number;
  /** Where demo-credentials.json is written. */
  credentialsDir: string;
  /** Donations per write batch (bulk appends keep seeding well under a minute on PGlite). */
  batchSize?: number;
}

export interface DemoResult {
  seeded: boolean;
  credentials: DemoCredential[];
  credentialsFile: string;
  units: number;
  events: number;
  seconds: number;
}

export const CREDENTIALS_FILE = 'demo-credentials.json';

/**
 * Seeds the demo city into an empty database: sites with coordinates and travel times, storage
 * locations, one user per role per site, patients, and a few thousand units in realistic states
 * and ages, every unit event written through recordUnitEvents so the ledger verifies.
 * A database that already has sites is left alone (`seeded: false`).
 */
export const seedDemoCity = async (
  deps: CommandDeps,
  options: DemoOptions,
): Promise<DemoResult> => {
  const credentialsFile = join(options.credentialsDir, CREDENTIALS_FILE);
  if ((await listSites(deps.db)).length > 0)
    return { seeded: false, credentials: [], credentialsFile, units: 0, events: 0, seconds: 0 };
  const started = Date.now();
  const now = deps.clock();
  const sites = demoSites();
  const users = prepareDemoUsers(
    sites.map((s) => s.id),
    now,
  );
  await deps.db.transaction(async (tx) => {
    for (const site of sites) {
      await upsertSite(tx, site);
      await setSiteCoordinates(tx, site.id, site);
      await setSiteTimeZone(tx, site.id, site.timeZone);
    }
    await upsertTravelTimes(tx, demoTravelTimes(sites));
    await insertStorageLocations(tx, demoLocations(sites), now);
  });
  const random = seededRandom(7);
  const patients = demoPatients(HOSPITALS, 12, random, now);
  await savePatients(deps, patients);
  const { units, events } = await seedUnits(deps, options, random, patients, sites);
  await users.save(deps.db);
  await mkdir(options.credentialsDir, { recursive: true });
  await writeFile(credentialsFile, `${JSON.stringify(users.credentials, null, 2)}\n`, {
    mode: 0o600,
  });
  const credentials = users.credentials;
  return {
    seeded: true,
    credentials,
    credentialsFile,
    units,
    events,
    seconds: (Date.now() - started) / 1000,
  };
};

const savePatients = (deps: CommandDeps, patients: readonly DemoPatient[]) =>
  deps.db.transaction(async (tx) => {
    for (const p of patients) {
      await insertPatient(tx, p, `hospital_blood_bank.${p.siteId}`.toLowerCase());
      for (const sample of ['S1', 'S2']) {
        await insertTyping(tx, p.id, {
          bloodGroup: p.bloodGroup,
          sampleId: `${p.mrn}-${sample}`,
          recordedAt: p.createdAt,
          recordedBy: `hospital_blood_bank.${p.siteId}`.toLowerCase(),
        });
      }
    }
  });

const seedUnits = async (
  deps: CommandDeps,
  options: DemoOptions,
  random: () => number,
  patients: readonly DemoPatient[],
  sites: ReturnType<typeof demoSites>,
) => {
  const center = sites.find((s) => s.id === CENTER);
  const travel = new Map(
    demoTravelTimes(sites)
      .filter((t) => t.fromSiteId === CENTER)
      .map((t) => [t.toSiteId, t.minutes]),
  );
  const byHospital = new Map<string, DemoPatient[]>();
  for (const p of patients) byHospital.set(p.siteId, [...(byHospital.get(p.siteId) ?? []), p]);
  const world: StoryWorld = {
    now: deps.clock().getTime(),
    random,
    patients: byHospital,
    travelMinutes: (to) => travel.get(to) ?? 30,
    shipments: new Map(),
    newId: randomUUID,
  };
  let batch: UnitEventInput[] = [];
  let events = 0;
  const units = new Set<string>();
  const batchSize = options.batchSize ?? 150;
  for (let i = 0; i < options.donations; i++) {
    // Ages spread over 40 days, younger donations more frequent than old ones still around.
    const ageDays = 40 * (i / options.donations) ** 1.3;
    batch.push(...donationStory(world, i, ageDays));
    if ((i + 1) % batchSize === 0 || i === options.donations - 1) {
      await recordUnitEvents(deps, batch);
      batch.forEach((e) => units.add(e.din));
      events += batch.length;
      batch = [];
    }
  }
  await saveShipments(deps, world, center?.id ?? CENTER);
  return { units: units.size, events };
};

const saveShipments = (deps: CommandDeps, world: StoryWorld, from: string) =>
  deps.db.transaction(async (tx) => {
    for (const s of world.shipments.values()) {
      if (s.dins.length === 0) continue;
      const shippedBy = `center_staff.${from}`.toLowerCase();
      await insertShipment(tx, {
        id: s.id,
        fromSiteId: from,
        toSiteId: s.toSiteId,
        shippedAt: s.shippedAt,
        shippedBy,
        dins: s.dins,
      });
      if (s.receivedAt)
        await markReceived(
          tx,
          s.id,
          s.dins,
          s.receivedAt,
          `hospital_blood_bank.${s.toSiteId}`.toLowerCase(),
        );
    }
  });
