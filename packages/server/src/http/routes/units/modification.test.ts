import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDatabases } from '../../../db/test-support/databases.js';
import { verifyLedger } from '../../../ledger/verify.js';
import { availableRedCells, deliver, expectOk } from '../../test-support/chain.js';
import { createHarness, type Harness } from '../../test-support/harness.js';

const HOUR = 3_600_000;

interface UnitView {
  componentClass: string;
  productCode: string;
  expiresAt: string;
}
interface Trace {
  unit: UnitView;
  events: { type: string; at: string; payload: Record<string, unknown> }[];
}

describeDatabases('irradiation and thawing over HTTP', ({ db }) => {
  let h: Harness;
  const ledgerLength = async () =>
    (await h.deps.db.query<{ n: number }>('SELECT last_seq AS n FROM ledger_head')).rows[0]?.n;
  /** The unit as GET /api/units/{din} and its trace show it, and the time of its last event. */
  const views = async (site: string, din: string) => {
    const get = (url: string) => h.as('hospital_blood_bank', site, { method: 'GET', url });
    const unit = (await get(`/api/units/${din}`)).json<UnitView>();
    const trace = (await get(`/api/units/${din}/trace`)).json<Trace>();
    return { unit, trace, last: trace.events.at(-1) };
  };

  beforeAll(async () => {
    h = await createHarness(db());
  });
  afterAll(() => h.close());

  it('irradiates red cells: irradiated class, new code, 28 days from irradiation', async () => {
    const rc = await availableRedCells(h, 'G123417656001');
    const res = await h.as('center_staff', 'BC', {
      method: 'POST',
      url: `/api/units/${rc}/irradiate`,
      payload: { productCode: 'E9013V00' },
    });
    expectOk(res);
    const { unit, trace, last } = await views('BC', rc);
    const expected = {
      componentClass: 'RED_CELLS_IRRADIATED',
      productCode: 'E9013V00',
      expiresAt: new Date(Date.parse(last?.at ?? '') + 28 * 24 * HOUR).toISOString(),
    };
    expect(unit).toMatchObject(expected);
    expect(trace.unit).toMatchObject(expected);
    expect(last).toMatchObject({ type: 'IRRADIATED', payload: { productCode: 'E9013V00' } });
  });

  it('thaws plasma at a hospital: thawed class, 24 hours from the thaw, original code kept', async () => {
    await availableRedCells(h, 'G123417656002');
    const plasma = 'G123417656002-E9030V00';
    expectOk(
      await h.as('center_staff', 'BC', { method: 'POST', url: `/api/units/${plasma}/release` }),
    );
    await deliver(h, [plasma], 'H1');
    const thaw = (payload?: object) =>
      h.as('hospital_blood_bank', 'H1', {
        method: 'POST',
        url: `/api/units/${plasma}/thaw`,
        ...(payload ? { payload } : {}),
      });
    const before = await ledgerLength();
    const mislabelled = await thaw({ productCode: 'E9013V00' });
    expect(mislabelled.statusCode, mislabelled.body).toBe(422);
    expect(mislabelled.json<{ error: { code: string } }>().error.code).toBe(
      'PRODUCT_CLASS_MISMATCH',
    );
    expect(await ledgerLength()).toBe(before);
    expectOk(await thaw());
    const { unit, trace, last } = await views('H1', plasma);
    const expected = {
      componentClass: 'PLASMA_THAWED',
      productCode: 'E9030V00',
      expiresAt: new Date(Date.parse(last?.at ?? '') + 24 * HOUR).toISOString(),
    };
    expect(unit).toMatchObject(expected);
    expect(trace.unit).toMatchObject(expected);
    expect(last).toMatchObject({ type: 'THAWED', payload: {} });
    const again = await thaw();
    expect(again.json<{ error: { code: string } }>().error.code).toBe(
      'MODIFICATION_NOT_APPLICABLE',
    );
    expect(await verifyLedger(h.deps.db)).toMatchObject({ ok: true });
  });
});
