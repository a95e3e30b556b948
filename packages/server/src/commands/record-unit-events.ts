import { z } from 'zod';
import {
  applyUnitEvent,
  DomainError,
  parseUnitState,
  unitEventSchema,
  type EventContext,
  type ParsedUnitEvent,
  type UnitEvent,
  type UnitState,
} from '@hemonet/core';
import { recordDonations, type DonationRecord } from '../db/repos/donors-repo.js';
import { lockUnits, upsertUnits, type UnitProjection } from '../db/repos/units-repo.js';
import type { Queryable, SqlClient } from '../db/sql-client.js';
import { appendToLedger } from '../ledger/append.js';
import type { LedgerEventDraft } from '../ledger/chain.js';
import { createGroupCommitter, type Outcome } from '../ledger/group-commit.js';

/**
 * When an event happened. A `Date` is a real-world time the caller knows (a device reading, a
 * back-dated seed, a collection time): it is recorded as given, and core refuses it if it is
 * earlier than the unit's last event. `'now'` is an operation the server performs as it records
 * it: it is stamped with `clock()` read after the unit rows are locked (see writeRequests).
 */
export type EventTime = Date | 'now';

/** Where and who as in core's EventContext; when as an EventTime. */
export type UnitEventContext = Omit<EventContext, 'at'> & { at: EventTime };

/** One change to one unit, as every edge (HTTP, MQTT quarantine, seeding) submits it. */
export interface UnitEventInput {
  din: string;
  event: UnitEvent;
  ctx: UnitEventContext;
}

export interface RecordedUnitEvent {
  din: string;
  seq: number;
  hash: string;
  type: ParsedUnitEvent['type'];
  at: Date;
  /** The unit's state after this event. */
  state: UnitState;
}

export interface RecordUnitEventsDeps {
  db: SqlClient;
  /** Stamps `at: 'now'` events (defaults to the system clock). */
  clock?: () => Date;
  /** Passed to core's applyUnitEvent (jurisdiction profile, limits). */
  lifecycle?: Parameters<typeof applyUnitEvent>[3];
}

interface ParsedInput {
  din: string;
  event: ParsedUnitEvent;
  ctx: UnitEventContext;
}

/** A parsed input whose time is known: what core folds and the ledger records. */
interface TimedInput extends ParsedInput {
  ctx: EventContext;
}

const parseInput = (item: UnitEventInput): ParsedInput => {
  const parsed = unitEventSchema.safeParse(item.event);
  // The same code and shape as core's own validation, so every edge maps one error.
  if (!parsed.success) {
    throw new DomainError('EVENT_INVALID', `invalid unit event: ${z.prettifyError(parsed.error)}`, {
      din: item.din,
      issues: parsed.error.issues,
    });
  }
  const event = parsed.data;
  // Creation events name their unit; the ledger row must be keyed by that same unit.
  if ('din' in event && event.din !== item.din) {
    throw new DomainError(
      'UNIT_DIN_MISMATCH',
      `event names unit ${event.din} but was sent for ${item.din}`,
      {
        din: item.din,
        eventDin: event.din,
      },
    );
  }
  return { din: item.din, event, ctx: item.ctx };
};

/** The indexed columns of the units table, copied out of the core state. */
function toProjection(s: UnitState, updatedAt: Date): UnitProjection {
  return {
    din: s.din,
    status: s.status,
    componentClass: s.componentClass,
    productCode: s.productCode,
    abo: s.bloodGroup.abo,
    rhd: s.bloodGroup.rhd,
    siteId: s.siteId,
    locationId: s.locationId,
    expiresAt: s.expiresAt,
    donorId: s.donorId,
    donationId: s.donationId,
    parentDin: s.parentDin ?? null,
    patientId: s.issuedTo?.patientId ?? s.reservation?.patientId ?? null,
    state: s,
    version: s.version,
    updatedAt,
  };
}

