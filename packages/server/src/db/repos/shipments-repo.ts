import type { Queryable } from '../sql-client.js';

export type ShipmentStatus = 'in_transit' | 'partially_received' | 'received';

export interface Shipment {
  id: string;
  fromSiteId: string;
  toSiteId: string;
  status: ShipmentStatus;
  shippedAt: Date;
  shippedBy: string;
  receivedAt: Date | null;
  units: { din: string; receivedAt: Date | null; receivedBy: string | null }[];
}

export interface NewShipment {
  id: string;
  fromSiteId: string;
  toSiteId: string;
  shippedAt: Date;
  shippedBy: string;
  dins: readonly string[];
}

export const insertShipment = async (db: Queryable, s: NewShipment): Promise<void> => {
  await db.query(
    `INSERT INTO shipments (id, from_site_id, to_site_id, status, shipped_at, shipped_by)
     VALUES ($1, $2, $3, 'in_transit', $4, $5)`,
    [s.id, s.fromSiteId, s.toSiteId, s.shippedAt, s.shippedBy],
  );
  await db.query(
    `INSERT INTO shipment_units (shipment_id, din) SELECT $1, din FROM unnest($2::text[]) AS d(din)`,
    [s.id, [...s.dins]],
  );
};

const shipmentColumns = `id, from_site_id AS "fromSiteId", to_site_id AS "toSiteId", status,
  shipped_at AS "shippedAt", shipped_by AS "shippedBy", received_at AS "receivedAt"`;

type ShipmentHeader = Omit<Shipment, 'units'>;

const withUnits = async (db: Queryable, headers: ShipmentHeader[]): Promise<Shipment[]> => {
  if (headers.length === 0) return [];
  const { rows } = await db.query<{
    shipmentId: string;
    din: string;
    receivedAt: Date | null;
    receivedBy: string | null;
  }>(
    `SELECT shipment_id AS "shipmentId", din, received_at AS "receivedAt", received_by AS "receivedBy"
     FROM shipment_units WHERE shipment_id = ANY($1::text[]) ORDER BY din`,
    [headers.map((h) => h.id)],
  );
  return headers.map((h) => ({
    ...h,
    units: rows
      .filter((r) => r.shipmentId === h.id)
      .map(({ din, receivedAt, receivedBy }) => ({ din, receivedAt, receivedBy })),
  }));
};

export const getShipment = async (db: Queryable, id: string): Promise<Shipment | null> => {
  const { rows } = await db.query<ShipmentHeader>(
    `SELECT ${shipmentColumns} FROM shipments WHERE id = $1`,
    [id],
  );
  return (await withUnits(db, rows))[0] ?? null;
};

/** Marks units received and updates the shipment's status from what is still outstanding. */
export const markReceived = async (
  db: Queryable,
  shipmentId: string,
  dins: readonly string[],
  at: Date,
  actor: string,
): Promise<void> => {
  await db.query(
    `UPDATE shipment_units SET received_at = $3, received_by = $4
     WHERE shipment_id = $1 AND din = ANY($2::text[]) AND received_at IS NULL`,
    [shipmentId, [...dins], at, actor],
  );
  await db.query(
    `UPDATE shipments SET
       status = CASE WHEN EXISTS (SELECT 1 FROM shipment_units WHERE shipment_id = $1 AND received_at IS NULL)
                THEN 'partially_received' ELSE 'received' END,
       received_at = CASE WHEN EXISTS (SELECT 1 FROM shipment_units WHERE shipment_id = $1 AND received_at IS NULL)
                THEN NULL ELSE $2::timestamptz END
     WHERE id = $1`,
    [shipmentId, at],
  );
};

export interface ShipmentFilter {
  /** Shipments from or to this site; null for every shipment (auditors). */
  involvingSiteId: string | null;
  status?: ShipmentStatus | undefined;
  direction?: 'outgoing' | 'incoming' | undefined;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export const listShipments = async (db: Queryable, f: ShipmentFilter): Promise<Shipment[]> => {
  const dir = f.order === 'desc' ? 'DESC' : 'ASC';
  const { rows } = await db.query<ShipmentHeader>(
    `SELECT ${shipmentColumns} FROM shipments
     WHERE ($1::text IS NULL OR
            ($2::text IS DISTINCT FROM 'incoming' AND from_site_id = $1) OR
            ($2::text IS DISTINCT FROM 'outgoing' AND to_site_id = $1))
       AND ($3::text IS NULL OR status = $3)
     ORDER BY shipped_at ${dir}, id ${dir} LIMIT $4 OFFSET $5`,
    [f.involvingSiteId, f.direction ?? null, f.status ?? null, f.limit, f.offset],
  );
  return withUnits(db, rows);
};
