import type { Queryable } from '../sql-client.js';

export interface Notification {
  id: string;
  siteId: string;
  kind: string;
  subject: string;
  body: Record<string, unknown>;
  createdAt: Date;
  createdBy: string;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
}

export type NewNotification = Omit<Notification, 'acknowledgedAt' | 'acknowledgedBy'>;

export const insertNotifications = async (
  db: Queryable,
  ns: readonly NewNotification[],
): Promise<void> => {
  if (ns.length === 0) return;
  await db.query(
    `INSERT INTO notifications (id, site_id, kind, subject, body, created_at, created_by)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::timestamptz[], $7::text[])`,
    [
      ns.map((n) => n.id),
      ns.map((n) => n.siteId),
      ns.map((n) => n.kind),
      ns.map((n) => n.subject),
      ns.map((n) => JSON.stringify(n.body)),
      ns.map((n) => n.createdAt),
      ns.map((n) => n.createdBy),
    ],
  );
};

const columns = `id, site_id AS "siteId", kind, subject, body, created_at AS "createdAt", created_by AS "createdBy",
  acknowledged_at AS "acknowledgedAt", acknowledged_by AS "acknowledgedBy"`;

export const getNotification = async (db: Queryable, id: string): Promise<Notification | null> => {
  const { rows } = await db.query<Notification>(
    `SELECT ${columns} FROM notifications WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
};

export const acknowledgeNotification = async (
  db: Queryable,
  id: string,
  at: Date,
  actor: string,
): Promise<void> => {
  await db.query(
    `UPDATE notifications SET acknowledged_at = $2, acknowledged_by = $3 WHERE id = $1 AND acknowledged_at IS NULL`,
    [id, at, actor],
  );
};

export interface NotificationFilter {
  siteId: string | null;
  kind?: string | undefined;
  unacknowledged?: boolean | undefined;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export const listNotifications = async (
  db: Queryable,
  f: NotificationFilter,
): Promise<Notification[]> => {
  const dir = f.order === 'desc' ? 'DESC' : 'ASC';
  const { rows } = await db.query<Notification>(
    `SELECT ${columns} FROM notifications
     WHERE ($1::text IS NULL OR site_id = $1) AND ($2::text IS NULL OR kind = $2)
       AND (NOT $3::boolean OR acknowledged_at IS NULL)
     ORDER BY created_at ${dir}, id ${dir} LIMIT $4 OFFSET $5`,
    [f.siteId, f.kind ?? null, f.unacknowledged ?? false, f.limit, f.offset],
  );
  return rows;
};
