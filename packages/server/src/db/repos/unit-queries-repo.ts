import type { Abo, ComponentClass, RhD, UnitStatus } from '@hemonet/core';
import type { Queryable, SqlParam } from '../sql-client.js';

/** Statuses in which a unit belongs to one patient: only that patient's site may see it. */
export const patientLinkedStatuses: readonly UnitStatus[] = [
  'reserved',
  'issued',
  'in_transfusion',
  'transfused',
];

/** A unit as lists show it: the indexed projection columns, without the full state. */
export interface UnitRow {
  din: string;
  status: UnitStatus;
  componentClass: ComponentClass;
  productCode: string;
  abo: Abo;
  rhd: RhD;
  siteId: string;
  locationId: string | null;
  expiresAt: Date;
  donationId: string;
  parentDin: string | null;
  patientId: string | null;
  updatedAt: Date;
}

const unitSort = { expiresAt: 'expires_at', din: 'din', updatedAt: 'updated_at' } as const;
export type UnitSort = keyof typeof unitSort;

export interface UnitFilter {
  siteId?: string | undefined;
  statuses?: readonly UnitStatus[] | undefined;
  componentClass?: ComponentClass | undefined;
  abo?: Abo | undefined;
  rhd?: RhD | undefined;
  locationId?: string | undefined;
  expiresAfter?: Date | undefined;
  expiresBefore?: Date | undefined;
  /** Hide other sites' patient-linked units; null shows everything (auditors). */
  patientSiteScope: string | null;
  sort: UnitSort;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const columns = `din, status, component_class AS "componentClass", product_code AS "productCode", abo, rhd,
  site_id AS "siteId", location_id AS "locationId", expires_at AS "expiresAt", donation_id AS "donationId",
  parent_din AS "parentDin", patient_id AS "patientId", updated_at AS "updatedAt"`;

/** Builds the WHERE clause from the filters that are set (each one a bound parameter). */
const whereClause = (f: UnitFilter, params: SqlParam[]): string => {
  const conditions: string[] = [];
  const add = (sql: (p: string) => string, value: SqlParam) => {
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  if (f.siteId) add((p) => `site_id = ${p}`, f.siteId);
  if (f.statuses?.length) add((p) => `status = ANY(${p}::text[])`, [...f.statuses]);
  if (f.componentClass) add((p) => `component_class = ${p}`, f.componentClass);
  if (f.abo) add((p) => `abo = ${p}`, f.abo);
  if (f.rhd) add((p) => `rhd = ${p}`, f.rhd);
  if (f.locationId) add((p) => `location_id = ${p}`, f.locationId);
  if (f.expiresAfter) add((p) => `expires_at >= ${p}`, f.expiresAfter);
  if (f.expiresBefore) add((p) => `expires_at < ${p}`, f.expiresBefore);
  if (f.patientSiteScope !== null) {
    params.push([...patientLinkedStatuses]);
    const statuses = `$${params.length}::text[]`;
    add(
      (p) => `(patient_id IS NULL OR status <> ALL(${statuses}) OR site_id = ${p})`,
      f.patientSiteScope,
    );
  }
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
};

/** Units matching the filter, in a stable order (the DIN breaks ties). */
export const listUnits = async (db: Queryable, f: UnitFilter): Promise<UnitRow[]> => {
  const params: SqlParam[] = [];
  const where = whereClause(f, params);
  const dir = f.order === 'desc' ? 'DESC' : 'ASC';
  params.push(f.limit, f.offset);
  const { rows } = await db.query<UnitRow>(
    `SELECT ${columns} FROM units ${where}
     ORDER BY ${unitSort[f.sort]} ${dir}, din ${dir} LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return rows;
};

/** Reserved units whose reservation ran out before `now` (the reservation sweep). */
export const findLapsedReservations = async (
  db: Queryable,
  now: Date,
  limit: number,
): Promise<UnitRow[]> => {
  const { rows } = await db.query<UnitRow>(
    `SELECT ${columns} FROM units
     WHERE status = 'reserved' AND (state->'reservation'->>'until')::timestamptz < $1
     ORDER BY din LIMIT $2`,
    [now, limit],
  );
  return rows;
};

/**
 * SQL condition: a unit the lifecycle would let a patient take at `at` (RESERVED or ISSUED):
 * released stock (`available`), or `reserved` whose reservation has lapsed (core's
 * `activeReservation` treats it as free; the sweep has not yet released it), still in date (core's
 * `isExpiredAt`: expired from the expiry instant on). Held, quarantined and in-transit units are not
 * in these statuses. `at` is the placeholder of the bound time, e.g. `$3`.
 */
export const issuableAt = (at: string): string =>
  `expires_at > ${at} AND (status = 'available'
    OR (status = 'reserved' AND (state->'reservation'->>'until')::timestamptz <= ${at}))`;

/**
 * Units at a site that the lifecycle would let a patient take now (see `issuableAt`), of one
 * component class. Compatibility is left to the caller, who knows the patient. FEFO order.
 */
export const listIssuableUnits = async (
  db: Queryable,
  f: { siteId: string; componentClass: ComponentClass; at: Date },
): Promise<UnitRow[]> => {
  const { rows } = await db.query<UnitRow>(
    `SELECT ${columns} FROM units
     WHERE site_id = $1 AND component_class = $2 AND ${issuableAt('$3')}
     ORDER BY expires_at, din`,
    [f.siteId, f.componentClass, f.at],
  );
  return rows;
};
