import type { Abo, ComponentClass, RhD, UnitStatus } from '@hemonet/core';
import type { JsonObject } from '../../ledger/chain.js';
import type { Queryable } from '../sql-client.js';

/** The stored projection of a unit: indexed columns plus the full core state as JSON. */
export interface UnitProjection {
  din: string;
  status: UnitStatus;
  componentClass: ComponentClass;
  productCode: string;
  abo: Abo;
  rhd: RhD;
  siteId: string;
  locationId: string | null;
  expiresAt: Date;
  donorId: string;
  donationId: string;
  parentDin: string | null;
  patientId: string | null;
  /** The full core UnitState: JSON when read back (see parseUnitState), any JSON-able on write. */
  state: object;
  version: number;
  updatedAt: Date;
}

interface UnitRow {
  din: string;
  status: UnitStatus;
  component_class: ComponentClass;
  product_code: string;
  abo: Abo;
  rhd: RhD;
  site_id: string;
  location_id: string | null;
  expires_at: Date;
  donor_id: string;
  donation_id: string;
  parent_din: string | null;
  patient_id: string | null;
  state: JsonObject;
  version: number;
  updated_at: Date;
}

const UNIT_COLUMNS = `din, status, component_class, product_code, abo, rhd, site_id, location_id,
  expires_at, donor_id, donation_id, parent_din, patient_id, state, version, updated_at`;

const toProjection = (r: UnitRow): UnitProjection => ({
  din: r.din,
  status: r.status,
  componentClass: r.component_class,
  productCode: r.product_code,
  abo: r.abo,
  rhd: r.rhd,
  siteId: r.site_id,
  locationId: r.location_id,
  expiresAt: r.expires_at,
  donorId: r.donor_id,
  donationId: r.donation_id,
  parentDin: r.parent_din,
  patientId: r.patient_id,
  state: r.state,
  version: r.version,
  updatedAt: r.updated_at,
});

/**
 * Loads and row-locks the given units until the transaction ends, in din order so that two
 * writers touching the same units always lock them in the same order (no deadlock).
 */
export async function lockUnits(
  tx: Queryable,
  dins: readonly string[],
): Promise<Map<string, UnitProjection>> {
  if (dins.length === 0) return new Map();
  const { rows } = await tx.query<UnitRow>(
    `SELECT ${UNIT_COLUMNS} FROM units WHERE din = ANY($1::text[]) ORDER BY din FOR UPDATE`,
    [[...dins]],
  );
  return new Map(rows.map((r) => [r.din, toProjection(r)]));
}

export async function getUnit(db: Queryable, din: string): Promise<UnitProjection | null> {
  const { rows } = await db.query<UnitRow>(`SELECT ${UNIT_COLUMNS} FROM units WHERE din = $1`, [
    din,
  ]);
  const row = rows[0];
  return row ? toProjection(row) : null;
}

/** Units split from `parentDin` (index units_parent_idx), in din order. */
export async function getChildUnits(db: Queryable, parentDin: string): Promise<UnitProjection[]> {
  const { rows } = await db.query<UnitRow>(
    `SELECT ${UNIT_COLUMNS} FROM units WHERE parent_din = $1 ORDER BY din`,
    [parentDin],
  );
  return rows.map(toProjection);
}

/**
 * Inserts or replaces projections, one statement for the whole batch (each din at most once).
 * A parent and its new children may share the batch: foreign keys are checked at statement end.
 */
export async function upsertUnits(tx: Queryable, units: readonly UnitProjection[]): Promise<void> {
  if (units.length === 0) return;
  const col = <K extends keyof UnitProjection>(k: K) => units.map((u) => u[k]);
  await tx.query(
    `INSERT INTO units (${UNIT_COLUMNS})
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
       $7::text[], $8::text[], $9::timestamptz[], $10::text[], $11::text[], $12::text[],
       $13::text[], $14::jsonb[], $15::int[], $16::timestamptz[])
     ON CONFLICT (din) DO UPDATE SET
       status = EXCLUDED.status, component_class = EXCLUDED.component_class,
       product_code = EXCLUDED.product_code, abo = EXCLUDED.abo, rhd = EXCLUDED.rhd,
       site_id = EXCLUDED.site_id, location_id = EXCLUDED.location_id,
       expires_at = EXCLUDED.expires_at, patient_id = EXCLUDED.patient_id,
       state = EXCLUDED.state, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at`,
    [
      col('din'),
      col('status'),
      col('componentClass'),
      col('productCode'),
      col('abo'),
      col('rhd'),
      col('siteId'),
      col('locationId'),
      col('expiresAt'),
      col('donorId'),
      col('donationId'),
      col('parentDin'),
      col('patientId'),
      units.map((u) => JSON.stringify(u.state)),
      col('version'),
      col('updatedAt'),
    ],
  );
}
