import type { Queryable } from '../sql-client.js';

export const severities = ['non-severe', 'severe', 'life-threatening', 'death'] as const;
export type Severity = (typeof severities)[number];

export interface AdverseReaction {
  id: string;
  din: string;
  patientId: string;
  siteId: string;
  supplierSiteId: string;
  reactionType: string;
  severity: Severity;
  imputability: number;
  description: string;
  reportedAt: Date;
  reportedBy: string;
}

export const insertReaction = async (db: Queryable, r: AdverseReaction): Promise<void> => {
  await db.query(
    `INSERT INTO adverse_reactions (id, din, patient_id, site_id, supplier_site_id, reaction_type, severity,
       imputability, description, reported_at, reported_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      r.id,
      r.din,
      r.patientId,
      r.siteId,
      r.supplierSiteId,
      r.reactionType,
      r.severity,
      r.imputability,
      r.description,
      r.reportedAt,
      r.reportedBy,
    ],
  );
};

const reactionColumns = `id, din, patient_id AS "patientId", site_id AS "siteId", supplier_site_id AS "supplierSiteId",
  reaction_type AS "reactionType", severity, imputability, description, reported_at AS "reportedAt", reported_by AS "reportedBy"`;

export interface SiteScopedFilter {
  /** Only rows of this site (reporting or, for reactions, supplying); null for all (auditors). */
  siteId: string | null;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export const listReactions = async (
  db: Queryable,
  f: SiteScopedFilter,
): Promise<AdverseReaction[]> => {
  const dir = f.order === 'desc' ? 'DESC' : 'ASC';
  const { rows } = await db.query<AdverseReaction>(
    `SELECT ${reactionColumns} FROM adverse_reactions
     WHERE $1::text IS NULL OR site_id = $1 OR supplier_site_id = $1
     ORDER BY reported_at ${dir}, id ${dir} LIMIT $2 OFFSET $3`,
    [f.siteId, f.limit, f.offset],
  );
  return rows;
};

export interface NearMiss {
  id: string;
  siteId: string;
  kind: string;
  din: string;
  patientId: string;
  expectedPatientId: string | null;
  detail: string;
  at: Date;
  actor: string;
}

export const insertNearMiss = async (db: Queryable, n: NearMiss): Promise<void> => {
  await db.query(
    `INSERT INTO near_misses (id, site_id, kind, din, patient_id, expected_patient_id, detail, at, actor)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [n.id, n.siteId, n.kind, n.din, n.patientId, n.expectedPatientId, n.detail, n.at, n.actor],
  );
};

export const listNearMisses = async (db: Queryable, f: SiteScopedFilter): Promise<NearMiss[]> => {
  const dir = f.order === 'desc' ? 'DESC' : 'ASC';
  const { rows } = await db.query<NearMiss>(
    `SELECT id, site_id AS "siteId", kind, din, patient_id AS "patientId", expected_patient_id AS "expectedPatientId",
       detail, at, actor FROM near_misses
     WHERE $1::text IS NULL OR site_id = $1
     ORDER BY at ${dir}, id ${dir} LIMIT $2 OFFSET $3`,
    [f.siteId, f.limit, f.offset],
  );
  return rows;
};
