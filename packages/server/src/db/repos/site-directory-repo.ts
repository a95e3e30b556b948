import type { Queryable } from '../sql-client.js';
import type { SiteKind } from './sites-repo.js';

/** A site with its coordinates (WGS 84), as the API shows it. */
export interface SiteDetails {
  id: string;
  name: string;
  kind: SiteKind;
  region: string;
  latitude: number | null;
  longitude: number | null;
  timeZone: string;
}

const detailColumns = 'id, name, kind, region, latitude, longitude, time_zone AS "timeZone"';

const siteSort = { id: 'id', name: 'name', kind: 'kind' } as const;
export type SiteSort = keyof typeof siteSort;

export interface SiteFilter {
  kind?: SiteKind | undefined;
  region?: string | undefined;
  sort: SiteSort;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export const listSiteDetails = async (db: Queryable, f: SiteFilter): Promise<SiteDetails[]> => {
  const dir = f.order === 'desc' ? 'DESC' : 'ASC';
  const { rows } = await db.query<SiteDetails>(
    `SELECT ${detailColumns} FROM sites
     WHERE ($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR region = $2)
     ORDER BY ${siteSort[f.sort]} ${dir}, id ${dir} LIMIT $3 OFFSET $4`,
    [f.kind ?? null, f.region ?? null, f.limit, f.offset],
  );
  return rows;
};

export const getSiteDetails = async (db: Queryable, id: string): Promise<SiteDetails | null> => {
  const { rows } = await db.query<SiteDetails>(`SELECT ${detailColumns} FROM sites WHERE id = $1`, [
    id,
  ]);
  return rows[0] ?? null;
};

export const setSiteCoordinates = async (
  db: Queryable,
  id: string,
  coordinates: { latitude: number; longitude: number },
): Promise<void> => {
  await db.query('UPDATE sites SET latitude = $2, longitude = $3 WHERE id = $1', [
    id,
    coordinates.latitude,
    coordinates.longitude,
  ]);
};

export const setSiteTimeZone = async (
  db: Queryable,
  id: string,
  timeZone: string,
): Promise<void> => {
  await db.query('UPDATE sites SET time_zone = $2 WHERE id = $1', [id, timeZone]);
};

export interface TravelTime {
  fromSiteId: string;
  toSiteId: string;
  minutes: number;
}

/** Inserts or replaces travel times, one statement for the whole batch. */
export const upsertTravelTimes = async (
  db: Queryable,
  times: readonly TravelTime[],
): Promise<void> => {
  if (times.length === 0) return;
  await db.query(
    `INSERT INTO travel_times (from_site_id, to_site_id, minutes)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[])
     ON CONFLICT (from_site_id, to_site_id) DO UPDATE SET minutes = EXCLUDED.minutes`,
    [times.map((t) => t.fromSiteId), times.map((t) => t.toSiteId), times.map((t) => t.minutes)],
  );
};

export interface TravelTimeFilter {
  fromSiteId?: string | undefined;
  toSiteId?: string | undefined;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** Travel times ordered by origin, then minutes, then destination (a stable order). */
export const listTravelTimes = async (
  db: Queryable,
  f: TravelTimeFilter,
): Promise<TravelTime[]> => {
  const dir = f.order === 'desc' ? 'DESC' : 'ASC';
  const { rows } = await db.query<TravelTime>(
    `SELECT from_site_id AS "fromSiteId", to_site_id AS "toSiteId", minutes FROM travel_times
     WHERE ($1::text IS NULL OR from_site_id = $1) AND ($2::text IS NULL OR to_site_id = $2)
     ORDER BY from_site_id ${dir}, minutes ${dir}, to_site_id ${dir} LIMIT $3 OFFSET $4`,
    [f.fromSiteId ?? null, f.toSiteId ?? null, f.limit, f.offset],
  );
  return rows;
};

/** Every travel time of at most `maxMinutes`, each origin's nearest destinations first. */
export const listTravelTimesWithin = async (
  db: Queryable,
  maxMinutes: number,
): Promise<TravelTime[]> => {
  const { rows } = await db.query<TravelTime>(
    `SELECT from_site_id AS "fromSiteId", to_site_id AS "toSiteId", minutes FROM travel_times
     WHERE minutes <= $1 ORDER BY from_site_id, minutes, to_site_id`,
    [maxMinutes],
  );
  return rows;
};
