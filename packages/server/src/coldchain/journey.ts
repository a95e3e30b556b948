import {
  DomainError,
  evaluateJourney,
  getComponentRules,
  type ComponentClass,
  type JourneyDecision,
  type JourneyRules,
  type UnitEvent,
} from '@hemonet/core';
import type { CommandDeps } from '../commands/deps.js';
import { requireUnit } from '../commands/unit-context.js';
import { getDevice, type Device } from '../db/repos/devices-repo.js';
import { readingsBetween } from '../db/repos/readings-repo.js';
import type { JourneyCheck, Shipment } from '../db/repos/shipments-repo.js';
import { MAX_HOLD_MS } from './thermal.js';

/**
 * Logger-gated receipt (issue 4, item 6): the transport box's readings between dispatch and
 * receipt decide, per component class, whether the units go into stock or are held for
 * evaluation (AABB: components whose transport temperature left the range cannot be used without
 * evaluation; CN WS/T 400: red cells 2–10 °C, ≤ 24 h in transit).
 */

/** The box a shipment travels in: a transport-box logger of the dispatching site, in service. */
export async function requireTransportBox(
  deps: Pick<CommandDeps, 'db'>,
  deviceId: string,
  siteId: string,
): Promise<Device> {
  const device = await getDevice(deps.db, deviceId);
  if (!device) throw new DomainError('DEVICE_NOT_FOUND', `no device ${deviceId}`, { deviceId });
  const refuse = (code: string, why: string) => {
    throw new DomainError(code, `device ${deviceId} ${why}`, { deviceId, kind: device.kind });
  };
  if (device.kind !== 'transport_box') refuse('DEVICE_NOT_TRANSPORT_BOX', 'is not a box logger');
  if (device.revokedAt) refuse('DEVICE_REVOKED', 'is revoked');
  if (device.siteId !== siteId) refuse('DEVICE_AT_OTHER_SITE', `belongs to site ${device.siteId}`);
  return device;
}

/**
 * The class's transport range and longest journey. A stretch without readings longer than a
 * reading is trusted for (thermal history's hold), or than two of the box's own reporting
 * intervals, leaves the journey unproven.
 */
export function journeyRules(
  deps: Pick<CommandDeps, 'lifecycle'>,
  cls: ComponentClass,
  box: Pick<Device, 'reportingIntervalS'>,
): JourneyRules {
  const { transport } = getComponentRules(
    cls,
    deps.lifecycle.jurisdiction ?? 'CN',
    deps.lifecycle.ruleOverrides,
  );
  return {
    range: { min: transport.minC, max: transport.maxC },
    maxJourneyMs: transport.maxHours === null ? null : transport.maxHours * 3_600_000,
    maxGapMs: Math.max(MAX_HOLD_MS, 2 * box.reportingIntervalS * 1000),
  };
}

/** Each unit's journey verdict, judged on the box's temperatures from dispatch until `at`. */
export async function checkJourneys(
  deps: Pick<CommandDeps, 'db' | 'lifecycle'>,
  shipment: Pick<Shipment, 'shippedAt'>,
  boxDeviceId: string,
  dins: readonly string[],
  at: Date,
): Promise<Map<string, JourneyCheck>> {
  const box = await getDevice(deps.db, boxDeviceId);
  if (!box) throw new Error(`shipment box ${boxDeviceId} vanished`);
  const from = shipment.shippedAt.getTime();
  const temperatures = await readingsBetween(deps.db, [box.id], 'temperature', from, at.getTime());
  const byClass = new Map<ComponentClass, JourneyDecision>();
  const checks = new Map<string, JourneyCheck>();
  for (const din of dins) {
    const cls = (await requireUnit(deps.db, din)).componentClass;
    let decision = byClass.get(cls);
    if (!decision) {
      decision = evaluateJourney(temperatures, from, at.getTime(), journeyRules(deps, cls, box));
      byClass.set(cls, decision);
    }
    checks.set(din, { boxDeviceId, checkedAt: at, ...decision });
  }
  return checks;
}

const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;
const celsius = (c: number | null) => (c === null ? '–' : `${c} °C`);

/** The hold a held journey puts in the ledger, its evidence in words for the unit's trace. */
export function journeyHold(shipmentId: string, check: JourneyCheck): UnitEvent {
  const e = check.evidence;
  const note =
    `transport box ${check.boxDeviceId}, shipment ${shipmentId}: ${check.reasons.join(', ')}; ` +
    `${e.readingsCount} readings, min ${celsius(e.minC)}, max ${celsius(e.maxC)}, ` +
    `${minutes(e.timeOutOfRangeMs)} out of range, longest gap ${minutes(e.longestGapMs)}, ` +
    `journey ${minutes(e.durationMs)}`;
  return { type: 'HELD', reason: 'TEMPERATURE_EXCURSION', note };
}
