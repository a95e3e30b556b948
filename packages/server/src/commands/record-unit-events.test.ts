import { isDomainError } from '@hemonet/core';
import { beforeAll, expect, it } from 'vitest';
import { getUnit } from '../db/repos/units-repo.js';
import { describeDatabases } from '../db/test-support/databases.js';
import {
  CENTER,
  donationFixture,
  event,
  seedSites,
  splitDonationEvents,
  transfuseEvents,
} from '../db/test-support/unit-events.js';
import type { SqlClient } from '../db/sql-client.js';
import { verifyLedger } from '../ledger/verify.js';
import { createUnitEventRecorder, recordUnitEvents } from './record-unit-events.js';

const eventCount = async (db: SqlClient) =>
  (await db.query<{ n: number }>('SELECT count(*) AS n FROM unit_events')).rows[0]?.n;

const rejectionCode = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (isDomainError(e) ? e.code : String(e)),
  );

describeDatabases('recordUnitEvents', ({ db }) => {
  beforeAll(() => seedSites(db()));

  it('appends events, projects the unit and keeps the chain sound', async () => {
    const d = donationFixture(1);
    const recorded = await recordUnitEvents({ db: db() }, splitDonationEvents(d));
    expect(recorded.map((r) => r.seq)).toEqual(recorded.map((_, i) => (recorded[0]?.seq ?? 0) + i));
    const rbc = await getUnit(db(), d.components[0]);
    expect(rbc).toMatchObject({
      status: 'available',
      componentClass: 'RED_CELLS',
      siteId: CENTER,
      locationId: 'C01-FRIDGE-1',
      donorId: d.donorId,
      parentDin: d.wholeBlood,
      abo: 'A',
      rhd: 'pos',
    });
    expect((await getUnit(db(), d.wholeBlood))?.status).toBe('processed');
    expect(await verifyLedger(db())).toMatchObject({ ok: true });
  });

  it('writes nothing when any event of the call is illegal', async () => {
    const d = donationFixture(2);
    const before = await eventCount(db());
    const items = splitDonationEvents(d);
    // Transfusion before issue: core refuses, and the valid events before it must not persist.
    items.push(event(d.components[0], CENTER, { type: 'TRANSFUSION_STARTED', patientId: 'P1' }));
    expect(await rejectionCode(recordUnitEvents({ db: db() }, items))).toBe('ILLEGAL_TRANSITION');
    expect(await eventCount(db())).toBe(before);
    expect(await getUnit(db(), d.wholeBlood)).toBeNull();
  });

  it('runs alsoWrite in the same transaction and writes nothing when it throws', async () => {
    const d = donationFixture(9);
    const before = await eventCount(db());
    const failing = recordUnitEvents({ db: db() }, splitDonationEvents(d), async (tx, recorded) => {
      expect(recorded.length).toBeGreaterThan(0);
      await tx.query('SELECT 1 FROM units WHERE din = $1', [d.wholeBlood]);
      throw new Error('manifest refused');
    });
    await expect(failing).rejects.toThrow('manifest refused');
    expect(await eventCount(db())).toBe(before);
    expect(await getUnit(db(), d.wholeBlood)).toBeNull();
  });

  it('refuses invalid events and events sent for another unit', async () => {
    const d = donationFixture(3);
    const [collected] = splitDonationEvents(d);
    if (!collected) throw new Error('fixture');
    const wrongUnit = { ...collected, din: 'G123425999999' };
    expect(await rejectionCode(recordUnitEvents({ db: db() }, [wrongUnit]))).toBe(
      'UNIT_DIN_MISMATCH',
    );
    const invalid = { ...collected, event: { type: 'STORED' } as never };
    expect(await rejectionCode(recordUnitEvents({ db: db() }, [invalid]))).toBe('EVENT_INVALID');
  });

  it('serialises concurrent writers on one unit without losing an update', async () => {
    const d = donationFixture(4);
    await recordUnitEvents({ db: db() }, splitDonationEvents(d));
    const din = d.components[1];
    const before = (await getUnit(db(), din))?.version ?? 0;
    // Same time for all: they commit in any order, and core refuses time going backwards.
    const { ctx } = event(din, CENTER, { type: 'REMOVED_FROM_STORAGE' });
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        recordUnitEvents({ db: db() }, [
          { din, ctx, event: { type: 'STORED', locationId: `F${i}` } },
        ]),
      ),
    );
    expect((await getUnit(db(), din))?.version).toBe(before + 10);
    expect(await verifyLedger(db())).toMatchObject({ ok: true });
  });

  it('group-commits concurrent callers and fails only the caller whose events are illegal', async () => {
    const record = createUnitEventRecorder({ db: db() });
    const good = [5, 6, 7].map((n) => donationFixture(n));
    const bad = donationFixture(8);
    const badItems = [
      ...splitDonationEvents(bad),
      ...transfuseEvents(bad.components[0], 'P9', bad.group),
    ];
    // Issue without a crossmatch to an incompatible patient is refused by core.
    badItems.splice(
      -4,
      1,
      event(bad.components[0], 'H01', {
        type: 'ISSUED',
        patientId: 'P9',
        patientGroup: { abo: 'O', rhd: 'pos' },
      }),
    );
    const results = await Promise.allSettled([
      ...good.map((d) => record(splitDonationEvents(d))),
      record(badItems),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
    ]);
    for (const d of good) expect((await getUnit(db(), d.wholeBlood))?.status).toBe('processed');
    expect(await getUnit(db(), bad.wholeBlood)).toBeNull();
    expect(await verifyLedger(db())).toMatchObject({ ok: true });
  });
});
