import type { Abo, ComponentClass, RhD } from '@hemonet/core';
import type { Queryable } from '../sql-client.js';
import { issuableAt } from './unit-queries-repo.js';

/** Issuable units of one site, component class and ABO/RhD group. */
export interface StockLevel {
  siteId: string;
  componentClass: ComponentClass;
  abo: Abo;
  rhd: RhD;
  available: number;
  /** Of `available`, those that expire before `expiringBefore`. */
  expiring: number;
}

/**
 * City-wide stock levels: units a patient could take at `at` (the eligibility of
 * `listIssuableUnits`), counted in SQL per site, component class and group (the
 * units_site_class_group_idx columns). Groups without such units have no row.
 */
export const countIssuableStock = async (
  db: Queryable,
  f: {
    componentClass?: ComponentClass | undefined;
    siteId?: string | undefined;
    at: Date;
    expiringBefore: Date;
  },
): Promise<StockLevel[]> => {
  const { rows } = await db.query<StockLevel>(
    `SELECT site_id AS "siteId", component_class AS "componentClass", abo, rhd,
       count(*)::int AS available, (count(*) FILTER (WHERE expires_at < $4))::int AS expiring
     FROM units
     WHERE ($1::text IS NULL OR component_class = $1) AND ($2::text IS NULL OR site_id = $2)
       AND ${issuableAt('$3')}
     GROUP BY site_id, component_class, abo, rhd
     ORDER BY site_id, component_class, abo, rhd`,
    [f.componentClass ?? null, f.siteId ?? null, f.at, f.expiringBefore],
  );
  return rows;
};

/** A free unit as redistribution sees it. */
export interface FreeUnit {
  din: string;
  siteId: string;
  abo: Abo;
  rhd: RhD;
  expiresAt: Date;
}

/** Issuable units of one component class at every site, first expiry first (FEFO). */
export const listIssuableStock = async (
  db: Queryable,
  f: { componentClass: ComponentClass; at: Date },
): Promise<FreeUnit[]> => {
  const { rows } = await db.query<FreeUnit>(
    `SELECT din, site_id AS "siteId", abo, rhd, expires_at AS "expiresAt" FROM units
     WHERE component_class = $1 AND ${issuableAt('$2')}
     ORDER BY expires_at, din`,
    [f.componentClass, f.at],
  );
  return rows;
};

export interface IssuedCount {
  siteId: string;
  abo: Abo;
  rhd: RhD;
  issued: number;
}

/**
 * Units of one component class issued by each site since `since`, per group, from the ledger's
 * ISSUED events (the site of the event is the issuing site). A unit issued, returned and issued
 * again counts once: it met one demand. The class is the unit's as the projection holds it now: a
 * unit returned to stock and then irradiated or thawed counts under its new class (rare enough).
 */
export const countIssuedUnits = async (
  db: Queryable,
  f: { componentClass: ComponentClass; since: Date },
): Promise<IssuedCount[]> => {
  const { rows } = await db.query<IssuedCount>(
    `SELECT e.site_id AS "siteId", u.abo, u.rhd, count(DISTINCT e.din)::int AS issued
     FROM unit_events e JOIN units u ON u.din = e.din
     WHERE e.type = 'ISSUED' AND e.at >= $2 AND u.component_class = $1
     GROUP BY e.site_id, u.abo, u.rhd`,
    [f.componentClass, f.since],
  );
  return rows;
};
