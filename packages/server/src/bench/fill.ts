import { recordUnitEvents, type RecordUnitEventsDeps } from '../commands/record-unit-events.js';
import { upsertSite } from '../db/repos/sites-repo.js';
import { benchSites, donationEvents, UNITS_PER_DONATION } from './city.js';

/** Donations written per transaction: ~20 events each, so a few thousand ledger rows per commit. */
const DONATIONS_PER_TRANSACTION = 200;
/** Donations are collected one second apart, ending a few days ago. */
const DONATION_SPACING_MS = 1_000;

export interface FillResult {
  donations: number;
  units: number;
  events: number;
  seconds: number;
}

export const donationStart = (index: number, donations: number, now: number): number =>
  now - 5 * 86_400_000 - (donations - index) * DONATION_SPACING_MS;

/**
 * Fills the database with `units` units (rounded up to whole donations) through the real write
 * path: every event is validated, folded by core's lifecycle, hash-chained and projected, in
 * large transactions.
 */
export async function fillCity(
  deps: RecordUnitEventsDeps,
  units: number,
  progress: (done: number, total: number, events: number) => void,
): Promise<FillResult> {
  for (const site of benchSites()) await upsertSite(deps.db, site);
  const donations = Math.ceil(units / UNITS_PER_DONATION);
  const now = Date.now();
  const started = performance.now();
  let events = 0;
  for (let first = 0; first < donations; first += DONATIONS_PER_TRANSACTION) {
    const last = Math.min(donations, first + DONATIONS_PER_TRANSACTION);
    const items = [];
    for (let i = first; i < last; i++)
      items.push(...donationEvents(i, donationStart(i, donations, now)));
    await recordUnitEvents(deps, items);
    events += items.length;
    progress(last * UNITS_PER_DONATION, donations * UNITS_PER_DONATION, events);
  }
  const seconds = (performance.now() - started) / 1000;
  return { donations, units: donations * UNITS_PER_DONATION, events, seconds };
}
