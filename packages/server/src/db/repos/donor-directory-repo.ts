import type { BloodGroup } from '@hemonet/core';
import type { Queryable } from '../sql-client.js';

/** Reads and registration of pseudonymous donors outside the ledger write path. */
export interface Donor {
  id: string;
  bloodGroup: BloodGroup;
  createdAt: Date;
}

interface DonorRow {
  id: string;
  abo: BloodGroup['abo'];
  rhd: BloodGroup['rhd'];
  created_at: Date;
}

const toDonor = (r: DonorRow): Donor => ({
  id: r.id,
  bloodGroup: { abo: r.abo, rhd: r.rhd },
  createdAt: r.created_at,
});

/** Returns false when the id is taken. */
export const insertDonor = async (db: Queryable, d: Donor): Promise<boolean> => {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO donors (id, abo, rhd, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [d.id, d.bloodGroup.abo, d.bloodGroup.rhd, d.createdAt],
  );
  return rows.length > 0;
};

export const getDonor = async (db: Queryable, id: string): Promise<Donor | null> => {
  const { rows } = await db.query<DonorRow>(
    'SELECT id, abo, rhd, created_at FROM donors WHERE id = $1',
    [id],
  );
  return rows[0] ? toDonor(rows[0]) : null;
};

export interface DonorFilter {
  abo?: BloodGroup['abo'] | undefined;
  rhd?: BloodGroup['rhd'] | undefined;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export const listDonors = async (db: Queryable, f: DonorFilter): Promise<Donor[]> => {
  const dir = f.order === 'desc' ? 'DESC' : 'ASC';
  const { rows } = await db.query<DonorRow>(
    `SELECT id, abo, rhd, created_at FROM donors
     WHERE ($1::text IS NULL OR abo = $1) AND ($2::text IS NULL OR rhd = $2)
     ORDER BY id ${dir} LIMIT $3 OFFSET $4`,
    [f.abo ?? null, f.rhd ?? null, f.limit, f.offset],
  );
  return rows.map(toDonor);
};

export interface Donation {
  id: string;
  donorId: string;
  siteId: string;
  collectedAt: Date;
}

export interface DonationFilter {
  donorId?: string | undefined;
  siteId?: string | undefined;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** Donations newest or oldest first; the id breaks ties. */
export const listDonations = async (db: Queryable, f: DonationFilter): Promise<Donation[]> => {
  const dir = f.order === 'desc' ? 'DESC' : 'ASC';
  const { rows } = await db.query<Donation>(
    `SELECT id, donor_id AS "donorId", site_id AS "siteId", collected_at AS "collectedAt" FROM donations
     WHERE ($1::text IS NULL OR donor_id = $1) AND ($2::text IS NULL OR site_id = $2)
     ORDER BY collected_at ${dir}, id ${dir} LIMIT $3 OFFSET $4`,
    [f.donorId ?? null, f.siteId ?? null, f.limit, f.offset],
  );
  return rows;
};

export const getDonation = async (db: Queryable, id: string): Promise<Donation | null> => {
  const { rows } = await db.query<Donation>(
    `SELECT id, donor_id AS "donorId", site_id AS "siteId", collected_at AS "collectedAt" FROM donations WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
};
