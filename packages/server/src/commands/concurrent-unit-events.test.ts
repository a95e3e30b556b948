import { isDomainError, type UnitEvent } from '@hemonet/core';
import { beforeAll, expect, it } from 'vitest';
import type { AuthUser } from '../auth/user.js';
import type { SqlClient } from '../db/sql-client.js';
import { describeDatabases } from '../db/test-support/databases.js';
import {
  CENTER,
  collectedAt,
  donationFixture,
  seedSites,
  splitDonationEvents,
} from '../db/test-support/unit-events.js';
import { verifyLedger } from '../ledger/verify.js';
import type { CommandDeps } from './deps.js';
import { recordUnitEvents } from './record-unit-events.js';
import { changeUnit } from './unit-context.js';

/**
 * Requests reach the database in an order of their own (event loop, pool, network): this client
 * delays each transaction by 0–10 ms at random before it asks for its locks.
 */
const withJitter = (db: SqlClient): SqlClient => ({
  kind: db.kind,
  query: (sql, params) => db.query(sql, params),
  exec: (script) => db.exec(script),
  transaction: async (fn) => {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 10));
    return db.transaction(fn);
  },
  close: () => db.close(),
});

/** A clock that moves forward by 1 ms at each reading: every reading is a distinct instant. */
const steppingClock = (start: Date) => {
  let t = start.getTime();
  return () => new Date(++t);
};

const staff: AuthUser = { id: 'u-1', username: 'staff.c01', role: 'center_staff', siteId: CENTER };
const storeOrRemove = (i: number): UnitEvent =>
  i % 2 === 0 ? { type: 'STORED', locationId: 'C01-FRIDGE-2' } : { type: 'REMOVED_FROM_STORAGE' };

const codes = (outcomes: PromiseSettledResult<unknown>[]) =>
  outcomes.flatMap((o) =>
    o.status === 'fulfilled' ? [] : [isDomainError(o.reason) ? o.reason.code : String(o.reason)],
  );

describeDatabases('concurrent operations on one unit', ({ db }) => {
  beforeAll(() => seedSites(db()));

  const unitWithDeps = async (n: number) => {
    const d = donationFixture(n);
    await recordUnitEvents({ db: db() }, splitDonationEvents(d));
    const deps: CommandDeps = {
      db: withJitter(db()),
      clock: steppingClock(collectedAt()),
      lifecycle: {},
      products: new Map(),
    };
    return { din: d.components[0], deps };
  };

  it('stamped before the row lock, some of 20 are refused EVENT_OUT_OF_ORDER (the hazard)', async () => {
    const { din, deps } = await unitWithDeps(701);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => {
        const ctx = { at: deps.clock(), siteId: CENTER, actor: staff.username };
        return recordUnitEvents(deps, [{ din, event: storeOrRemove(i), ctx }]);
      }),
    );
    expect(codes(outcomes)).toContain('EVENT_OUT_OF_ORDER');
  });

  it('stamped under the row lock, all 20 store/remove operations are recorded in time order', async () => {
    const { din, deps } = await unitWithDeps(702);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => changeUnit(deps, staff, din, storeOrRemove(i))),
    );
    expect(codes(outcomes)).toEqual([]);
    const { rows } = await db().query<{ at: Date | string }>(
      'SELECT at FROM unit_events WHERE din = $1 ORDER BY seq',
      [din],
    );
    const times = rows.map((r) => new Date(r.at).getTime());
    expect(times.slice(-20)).toEqual([...times.slice(-20)].sort((a, b) => a - b));
    expect(await verifyLedger(db())).toMatchObject({ ok: true });
  });
});
