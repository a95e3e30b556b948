import { randomUUID } from 'node:crypto';
import { DomainError, parseIsbt } from '@hemonet/core';
import { assertActsAtSite } from '../auth/site-scope.js';
import type { AuthUser } from '../auth/user.js';
import { recordAudit } from '../db/repos/audit-repo.js';
import {
  getShipment,
  insertJourneyChecks,
  insertShipment,
  markReceived,
  type JourneyCheck,
  type Shipment,
} from '../db/repos/shipments-repo.js';
import { COLD_CHAIN_ACTOR } from '../coldchain/auto-hold.js';
import { checkJourneys, journeyHold, requireTransportBox } from '../coldchain/journey.js';
import { findSiteById } from '../db/repos/sites-repo.js';
import type { CommandDeps } from './deps.js';
import { recordUnitEvents, type UnitEventInput } from './record-unit-events.js';
import { recordedAt, recordedNow, requireUnit } from './unit-context.js';
import { componentKey } from './collection.js';

/**
 * Ships units from the user's site to another site: one SHIPPED event per unit and the manifest,
 * with the transport box logger they travel in when there is one (it gates their receipt).
 */
export const shipUnits = async (
  deps: CommandDeps,
  user: AuthUser,
  input: { toSiteId: string; dins: readonly string[]; boxDeviceId?: string | undefined },
): Promise<Shipment> => {
  if (!(await findSiteById(deps.db, input.toSiteId))) {
    throw new DomainError('SITE_NOT_FOUND', `no site ${input.toSiteId}`, {
      siteId: input.toSiteId,
    });
  }
  if (input.boxDeviceId) await requireTransportBox(deps, input.boxDeviceId, user.siteId);
  const dins = [...new Set(input.dins)];
  for (const din of dins) assertActsAtSite(user, (await requireUnit(deps.db, din)).siteId);
  const id = randomUUID();
  const ctx = recordedNow(user);
  const event = { type: 'SHIPPED' as const, toSite: input.toSiteId, shipmentId: id };
  await recordUnitEvents(
    deps,
    dins.map((din) => ({ din, event, ctx })),
    async (tx, recorded) => {
      const at = recordedAt(recorded);
      await insertShipment(tx, {
        id,
        fromSiteId: user.siteId,
        toSiteId: input.toSiteId,
        shippedAt: at,
        shippedBy: user.username,
        boxDeviceId: input.boxDeviceId ?? null,
        dins,
      });
      await recordAudit(tx, {
        actor: user.username,
        siteId: user.siteId,
        action: 'SHIPMENT_DISPATCHED',
        entity: 'shipment',
        entityId: id,
        at,
        details: {
          toSiteId: input.toSiteId,
          units: dins.length,
          boxDeviceId: input.boxDeviceId ?? null,
        },
      });
    },
  );
  return (await getShipment(deps.db, id))!;
};

/**
 * A scan is either a unit key or the concatenated ISBT 128 data read from the bag (DS001 DIN,
 * optionally followed by DS003 product code): a component is DIN plus product code.
 */
export const unitKeyFromScan = (scan: string): string => {
  if (!scan.startsWith('=') && !scan.startsWith('&')) return scan;
  const parsed = parseIsbt(scan);
  if (!parsed.din) throw new DomainError('SCAN_INVALID', `scan ${scan} holds no DIN`, { scan });
  return parsed.product ? componentKey(parsed.din.din, parsed.product.code) : parsed.din.din;
};

/**
 * Receipt at the destination by scanning the units that arrived; the rest stay in transit. With a
 * box logger, its readings since dispatch decide each unit: into stock, or held (by the cold-chain
 * actor, in the same transaction) for evaluation, the evidence kept with the shipment.
 */
export const receiveShipment = async (
  deps: CommandDeps,
  user: AuthUser,
  shipmentId: string,
  scans: readonly string[],
): Promise<Shipment> => {
  const shipment = await getShipment(deps.db, shipmentId);
  if (!shipment)
    throw new DomainError('SHIPMENT_NOT_FOUND', `no shipment ${shipmentId}`, { shipmentId });
  assertActsAtSite(user, shipment.toSiteId);
  const dins = [...new Set(scans.map(unitKeyFromScan))];
  const outstanding = new Set(shipment.units.filter((u) => !u.receivedAt).map((u) => u.din));
  const unexpected = dins.filter((d) => !outstanding.has(d));
  if (unexpected.length > 0) {
    throw new DomainError(
      'NOT_IN_SHIPMENT',
      `not awaited in shipment ${shipmentId}: ${unexpected.join(', ')}`,
      { shipmentId, dins: unexpected },
    );
  }
  const checks = shipment.boxDeviceId
    ? await checkJourneys(deps, shipment, shipment.boxDeviceId, dins, deps.clock())
    : new Map<string, JourneyCheck>();
  await recordUnitEvents(
    deps,
    dins.flatMap((din) => receiptEvents(user, shipmentId, din, checks.get(din))),
    // Core refuses RECEIVED for a unit no longer in transit, so a unit is never received twice.
    async (tx, recorded) => {
      await markReceived(tx, shipmentId, dins, recordedAt(recorded), user.username);
      await insertJourneyChecks(
        tx,
        shipmentId,
        [...checks].map(([din, check]) => ({ din, ...check })),
      );
    },
  );
  return (await getShipment(deps.db, shipmentId))!;
};

/** RECEIVED by the user, then HELD by the cold chain when the box's journey failed. */
const receiptEvents = (
  user: AuthUser,
  shipmentId: string,
  din: string,
  check: JourneyCheck | undefined,
): UnitEventInput[] => {
  const received = {
    din,
    event: { type: 'RECEIVED' as const, shipmentId },
    ctx: recordedNow(user),
  };
  if (check?.decision !== 'hold') return [received];
  const ctx = { ...recordedNow(user), actor: COLD_CHAIN_ACTOR };
  return [received, { din, event: journeyHold(shipmentId, check), ctx }];
};
