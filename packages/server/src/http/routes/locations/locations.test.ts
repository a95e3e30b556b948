import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDatabases } from '../../../db/test-support/databases.js';
import { createHarness, type Harness } from '../../test-support/harness.js';

describeDatabases('storage locations', ({ db }) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(db());
  });
  afterAll(() => h.close());

  it('lets a site admin add locations to its own site only', async () => {
    const fridge = { id: 'H1-F9', siteId: 'H1', name: 'Theatre fridge', kind: 'fridge' };
    expect(
      (await h.as('admin', 'H2', { method: 'POST', url: '/api/locations', payload: fridge }))
        .statusCode,
    ).toBe(403);
    expect(
      (await h.as('admin', 'H1', { method: 'POST', url: '/api/locations', payload: fridge }))
        .statusCode,
    ).toBe(201);
    const dup = await h.as('admin', 'H1', {
      method: 'POST',
      url: '/api/locations',
      payload: fridge,
    });
    expect(dup.statusCode).toBe(409);
    const list = await h.as('clinician', 'H2', {
      method: 'GET',
      url: '/api/locations?site=H1&kind=fridge',
    });
    expect(list.json<{ items: unknown[] }>().items).toEqual([fridge]);
    const one = await h.as('clinician', 'H2', { method: 'GET', url: '/api/locations/H1-F9' });
    expect(one.json()).toEqual(fridge);
  });

  it('lets a center admin equip any site, and records who did it', async () => {
    const box = { id: 'H2-BOX1', siteId: 'H2', name: 'Transport box', kind: 'transport_box' };
    expect(
      (await h.as('admin', 'BC', { method: 'POST', url: '/api/locations', payload: box }))
        .statusCode,
    ).toBe(201);
    const audit = await h.as('auditor', 'H1', {
      method: 'GET',
      url: '/api/audit?entity=storage_location',
    });
    expect(audit.json<{ items: { actor: string; entityId: string }[] }>().items[0]).toMatchObject({
      actor: 'admin.bc',
      entityId: 'H2-BOX1',
    });
  });
});
