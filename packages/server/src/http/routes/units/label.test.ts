import { CN_REQUIRED_TESTS } from '@hemonet/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildLabel } from '../../../commands/label.js';
import { setSiteTimeZone } from '../../../db/repos/site-directory-repo.js';
import { describeDatabases } from '../../../db/test-support/databases.js';
import { expectOk } from '../../test-support/chain.js';
import { createHarness, type Harness } from '../../test-support/harness.js';

describeDatabases('release label', ({ db }) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(db());
  });
  afterAll(() => h.close());

  it("prints the expiry in the releasing site's time zone", async () => {
    await setSiteTimeZone(h.deps.db, 'BC', 'America/New_York');
    const din = 'G123417654499';
    const staff = (url: string, payload?: object) =>
      h.as('center_staff', 'BC', { method: 'POST', url, payload });
    const bloodGroup = { abo: 'B', rhd: 'neg' } as const;
    expectOk(await staff('/api/donors', { id: 'D-LABEL', bloodGroup }), 201);
    const donation = { din, donorId: 'D-LABEL', productCode: 'E9001V00', volumeMl: 450 };
    expectOk(await staff('/api/donations', donation), 201);
    expectOk(await staff(`/api/units/${din}/processing`));
    const results = CN_REQUIRED_TESTS.map((test) => ({ test, result: 'negative' }));
    expectOk(await staff(`/api/units/${din}/test-results`, { results }));
    const components = [{ productCode: 'E9010V00', volumeMl: 280 }];
    expectOk(await staff(`/api/units/${din}/split`, { components }));
    const released = await staff(`/api/units/${din}-E9010V00/release`);
    expectOk(released);
    const unit = await h.as('center_staff', 'BC', {
      method: 'GET',
      url: `/api/units/${din}-E9010V00`,
    });
    const { expiresAt } = unit.json<{ expiresAt: string }>();
    const labelled = { din, productCode: 'E9010V00', bloodGroup, expiresAt: new Date(expiresAt) };
    const { label } = released.json<{ label: { expiration: string } }>();
    expect(label.expiration).toBe(buildLabel(labelled, 'America/New_York')?.expiration);
    expect(label.expiration).not.toBe(buildLabel(labelled, 'Asia/Shanghai')?.expiration);
  });
});
