import {
  getComponentRules,
  locationStays,
  thermalHistory,
  type Reading,
  type Stay,
  type ThermalHistory,
} from '@hemonet/core';
import type { CommandDeps } from '../commands/deps.js';
import { locationTemperatures, unitLocationEvents } from '../db/repos/thermal-repo.js';
import type { UnitProjection } from '../db/repos/units-repo.js';

/** A reading stands for the temperature until the next one, for at most this long. */
const MAX_HOLD_MS = 15 * 60_000;

/**
 * A unit's own thermal history (issue 4, item 5): its location timeline from the ledger's scan
 * events joined with the readings of the devices watching each storage location, judged against
 * its component's storage range. Time in a shipment counts as unmonitored until shipments carry
 * their box logger's id.
 */
export async function unitThermalHistory(
  deps: CommandDeps,
  unit: UnitProjection,
): Promise<ThermalHistory> {
  const now = deps.clock().getTime();
  const stays = locationStays(await unitLocationEvents(deps.db, unit.din));
  const readings = await readingsByPlace(deps, stays, now);
  const { storage } = getComponentRules(
    unit.componentClass,
    deps.lifecycle.jurisdiction ?? 'CN',
    deps.lifecycle.ruleOverrides,
  );
  return thermalHistory(
    stays,
    (place) => readings.get(place) ?? [],
    { min: storage.minC, max: storage.maxC },
    now,
    MAX_HOLD_MS,
  );
}

async function readingsByPlace(
  deps: CommandDeps,
  stays: readonly Stay[],
  now: number,
): Promise<Map<string, Reading[]>> {
  const spans = new Map<string, { from: number; to: number }>();
  for (const s of stays) {
    if (s.place === null || s.place.startsWith('shipment:')) continue;
    const span = spans.get(s.place) ?? { from: s.from, to: s.to ?? now };
    spans.set(s.place, { from: Math.min(span.from, s.from), to: Math.max(span.to, s.to ?? now) });
  }
  const out = new Map<string, Reading[]>();
  for (const [place, { from, to }] of spans)
    out.set(place, await locationTemperatures(deps.db, place, from - MAX_HOLD_MS, to));
  return out;
}
