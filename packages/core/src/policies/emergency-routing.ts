export interface StockSource {
  readonly siteId: number;
  /** Door-to-door minutes for an emergency run from this source to the patient's hospital. */
  readonly travelMinutes: number;
  /** Compatible units this source can release now. */
  readonly available: number;
}

export interface EmergencyRoute {
  readonly legs: {
    readonly siteId: number;
    readonly quantity: number;
    readonly travelMinutes: number;
  }[];
  /** Minutes until all routed units are at the patient's hospital (the slowest leg). */
  readonly etaMinutes: number;
  readonly shortfall: number;
}

/**
 * Emergency routing: take compatible stock from the nearest sources by travel time (blood centre
 * or peer hospital) until the request is covered. Qingdao's network reports blood obtainable in
 * 2-5 minutes once stock is visible city-wide (calibration.md §1b).
 */
export const routeEmergency = (
  sources: readonly StockSource[],
  quantity: number,
): EmergencyRoute => {
  const sorted = sources
    .filter((s) => s.available > 0)
    .sort((a, b) => a.travelMinutes - b.travelMinutes || a.siteId - b.siteId);
  const legs: EmergencyRoute['legs'] = [];
  let left = quantity;
  for (const s of sorted) {
    if (left <= 0) break;
    const q = Math.min(left, s.available);
    legs.push({ siteId: s.siteId, quantity: q, travelMinutes: s.travelMinutes });
    left -= q;
  }
  const etaMinutes = legs.reduce((m, l) => Math.max(m, l.travelMinutes), 0);
  return { legs, etaMinutes, shortfall: left };
};
