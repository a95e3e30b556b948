import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDatabases } from '../../../db/test-support/databases.js';
import { createHarness, type Harness } from '../../test-support/harness.js';

interface Page<T> {
  items: T[];
  page: { nextOffset: number | null };
}

describeDatabases('sites and travel times', ({ db }) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(db());
  });
  afterAll(() => h.close());

  const newSite = {
    id: 'H3',
    name: 'Hospital Three',
    kind: 'hospital',
    region: 'test',
    latitude: 31.2,
    longitude: 121.5,
  };

  it('lets a center admin create a site and refuses a hospital admin', async () => {
    const refused = await h.as('admin', 'H1', {
      method: 'POST',
      url: '/api/sites',
      payload: newSite,
    });
    expect(refused.statusCode).toBe(403);
    const created = await h.as('admin', 'BC', {
      method: 'POST',
      url: '/api/sites',
      payload: newSite,
    });
    expect(created.statusCode).toBe(201);
    const again = await h.as('admin', 'BC', {
      method: 'POST',
      url: '/api/sites',
      payload: newSite,
    });
    expect(again.json<{ error: { code: string } }>().error.code).toBe('SITE_EXISTS');
    expect(again.statusCode).toBe(409);
    const site = await h.as('courier', 'H1', { method: 'GET', url: '/api/sites/H3' });
    expect(site.json()).toMatchObject({ latitude: 31.2, kind: 'hospital' });
  });

  it('pages through sites in a stable order', async () => {
    const first = await h.as('clinician', 'H1', {
      method: 'GET',
      url: '/api/sites?limit=2&sort=name',
    });
    const body = first.json<Page<{ id: string }>>();
    expect(body.items).toHaveLength(2);
    expect(body.page.nextOffset).toBe(2);
    const rest = await h.as('clinician', 'H1', {
      method: 'GET',
      url: '/api/sites?limit=50&offset=2&sort=name',
    });
    const all = [...body.items, ...rest.json<Page<{ id: string }>>().items].map((s) => s.id);
    expect(new Set(all).size).toBe(all.length);
    const hospitals = await h.as('clinician', 'H1', {
      method: 'GET',
      url: '/api/sites?kind=hospital',
    });
    expect(hospitals.json<Page<{ id: string }>>().items.every((s) => s.id.startsWith('H'))).toBe(
      true,
    );
  });

  it('sets and lists travel times', async () => {
    const travelTimes = [
      { fromSiteId: 'BC', toSiteId: 'H1', minutes: 18 },
      { fromSiteId: 'BC', toSiteId: 'H2', minutes: 25 },
    ];
    const put = await h.as('admin', 'BC', {
      method: 'PUT',
      url: '/api/travel-times',
      payload: { travelTimes },
    });
    expect(put.statusCode).toBe(200);
    const list = await h.as('courier', 'H2', { method: 'GET', url: '/api/travel-times?from=BC' });
    expect(list.json<Page<unknown>>().items).toEqual(travelTimes);
    const unknown = await h.as('admin', 'BC', {
      method: 'PUT',
      url: '/api/travel-times',
      payload: { travelTimes: [{ fromSiteId: 'BC', toSiteId: 'NOPE', minutes: 3 }] },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('keeps a time zone per site: Asia/Shanghai by default, a known IANA name when given', async () => {
    const h1 = await h.as('courier', 'H1', { method: 'GET', url: '/api/sites/H1' });
    expect(h1.json()).toMatchObject({ timeZone: 'Asia/Shanghai' });
    const berlin = { ...newSite, id: 'EU1', timeZone: 'europe/berlin' };
    const created = await h.as('admin', 'BC', {
      method: 'POST',
      url: '/api/sites',
      payload: berlin,
    });
    expect(created.json()).toMatchObject({ id: 'EU1', timeZone: 'Europe/Berlin' });
    const read = await h.as('courier', 'H1', { method: 'GET', url: '/api/sites/EU1' });
    expect(read.json()).toMatchObject({ timeZone: 'Europe/Berlin' });
    const unknown = await h.as('admin', 'BC', {
      method: 'POST',
      url: '/api/sites',
      payload: { ...newSite, id: 'X1', timeZone: 'Mars/Olympus_Mons' },
    });
    expect(unknown.statusCode).toBe(400);
    const { error } = unknown.json<{ error: { code: string; message: string } }>();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(/unknown time zone/);
  });
});
