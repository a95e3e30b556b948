import type { ComponentClass, UnitStatus } from '@hemonet/core';
import type { JsonObject } from '../../ledger/chain.js';
import type { Queryable } from '../sql-client.js';
import { getUnit, type UnitProjection } from './units-repo.js';

/** One step of a unit's history: what happened, when, where and by whom, and its ledger place. */
export interface TraceEvent {
  seq: number;
  type: string;
  at: Date;
  siteId: string;
  actor: string;
  payload: JsonObject;
  hash: string;
}

/** Where a related unit is now. */
export interface UnitSummary {
  din: string;
  status: UnitStatus;
  componentClass: ComponentClass;
  productCode: string;
  donationId: string;
  parentDin: string | null;
  siteId: string;
  locationId: string | null;
  patientId: string | null;
  expiresAt: Date;
}

export interface UnitTrace {
  unit: UnitProjection;
  events: TraceEvent[];
  parent: UnitSummary | null;
  children: UnitSummary[];
}

/** A patient who received (or was issued) a component: EU 2005/61/EC Annex I traceability. */
export interface Recipient {
  patientId: string;
  din: string;
  event: string;
  at: Date;
  siteId: string;
}

export interface Lookback {
  donations: { donationId: string; donorId: string; siteId: string; collectedAt: Date }[];
  components: UnitSummary[];
  recipients: Recipient[];
}

const SUMMARY_COLUMNS = `din, status, component_class AS "componentClass", product_code AS "productCode",
  donation_id AS "donationId", parent_din AS "parentDin", site_id AS "siteId",
  location_id AS "locationId", patient_id AS "patientId", expires_at AS "expiresAt"`;

/** Events that put a unit in a patient's hands; their payload names the patient. */
const RECIPIENT_EVENTS = ['ISSUED', 'BEDSIDE_CHECKED', 'TRANSFUSION_STARTED'];

/** A unit's whole vein-to-vein history in ledger order, with its parent and split children. */
export async function traceUnit(db: Queryable, din: string): Promise<UnitTrace | null> {
  const unit = await getUnit(db, din);
  if (!unit) return null;
  const { rows: events } = await db.query<TraceEvent>(
    `SELECT seq, type, at, site_id AS "siteId", actor, payload, hash
     FROM unit_events WHERE din = $1 ORDER BY seq`,
    [din],
  );
  // Parent and children in one round trip (primary key and units_parent_idx).
  const { rows: related } = await db.query<UnitSummary>(
    `SELECT ${SUMMARY_COLUMNS} FROM units WHERE din = $1 OR parent_din = $2 ORDER BY din`,
    [unit.parentDin ?? '', din],
  );
  return {
    unit,
    events,
    parent: related.find((u) => u.din === unit.parentDin) ?? null,
    children: related.filter((u) => u.parentDin === din),
  };
}

async function recipientsOf(db: Queryable, dins: readonly string[]): Promise<Recipient[]> {
  if (dins.length === 0) return [];
  const { rows } = await db.query<Recipient>(
    `SELECT payload->>'patientId' AS "patientId", din, type AS event, at, site_id AS "siteId"
     FROM unit_events WHERE din = ANY($1::text[]) AND type = ANY($2::text[]) ORDER BY seq`,
    [[...dins], RECIPIENT_EVENTS],
  );
  return rows;
}

async function lookback(
  db: Queryable,
  column: 'donor_id' | 'donation_id',
  id: string,
): Promise<Lookback> {
  const donationKey = column === 'donor_id' ? 'donor_id' : 'id';
  const { rows: donations } = await db.query<Lookback['donations'][number]>(
    `SELECT id AS "donationId", donor_id AS "donorId", site_id AS "siteId", collected_at AS "collectedAt"
     FROM donations WHERE ${donationKey} = $1 ORDER BY collected_at`,
    [id],
  );
  const { rows: components } = await db.query<UnitSummary>(
    `SELECT ${SUMMARY_COLUMNS} FROM units WHERE ${column} = $1 ORDER BY donation_id, din`,
    [id],
  );
  const recipients = await recipientsOf(
    db,
    components.map((c) => c.din),
  );
  return { donations, components, recipients };
}

/**
 * Lookback from a donor (21 CFR 610.46/610.47): every donation, every component made from it
 * (split children included), where each is now, and every patient who received one.
 */
export const lookbackDonor = (db: Queryable, donorId: string): Promise<Lookback> =>
  lookback(db, 'donor_id', donorId);

/** Lookback from one donation: its components, where they are, and their recipients. */
export const lookbackDonation = (db: Queryable, donationId: string): Promise<Lookback> =>
  lookback(db, 'donation_id', donationId);
