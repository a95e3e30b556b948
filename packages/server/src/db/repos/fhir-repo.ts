import type { Abo, ComponentClass, RhD, UnitStatus } from '@hemonet/core';
import type { Queryable } from '../sql-client.js';
import type { AdverseReaction } from './haemovigilance-repo.js';

/** A unit as the FHIR facade maps it: projection columns plus collection time and division. */
export interface ProductRow {
  din: string;
  status: UnitStatus;
  componentClass: ComponentClass;
  productCode: string;
  abo: Abo;
  rhd: RhD;
  siteId: string;
  patientId: string | null;
  expiresAt: Date;
  donationId: string;
  parentDin: string | null;
  collectedAt: Date;
  division: string;
}

const productColumns = `din, status, component_class AS "componentClass", product_code AS "productCode",
  abo, rhd, site_id AS "siteId", patient_id AS "patientId", expires_at AS "expiresAt",
  donation_id AS "donationId", parent_din AS "parentDin",
  (state->>'collectedAt')::timestamptz AS "collectedAt", state->>'division' AS division`;

/** The given units (primary key), in din order. */
export const productRowsByDin = async (
  db: Queryable,
  dins: readonly string[],
): Promise<ProductRow[]> => {
  if (dins.length === 0) return [];
  const { rows } = await db.query<ProductRow>(
    `SELECT ${productColumns} FROM units WHERE din = ANY($1::text[]) ORDER BY din`,
    [[...dins]],
  );
  return rows;
};

/** The unit with this key, or every component of the donation with this DIN (units_donation_idx). */
export const productRowsByIdentifier = async (
  db: Queryable,
  identifier: string,
): Promise<ProductRow[]> => {
  const { rows } = await db.query<ProductRow>(
    `SELECT ${productColumns} FROM units WHERE din = $1 OR donation_id = $1 ORDER BY din`,
    [identifier],
  );
  return rows;
};

export interface UnitEventRow {
  seq: number;
  din: string;
  type: string;
  at: Date;
  siteId: string;
  payload: Record<string, unknown>;
}

const eventColumns = `seq, din, type, at, site_id AS "siteId", payload`;

/** One unit's events in ledger order (unit_events_din_seq_idx). */
export const eventsOfUnit = async (db: Queryable, din: string): Promise<UnitEventRow[]> => {
  const { rows } = await db.query<UnitEventRow>(
    `SELECT ${eventColumns} FROM unit_events WHERE din = $1 ORDER BY seq`,
    [din],
  );
  return rows;
};

/**
 * Every event of every unit ever issued to the patient, by unit then ledger order. Units still
 * linked come from units_patient_idx; units issued and later returned to stock only from their
 * ISSUED events (no index on the payload: a scan of ISSUED events).
 */
export const eventsOfPatientUnits = async (
  db: Queryable,
  patientId: string,
): Promise<UnitEventRow[]> => {
  const { rows } = await db.query<UnitEventRow>(
    `SELECT ${eventColumns} FROM unit_events
     WHERE din IN (
       SELECT din FROM units WHERE patient_id = $1
       UNION SELECT din FROM unit_events WHERE type = 'ISSUED' AND payload->>'patientId' = $1)
     ORDER BY din, seq`,
    [patientId],
  );
  return rows;
};

/** A patient's reported reactions, oldest first. */
export const reactionsOfPatient = async (
  db: Queryable,
  patientId: string,
  page: { limit: number; offset: number },
): Promise<AdverseReaction[]> => {
  const { rows } = await db.query<AdverseReaction>(
    `SELECT id, din, patient_id AS "patientId", site_id AS "siteId", supplier_site_id AS "supplierSiteId",
       reaction_type AS "reactionType", severity, imputability, description,
       reported_at AS "reportedAt", reported_by AS "reportedBy"
     FROM adverse_reactions WHERE patient_id = $1 ORDER BY reported_at, id LIMIT $2 OFFSET $3`,
    [patientId, page.limit, page.offset],
  );
  return rows;
};
