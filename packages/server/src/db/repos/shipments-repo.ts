import type { JourneyEvidence, JourneyHoldReason } from '@hemonet/core';
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
  /** The transport box logger travelling with the units, if any. */
  boxDeviceId: string | null;
  units: ShipmentUnit[];
}

export interface ShipmentUnit {
  din: string;
  receivedAt: Date | null;
  receivedBy: string | null;
  /** The box logger's verdict on this unit's journey, taken at its receipt. */
  journey: JourneyCheck | null;
}

/** What the box logger's readings said about one unit's journey (issue 4, item 6). */
export interface JourneyCheck {
  boxDeviceId: string;
  checkedAt: Date;
  decision: 'accept' | 'hold';
  reasons: JourneyHoldReason[];
  evidence: JourneyEvidence;
}

export interface NewShipment {
  id: string;
  fromSiteId: string;
  toSiteId: string;
  shippedAt: Date;
  shippedBy: string;
  boxDeviceId?: string | null;
  dins: readonly string[];
}

export const insertShipment = async (db: Queryable, s: NewShipment): Promise<void> => {
  await db.query(
    `INSERT INTO shipments (id, from_site_id, to_site_id, status, shipped_at, shipped_by, box_device_id)
     VALUES ($1, $2, $3, 'in_transit', $4, $5, $6)`,
    [s.id, s.fromSiteId, s.toSiteId, s.shippedAt, s.shippedBy, s.boxDeviceId ?? null],
  );
  await db.query(
    `INSERT INTO shipment_units (shipment_id, din) SELECT $1, din FROM unnest($2::text[]) AS d(din)`,
    [s.id, [...s.dins]],
  );
};

const shipmentColumns = `id, from_site_id AS "fromSiteId", to_site_id AS "toSiteId", status,
  shipped_at AS "shippedAt", shipped_by AS "shippedBy", received_at AS "receivedAt",
  box_device_id AS "boxDeviceId"`;

type ShipmentHeader = Omit<Shipment, 'units'>;

const withUnits = async (db: Queryable, headers: ShipmentHeader[]): Promise<Shipment[]> => {
  if (headers.length === 0) return [];
  const { rows } = await db.query<
    Omit<ShipmentUnit, 'journey'> & { shipmentId: string } & Partial<JourneyCheck>
  >(
    `SELECT u.shipment_id AS "shipmentId", u.din, u.received_at AS "receivedAt",
            u.received_by AS "receivedBy", ${journeyColumns}
     FROM shipment_units u LEFT JOIN shipment_journey_checks j USING (shipment_id, din)
     WHERE u.shipment_id = ANY($1::text[]) ORDER BY u.din`,
    [headers.map((h) => h.id)],
  );
  return headers.map((h) => ({
    ...h,
    units: rows
      .filter((r) => r.shipmentId === h.id)
      .map((r) => ({
        din: r.din,
        receivedAt: r.receivedAt,
        receivedBy: r.receivedBy,
        journey: journeyOf(r),
      })),
  }));
};

const journeyColumns = `j.box_device_id AS "boxDeviceId", j.checked_at AS "checkedAt",
  j.decision, j.reasons, j.evidence`;

const journeyOf = (r: Partial<JourneyCheck>): JourneyCheck | null =>
  r.boxDeviceId && r.checkedAt && r.decision && r.reasons && r.evidence
    ? {
        boxDeviceId: r.boxDeviceId,
        checkedAt: r.checkedAt,
        decision: r.decision,
        reasons: r.reasons,
        evidence: r.evidence,
      }
    : null;

/** Keeps each received unit's journey verdict, in the receipt's transaction. */
export const insertJourneyChecks = async (
  db: Queryable,
  shipmentId: string,
  checks: ReadonlyArray<JourneyCheck & { din: string }>,
): Promise<void> => {
  if (checks.length === 0) return;
  await db.query(
    `INSERT INTO shipment_journey_checks
       (shipment_id, din, box_device_id, checked_at, decision, reasons, evidence)
     SELECT $1, c->>'din', c->>'boxDeviceId', (c->>'checkedAt')::timestamptz, c->>'decision',
            c->'reasons', c->'evidence'
     FROM jsonb_array_elements($2::jsonb) AS c`,
    [shipmentId, JSON.stringify(checks)],
  );
};

/** Every journey verdict of one unit (it may travel several times), oldest first. */
export const unitJourneyChecks = async (
  db: Queryable,
  din: string,
): Promise<Array<JourneyCheck & { shipmentId: string }>> => {
  const { rows } = await db.query<JourneyCheck & { shipmentId: string }>(
    `SELECT j.shipment_id AS "shipmentId", ${journeyColumns}
     FROM shipment_journey_checks j WHERE j.din = $1 ORDER BY j.checked_at`,
    [din],
  );
  return rows;
};

/** The box logger of each of these shipments that travelled with one. */
export const shipmentBoxes = async (
  db: Queryable,
  shipmentIds: readonly string[],
): Promise<Map<string, string>> => {
  const { rows } = await db.query<{ id: string; boxDeviceId: string }>(
    `SELECT id, box_device_id AS "boxDeviceId" FROM shipments
     WHERE id = ANY($1::text[]) AND box_device_id IS NOT NULL`,
    [[...shipmentIds]],
  );
  return new Map(rows.map((r) => [r.id, r.boxDeviceId]));
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
