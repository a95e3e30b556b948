import {
  getComponentRules,
  locationStays,
  shipmentPlace,
  thermalHistory,
  type Reading,
  type Stay,
  type ThermalHistory,
} from '@hemonet/core';
import type { CommandDeps } from '../commands/deps.js';
import { readingsBetween } from '../db/repos/readings-repo.js';
import { shipmentBoxes } from '../db/repos/shipments-repo.js';
import { locationTemperatures, unitLocationEvents } from '../db/repos/thermal-repo.js';
import type { UnitProjection } from '../db/repos/units-repo.js';

/** A reading stands for the temperature until the next one, for at most this long. */
export const MAX_HOLD_MS = 15 * 60_000;

const SHIPMENT_PREFIX = shipmentPlace('');

/**
 * A unit's own thermal history (issue 4, item 5): its location timeline from the ledger's scan
 * events joined with the readings of the devices watching each storage location, judged against
 * its component's storage range, and of the box logger of each shipment it travelled in, judged
 * against its transport range. A shipment without a box logger counts as unmonitored.
 */
export async function unitThermalHistory(
  deps: CommandDeps,
  unit: UnitProjection,
): Promise<ThermalHistory> {
  const now = deps.clock().getTime();
  const stays = locationStays(await unitLocationEvents(deps.db, unit.din));
  const readings = await readingsByPlace(deps, stays, now);
  const { storage, transport } = getComponentRules(
    unit.componentClass,
    deps.lifecycle.jurisdiction ?? 'CN',
    deps.lifecycle.ruleOverrides,
  );
  return thermalHistory(
    stays,
    (place) => readings.get(place) ?? [],
    (place) =>
      place.startsWith(SHIPMENT_PREFIX)
        ? { min: transport.minC, max: transport.maxC }
        : { min: storage.minC, max: storage.maxC },
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
    if (s.place === null) continue;
    const span = spans.get(s.place) ?? { from: s.from, to: s.to ?? now };
    spans.set(s.place, { from: Math.min(span.from, s.from), to: Math.max(span.to, s.to ?? now) });
  }
  const shipmentIds = [...spans.keys()]
    .filter((p) => p.startsWith(SHIPMENT_PREFIX))
    .map((p) => p.slice(SHIPMENT_PREFIX.length));
  const boxes = await shipmentBoxes(deps.db, shipmentIds);
  const out = new Map<string, Reading[]>();
  for (const [place, { from, to }] of spans) {
    if (!place.startsWith(SHIPMENT_PREFIX)) {
      out.set(place, await locationTemperatures(deps.db, place, from - MAX_HOLD_MS, to));
      continue;
    }
    const box = boxes.get(place.slice(SHIPMENT_PREFIX.length));
    if (box) out.set(place, await readingsBetween(deps.db, [box], 'temperature', from, to));
  }
  return out;
}
