import type { TravelTime } from '../db/repos/site-directory-repo.js';
import type { Site } from '../db/repos/sites-repo.js';
import type { StorageLocation } from '../db/repos/storage-locations-repo.js';
import { seededRandom } from '../bench/random.js';

/**
 * The demo city: one regional blood center and 38 hospitals (the reference city of DESIGN.md),
 * placed around a city centre. Names and places are invented.
 */
export const CENTER = 'BC';
export const HOSPITALS = Array.from({ length: 38 }, (_, i) => `H${String(i + 1).padStart(2, '0')}`);

const CITY = { latitude: 31.2304, longitude: 121.4737 };
const KM_PER_DEGREE_LAT = 111.32;
const districts = [
  'Riverside',
  'Old Town',
  'Harbour',
  'North Park',
  'East Gate',
  'Lakeside',
  'Hill',
  'West Bridge',
];

export interface DemoSite extends Site {
  latitude: number;
  longitude: number;
  timeZone: string;
}

/** The demo city is placed in Shanghai (CITY below), so its labels print China Standard Time. */
const CITY_TIME_ZONE = 'Asia/Shanghai';

/** Hospitals on rings 2–25 km from the centre; the blood center near the middle. */
export const demoSites = (): DemoSite[] => {
  const random = seededRandom(2026);
  const hospitals = HOSPITALS.map((id, i): DemoSite => {
    const angle = random() * 2 * Math.PI;
    const km = 2 + 23 * Math.sqrt(random());
    const district = districts[i % districts.length] ?? 'Central';
    return {
      id,
      name: `${district} Hospital ${i + 1}`,
      kind: 'hospital',
      region: 'demo-city',
      timeZone: CITY_TIME_ZONE,
      latitude: round(CITY.latitude + (km * Math.sin(angle)) / KM_PER_DEGREE_LAT),
      longitude: round(
        CITY.longitude +
          (km * Math.cos(angle)) / (KM_PER_DEGREE_LAT * Math.cos(rad(CITY.latitude))),
      ),
    };
  });
  const center: DemoSite = {
    id: CENTER,
    name: 'Regional Blood Center',
    kind: 'center',
    region: 'demo-city',
    timeZone: CITY_TIME_ZONE,
    latitude: 31.2155,
    longitude: 121.4601,
  };
  return [center, ...hospitals];
};

const round = (x: number): number => Math.round(x * 1e5) / 1e5;
const rad = (deg: number): number => (deg * Math.PI) / 180;

/** Great-circle distance (haversine) in km. */
export const distanceKm = (a: DemoSite, b: DemoSite): number => {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
};

/** Courier minutes: road distance ≈ 1.4 × straight line at 30 km/h in city traffic, plus handover. */
export const demoTravelTimes = (sites: readonly DemoSite[]): TravelTime[] =>
  sites.flatMap((from) =>
    sites
      .filter((to) => to.id !== from.id)
      .map((to) => ({
        fromSiteId: from.id,
        toSiteId: to.id,
        minutes: Math.ceil((distanceKm(from, to) * 1.4 * 60) / 30) + 8,
      })),
  );

/** Storage per site: the center holds the city's stock, each hospital a blood bank. */
export const demoLocations = (sites: readonly DemoSite[]): StorageLocation[] =>
  sites.flatMap((s) => {
    const at = (suffix: string, name: string, kind: StorageLocation['kind']): StorageLocation => ({
      id: `${s.id}-${suffix}`,
      siteId: s.id,
      name,
      kind,
    });
    const common = [
      at('FRIDGE-1', 'Red cell fridge 1', 'fridge'),
      at('FREEZER-1', 'Plasma freezer', 'freezer'),
      at('AGITATOR-1', 'Platelet agitator', 'platelet_agitator'),
      at('BOX-1', 'Transport box', 'transport_box'),
    ];
    return s.kind === 'center'
      ? [
          ...common,
          at('FRIDGE-2', 'Red cell fridge 2', 'fridge'),
          at('QUARANTINE', 'Quarantine room', 'room'),
        ]
      : common;
  });

/** Where a component class is kept (storage rules: fridge 2–6 °C, freezer, agitator 20–24 °C). */
export const locationFor = (siteId: string, componentClass: string): string =>
  componentClass.startsWith('PLASMA') || componentClass.startsWith('CRYO')
    ? `${siteId}-FREEZER-1`
    : componentClass.startsWith('PLATELETS')
      ? `${siteId}-AGITATOR-1`
      : `${siteId}-FRIDGE-1`;
