import type { Queryable } from '../sql-client.js';

export type SiteKind = 'center' | 'hospital';

export interface Site {
  id: string;
  name: string;
  kind: SiteKind;
  region: string;
}

/** Creates a site or updates its name, kind and region (idempotent provisioning and seeding). */
export async function upsertSite(db: Queryable, site: Site): Promise<void> {
  await db.query(
    `INSERT INTO sites (id, name, kind, region) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, region = EXCLUDED.region`,
    [site.id, site.name, site.kind, site.region],
  );
}

export async function findSiteById(db: Queryable, id: string): Promise<Site | null> {
  const { rows } = await db.query<Site>('SELECT id, name, kind, region FROM sites WHERE id = $1', [
    id,
  ]);
  return rows[0] ?? null;
}

export async function listSites(db: Queryable): Promise<Site[]> {
  const { rows } = await db.query<Site>('SELECT id, name, kind, region FROM sites ORDER BY id');
  return rows;
}

/** The IANA time zone of a site (local times printed for its people), null for an unknown site. */
export async function findSiteTimeZone(db: Queryable, id: string): Promise<string | null> {
  const { rows } = await db.query<{ time_zone: string }>(
    'SELECT time_zone FROM sites WHERE id = $1',
    [id],
  );
  return rows[0]?.time_zone ?? null;
}