const donationOf = (input: TimedInput): DonationRecord | null => {
  const e = input.event;
  if (e.type !== 'COLLECTED' && e.type !== 'COMPONENT_CREATED') return null;
  return {
    donationId: e.donationId,
    donorId: e.donorId,
    donorGroup: e.bloodGroup,
    siteId: input.ctx.siteId,
    collectedAt: e.collectedAt,
  };
};

const draftOf = ({ din, event, ctx }: TimedInput): LedgerEventDraft => {
  const { type, ...payload } = event;
  return {
    din,
    type,
    siteId: ctx.siteId,
    actor: ctx.actor,
    at: ctx.at,
    payload,
  };
};

/**
 * Folds each request's events over the locked units. A request whose events core rejects
 * (DomainError) is left out whole and reported; the others go on. Returns the surviving
 * requests' inputs in order with their states, plus the outcome slot of each request.
 */
function foldRequests(
  deps: RecordUnitEventsDeps,
  units: Map<string, UnitState>,
  requests: readonly TimedInput[][],
) {
  const accepted: { input: TimedInput; state: UnitState; request: number }[] = [];
  const failures = new Map<number, unknown>();
  requests.forEach((items, request) => {
    const overlay = new Map<string, UnitState>(); // this request's changes, merged only if all pass
    const steps: { input: TimedInput; state: UnitState; request: number }[] = [];
    try {
      for (const input of items) {
        const prev = overlay.get(input.din) ?? units.get(input.din);
        const state = applyUnitEvent(prev, input.event, input.ctx, deps.lifecycle);
        overlay.set(input.din, state);
        steps.push({ input, state, request });
      }
      overlay.forEach((folded, din) => units.set(din, folded));
      accepted.push(...steps);
    } catch (error) {
      failures.set(request, error);
    }
  });
  return { accepted, failures };
}

/** Loads and locks the projections of every unit the requests touch. */
async function loadUnits(
  tx: Queryable,
  requests: readonly ParsedInput[][],
): Promise<Map<string, UnitState>> {
  const dins = [...new Set(requests.flat().map((i) => i.din))].sort();
  const rows = await lockUnits(tx, dins);
  const units = new Map<string, UnitState>();
  rows.forEach((row, din) => units.set(din, parseUnitState(row.state)));
  return units;
}

/**
 * Stamps `'now'` events with the clock read while the unit rows are locked. Reading it before the
 * lock (when the request arrived) is not enough: of two near-simultaneous requests on one unit,
 * the one that read the clock first may get the lock second, and core would then refuse it as
 * EVENT_OUT_OF_ORDER although nothing was wrong. Read under the lock, the time is at least that
 * of every event already committed for these units by this clock, and it is the truthful time of
 * the change: the moment it was checked against the unit's current state and recorded. Events
 * given a real-world `Date` keep it, and core still judges their order. A time read before the
 * lock and raised to the clock here would come to the same instant by a longer way, and would blur
 * which times were stated by a caller and which by the server. (Several servers must share a
 * synchronised, forward-moving clock, as for any ledger time.)
 */
const stampNow = (requests: readonly ParsedInput[][], now: Date): TimedInput[][] =>
  requests.map((items) =>
    items.map((i) => ({ ...i, ctx: { ...i.ctx, at: i.ctx.at === 'now' ? now : i.ctx.at } })),
  );

/**
 * Further writes of the same operation (a shipment manifest, a notification, a reaction record)
 * made in the unit events' transaction after they are appended: if it throws, nothing is written.
 */
export type AlsoWrite = (tx: Queryable, recorded: RecordedUnitEvent[]) => Promise<void>;

/**
 * The write path, for several independent requests in the caller's transaction: lock the units,
 * fold the events through core's lifecycle, register new donations, append to the ledger, upsert
 * the projections. A request core rejects is reported in its outcome and writes nothing.
 */
