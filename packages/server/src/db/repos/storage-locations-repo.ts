import type { Queryable } from '../sql-client.js';

export const storageKinds = [
  'fridge',
  'freezer',
  'platelet_agitator',
  'room',
  'transport_box',
] as const;
export type StorageKind = (typeof storageKinds)[number];

export interface StorageLocation {
  id: string;
  siteId: string;
  name: string;
  kind: StorageKind;
}

const columns = 'id, site_id AS "siteId", name, kind';

export const insertStorageLocation = async (
  db: Queryable,
  l: StorageLocation,
  at: Date,
): Promise<void> => {
  await db.query(
    'INSERT INTO storage_locations (id, site_id, name, kind, created_at) VALUES ($1, $2, $3, $4, $5)',
    [l.id, l.siteId, l.name, l.kind, at],
  );
};

/** Many locations in one statement (demo seeding); existing ids are left alone. */
export const insertStorageLocations = async (
  db: Queryable,
  locations: readonly StorageLocation[],
  at: Date,
): Promise<void> => {
  if (locations.length === 0) return;
  await db.query(
    `INSERT INTO storage_locations (id, site_id, name, kind, created_at)
     SELECT id, site_id, name, kind, $5 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
       AS l(id, site_id, name, kind)
     ON CONFLICT (id) DO NOTHING`,
    [
      locations.map((l) => l.id),
      locations.map((l) => l.siteId),
      locations.map((l) => l.name),
      locations.map((l) => l.kind),
      at,
    ],
  );
};

export const getStorageLocation = async (
  db: Queryable,
  id: string,
): Promise<StorageLocation | null> => {
  const { rows } = await db.query<StorageLocation>(
    `SELECT ${columns} FROM storage_locations WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
};

export interface StorageLocationFilter {
  siteId?: string | undefined;
  kind?: StorageKind | undefined;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export const listStorageLocations = async (
  db: Queryable,
  f: StorageLocationFilter,
): Promise<StorageLocation[]> => {
  const dir = f.order === 'desc' ? 'DESC' : 'ASC';
  const { rows } = await db.query<StorageLocation>(
    `SELECT ${columns} FROM storage_locations
     WHERE ($1::text IS NULL OR site_id = $1) AND ($2::text IS NULL OR kind = $2)
     ORDER BY site_id ${dir}, id ${dir} LIMIT $3 OFFSET $4`,
    [f.siteId ?? null, f.kind ?? null, f.limit, f.offset],
  );
  return rows;
};
