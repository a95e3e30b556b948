import { RandomStream } from '../engine/rng.js';
import type { SiteInfo } from '../engine/world.js';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Scenario } from './schema.js';

const KM_PER_DEGREE = 111.32;

const demandVector = (d: Scenario['hospitals'][number]['demandPerDay']): number[] => [
  d.redCells,
  d.platelets,
  d.plasma,
  d.cryo,
];

/**
 * Sites of a scenario: index 0 is the blood centre, then the listed hospitals, then any synthetic
 * hospitals, placed uniformly over a disc around the centre with a fixed generator (same file →
 * same sites) and sized by archetype shares.
 */
export const scenarioSites = (s: Scenario): SiteInfo[] => {
  const sites: SiteInfo[] = [{ index: 0, ...s.center, demandPerDay: [0, 0, 0, 0] }];
  for (const h of s.hospitals) {
    sites.push({
      index: sites.length,
      code: h.code,
      name: h.name,
      lat: h.lat,
      lon: h.lon,
      demandPerDay: demandVector(h.demandPerDay),
    });
  }
  const syn = s.syntheticHospitals;
  if (!syn) return sites;
  const rng = new RandomStream(xoroshiro128plus(syn.count));
  const cumulative: number[] = [];
  let acc = 0;
  for (const a of syn.archetypes) cumulative.push((acc += a.share));
  for (let i = 0; i < syn.count; i++) {
    const r = syn.radiusKm * Math.sqrt(rng.uniform());
    const theta = 2 * Math.PI * rng.uniform();
    const archetype = syn.archetypes[rng.pick(cumulative)];
    if (!archetype) continue;
    const lat = s.center.lat + (r * Math.sin(theta)) / KM_PER_DEGREE;
    const lon =
      s.center.lon +
      (r * Math.cos(theta)) / (KM_PER_DEGREE * Math.cos((s.center.lat * Math.PI) / 180));
    const code = `H${String(i + 1).padStart(4, '0')}`;
    sites.push({
      index: sites.length,
      code,
      name: `Hospital ${code}`,
      lat,
      lon,
      demandPerDay: demandVector(archetype.demandPerDay),
    });
  }
  return sites;
};