async function writeRequests(
  tx: Queryable,
  deps: RecordUnitEventsDeps,
  requests: readonly ParsedInput[][],
): Promise<Outcome<RecordedUnitEvent[]>[]> {
  const units = await loadUnits(tx, requests);
  const now = (deps.clock ?? (() => new Date()))();
  const { accepted, failures } = foldRequests(deps, units, stampNow(requests, now));
  const donations = accepted.map((a) => donationOf(a.input)).filter((d) => d !== null);
  await recordDonations(tx, donations);
  const events = await appendToLedger(
    tx,
    accepted.map((a) => draftOf(a.input)),
  );
  // One projection row per unit: its state after the last accepted event.
  const latest = new Map(accepted.map((a) => [a.input.din, toProjection(a.state, a.input.ctx.at)]));
  await upsertUnits(tx, [...latest.values()]);
  const results: RecordedUnitEvent[][] = requests.map(() => []);
  accepted.forEach((a, i) => {
    const event = events[i];
    if (!event) throw new Error('ledger returned fewer events than appended');
    const { din, ctx } = a.input;
    const recorded = {
      din,
      seq: event.seq,
      hash: event.hash,
      type: a.input.event.type,
      at: ctx.at,
    };
    results[a.request]?.push({ ...recorded, state: a.state });
  });
  return requests.map((_, r): Outcome<RecordedUnitEvent[]> => {
    const error = failures.get(r);
    return error === undefined ? { ok: true, value: results[r] ?? [] } : { ok: false, error };
  });
}

/** Writes requests in a transaction of their own. */
const writeRequestsAlone = (deps: RecordUnitEventsDeps, requests: readonly ParsedInput[][]) =>
  deps.db.transaction((tx) => writeRequests(tx, deps, requests));

/**
 * Records unit events: all of `items` or nothing. Each is validated (zod), folded through core's
 * lifecycle (an illegal transition throws its DomainError and nothing is written), appended to
 * the hash-chained ledger and projected into `units`, all in one transaction, with `alsoWrite`.
 */
export async function recordUnitEvents(
  deps: RecordUnitEventsDeps,
  items: readonly UnitEventInput[],
  alsoWrite?: AlsoWrite,
): Promise<RecordedUnitEvent[]> {
  const parsed = items.map(parseInput);
  return deps.db.transaction(async (tx) => {
    const [outcome] = await writeRequests(tx, deps, [parsed]);
    if (!outcome) throw new Error('no outcome for the request');
    if (!outcome.ok) throw outcome.error;
    if (alsoWrite) await alsoWrite(tx, outcome.value);
    return outcome.value;
  });
}

/**
 * Records independent changes in the caller's transaction (rows it locked stay locked): each item
 * is its own request, so one that core refuses (a unit changed meanwhile) is reported in its
 * outcome and the others are still written. For sweeps over many units.
 */
export const recordEachUnitEvent = (
  tx: Queryable,
  deps: RecordUnitEventsDeps,
  items: readonly UnitEventInput[],
): Promise<Outcome<RecordedUnitEvent[]>[]> =>
  writeRequests(
    tx,
    deps,
    items.map((i) => [parseInput(i)]),
  );

/**
 * The same write path with group commit for busy servers: concurrent calls share one transaction
 * (one head lock, one commit). Semantics per call are those of recordUnitEvents; if the shared
 * transaction fails for a reason outside the domain (a constraint, a lost connection), each call
 * is retried alone so one bad request cannot fail its neighbours.
 */
export function createUnitEventRecorder(
  deps: RecordUnitEventsDeps,
  options: { maxBatchSize?: number } = {},
): (items: readonly UnitEventInput[]) => Promise<RecordedUnitEvent[]> {
  const commit = createGroupCommitter<ParsedInput[], RecordedUnitEvent[]>(
    async (requests) => {
      if (requests.length === 1) return writeRequestsAlone(deps, requests);
      try {
        return await writeRequestsAlone(deps, requests);
      } catch {
        const alone: Outcome<RecordedUnitEvent[]>[] = [];
        for (const request of requests)
          alone.push(
            ...(await writeRequestsAlone(deps, [request]).catch((error: unknown) => [
              { ok: false as const, error },
            ])),
          );
        return alone;
      }
    },
    (request) => request.length,
    { maxBatchSize: options.maxBatchSize ?? 500 },
  );
  return async (items) => commit(items.map(parseInput));
}
