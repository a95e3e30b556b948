import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleAllows, roles } from '../../auth/roles.js';
import { addUser } from '../../commands/users.js';
import { insertNotifications } from '../../db/repos/notifications-repo.js';
import { describeDatabases } from '../../db/test-support/databases.js';
import { outcomeCode } from '../../fhir/outcome.js';
import { availableRedCells, deliver, expectOk, typedPatient } from '../test-support/chain.js';
import { createHarness, type Harness } from '../test-support/harness.js';
import {
  routeTable,
  type Check,
  type Fixtures,
  type RouteCase,
} from '../test-support/route-table.js';

/** Reachable without a token by design; everything else must be in the table. */
const publicRoutes = [
  'GET /api/health',
  'POST /api/session',
  'GET /api/openapi.json',
  'GET /metrics',
  'GET /fhir/metadata',
];
const isDocsRoute = (key: string) => key.includes(' /api/docs');

const createFixtures = async (h: Harness): Promise<Fixtures> => {
  const post = (role: Parameters<Harness['as']>[0], site: string, url: string, payload?: object) =>
    h.as(role, site, { method: 'POST', url, payload });
  expectOk(
    await post('admin', 'BC', '/api/locations', {
      id: 'BC-F1',
      siteId: 'BC',
      name: 'Fridge',
      kind: 'fridge',
    }),
    201,
  );
  expectOk(
    await post('center_staff', 'BC', '/api/donors', {
      id: 'D-1',
      bloodGroup: { abo: 'A', rhd: 'pos' },
    }),
    201,
  );
  const finalBC = await availableRedCells(h, 'G123417654401');
  expectOk(
    await post('center_staff', 'BC', `/api/units/${finalBC}/discard`, { reason: 'DAMAGED' }),
  );
  const finalH1 = await availableRedCells(h, 'G123417654402');
  await deliver(h, [finalH1], 'H1');
  expectOk(
    await post('hospital_blood_bank', 'H1', `/api/units/${finalH1}/discard`, { reason: 'DAMAGED' }),
  );
  const patientH1 = await typedPatient(h, 'H1', 'MRN-T1');
  const reservedH1 = await availableRedCells(h, 'G123417654403');
  await deliver(h, [reservedH1], 'H1');
  const until = new Date(Date.now() + 86_400_000).toISOString();
  expectOk(
    await post('hospital_blood_bank', 'H1', '/api/reservations', {
      patientId: patientH1,
      dins: [reservedH1],
      until,
    }),
    201,
  );
  const inTransit = await availableRedCells(h, 'G123417654404');
  const shipped = await post('center_staff', 'BC', '/api/shipments', {
    toSiteId: 'H1',
    dins: [inTransit],
  });
  expectOk(shipped, 201);
  const notificationH1 = '11111111-1111-4111-8111-111111111111';
  const note = {
    id: notificationH1,
    siteId: 'H1',
    kind: 'TEST',
    subject: 's',
    body: {},
    createdAt: new Date(),
    createdBy: 'test',
  };
  await insertNotifications(h.deps.db, [note]);
  await addUser(h.deps, { username: 'victim.h1', role: 'clinician', siteId: 'H1' }, 'test');
  const shipmentToH1 = shipped.json<{ id: string }>().id;
  return {
    finalBC,
    finalH1,
    reservedH1,
    patientH1,
    shipmentToH1,
    notificationH1,
    usernameH1: 'victim.h1',
  };
};

/** The error code of an API error body, or of a FHIR OperationOutcome (the `/fhir` routes). */
const errorCode = (res: { json: <T>() => T }): string | null =>
  res.json<{ error?: { code: string } }>().error?.code ?? outcomeCode(res.json());

const ledgerLength = async (h: Harness): Promise<number> => {
  const { rows } = await h.deps.db.query<{ n: number }>('SELECT last_seq AS n FROM ledger_head');
  return Number(rows[0]?.n);
};

const runCheck = async (h: Harness, method: string, c: RouteCase, check: Check) => {
  const before = await ledgerLength(h);
  const res = await h.as(check.as[0], check.as[1], {
    method: check.method ?? method,
    url: check.url ?? c.url,
    ...(check.payload === undefined ? {} : { payload: check.payload as object }),
  });
  expect(res.statusCode, res.body).toBe(check.status);
  expect(errorCode(res)).toBe(check.code);
  expect(await ledgerLength(h), 'nothing written').toBe(before);
};

describeDatabases('every route refuses what it must', ({ db }) => {
  let h: Harness;
  let table: Record<string, RouteCase>;
  let registered: { key: string; permission: string | null }[];
  beforeAll(async () => {
    h = await createHarness(db());
    table = routeTable(await createFixtures(h));
    registered = h.app.registeredRoutes.map((r) => ({
      key: `${r.method} ${r.url}`,
      permission: r.permission,
    }));
  });
  afterAll(() => h.close());

  it('has an entry for every registered route and no stale ones', () => {
    const protectedRoutes = registered.filter(
      (r) => !publicRoutes.includes(r.key) && !isDocsRoute(r.key),
    );
    expect(protectedRoutes.map((r) => r.key).sort()).toEqual(Object.keys(table).sort());
    for (const key of publicRoutes) expect(registered.map((r) => r.key)).toContain(key);
    expect(
      registered
        .filter((r) => r.permission === null)
        .every((r) => publicRoutes.includes(r.key) || isDocsRoute(r.key)),
    ).toBe(true);
  });

  it('requires unit operations and routes naming a resource to test unknown ids and illegal transitions', () => {
    for (const [key, c] of Object.entries(table)) {
      if (key.includes('/:') || /"dins?"/.test(JSON.stringify(c)))
        expect(c.unknown, key).toBeDefined();
      if (key.startsWith('POST /api/units/:din/')) expect(c.illegal, key).toBeDefined();
    }
  });

  describe('per route', () => {
    it('answers 401 without a token', async () => {
      for (const [key, c] of Object.entries(table)) {
        const [method] = key.split(' ');
        const res = await h.app.inject({
          method: method as 'GET',
          url: c.url,
          payload: method === 'GET' ? undefined : {},
        });
        expect(res.statusCode, key).toBe(401);
        expect(errorCode(res)).toBe('UNAUTHENTICATED');
      }
    });

    it('answers 403 to a wrong role or site, or is open to every role by design', async () => {
      for (const [key, c] of Object.entries(table)) {
        const [method = 'GET'] = key.split(' ');
        if ('openToEveryRole' in c.forbidden) {
          const permission = registered.find((r) => r.key === key)?.permission;
          for (const role of roles)
            expect(permission && roleAllows(role, permission as never), `${key} ${role}`).toBe(
              true,
            );
          continue;
        }
        await runCheck(h, method, c, c.forbidden);
      }
    });

    it('answers 400 to malformed input, 404 to unknown ids and 4xx to illegal transitions, writing nothing', async () => {
      for (const [key, c] of Object.entries(table)) {
        const [method = 'GET'] = key.split(' ');
        for (const check of [c.malformed, c.unknown, c.illegal]) {
          if (check && check !== 'no input') await runCheck(h, method, c, check);
        }
      }
    });
  });
});
