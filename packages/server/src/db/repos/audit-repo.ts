import type { Queryable } from '../sql-client.js';

/**
 * Audit trail of changes that are not unit events (users, sites, storage locations, patients,
 * shipments, notifications). Unit changes are audited by the ledger itself. Append-only.
 */
export interface AuditEntry {
  actor: string;
  siteId: string | null;
  action: string;
  entity: string;
  entityId: string;
  at: Date;
  details?: Record<string, unknown>;
}

export const recordAudit = async (db: Queryable, e: AuditEntry): Promise<void> => {
  await db.query(
    `INSERT INTO audit_log (actor, site_id, action, entity, entity_id, at, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [e.actor, e.siteId, e.action, e.entity, e.entityId, e.at, JSON.stringify(e.details ?? {})],
  );
};

export interface AuditRecord extends Required<AuditEntry> {
  id: number;
}

export interface AuditFilter {
  actor?: string | undefined;
  entity?: string | undefined;
  siteId?: string | undefined;
  limit: number;
  offset: number;
  order: 'asc' | 'desc';
}

interface AuditRow {
  id: string | number;
  actor: string;
  site_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  at: Date | string;
  details: Record<string, unknown> | string;
}

export const listAudit = async (db: Queryable, f: AuditFilter): Promise<AuditRecord[]> => {
  const direction = f.order === 'asc' ? 'ASC' : 'DESC';
  const { rows } = await db.query<AuditRow>(
    `SELECT id, actor, site_id, action, entity, entity_id, at, details FROM audit_log
     WHERE ($1::text IS NULL OR actor = $1) AND ($2::text IS NULL OR entity = $2)
       AND ($3::text IS NULL OR site_id = $3)
     ORDER BY id ${direction} LIMIT $4 OFFSET $5`,
    [f.actor ?? null, f.entity ?? null, f.siteId ?? null, f.limit, f.offset],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    actor: r.actor,
    siteId: r.site_id,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    at: new Date(r.at),
    details:
      typeof r.details === 'string'
        ? (JSON.parse(r.details) as Record<string, unknown>)
        : r.details,
  }));
};
