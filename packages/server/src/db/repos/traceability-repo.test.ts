import { beforeAll, expect, it } from 'vitest';
import { recordUnitEvents } from '../../commands/record-unit-events.js';
import { describeDatabases } from '../test-support/databases.js';
import {
  donationFixture,
  HOSPITAL,
  seedSites,
  splitDonationEvents,
  transfuseEvents,
} from '../test-support/unit-events.js';
import { lookbackDonation, lookbackDonor, traceUnit } from './traceability-repo.js';

describeDatabases('traceability', ({ db }) => {
  // One donor, two donations; the first split, its red cells transfused into patient P-100.
  const first = donationFixture(20, 'DONOR-LB');
  const second = donationFixture(21, 'DONOR-LB');
  const other = donationFixture(22);

  beforeAll(async () => {
    await seedSites(db());
    const deps = { db: db() };
    await recordUnitEvents(deps, splitDonationEvents(first));
    await recordUnitEvents(deps, splitDonationEvents(second));
    await recordUnitEvents(deps, splitDonationEvents(other));
    await recordUnitEvents(deps, transfuseEvents(first.components[0], 'P-100', first.group));
  });

  it('traces a transfused component vein to vein', async () => {
    const trace = await traceUnit(db(), first.components[0]);
    expect(trace?.unit).toMatchObject({
      status: 'transfused',
      siteId: HOSPITAL,
      patientId: 'P-100',
    });
    expect(trace?.events.map((e) => e.type)).toEqual([
      'COMPONENT_CREATED',
      'RELEASED',
      'STORED',
      'SHIPPED',
      'RECEIVED',
      'STORED',
      'ISSUED',
      'BEDSIDE_CHECKED',
      'TRANSFUSION_STARTED',
      'TRANSFUSION_ENDED',
    ]);
    const seqs = trace?.events.map((e) => e.seq) ?? [];
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(trace?.events.at(-1)).toMatchObject({ siteId: HOSPITAL, actor: 'nurse-7' });
    expect(trace?.parent).toMatchObject({ din: first.wholeBlood, status: 'processed' });
    expect(trace?.children).toEqual([]);
  });

  it('traces a whole-blood unit to its split children', async () => {
    const trace = await traceUnit(db(), first.wholeBlood);
    expect(trace?.parent).toBeNull();
    expect(trace?.children.map((c) => c.din)).toEqual(first.components);
    expect(await traceUnit(db(), 'G123425999999')).toBeNull();
  });

  it('looks back from a donor to every component, where it is and who received it', async () => {
    const lb = await lookbackDonor(db(), 'DONOR-LB');
    expect(lb.donations.map((d) => d.donationId)).toEqual([first.donationId, second.donationId]);
    expect(lb.components).toHaveLength(8);
    expect(lb.components.find((c) => c.din === first.components[0])).toMatchObject({
      status: 'transfused',
      siteId: HOSPITAL,
      patientId: 'P-100',
    });
    expect(lb.components.find((c) => c.din === second.components[2])).toMatchObject({
      status: 'available',
      locationId: 'C01-FRIDGE-1',
    });
    expect(lb.recipients.map((r) => [r.patientId, r.din, r.event])).toEqual([
      ['P-100', first.components[0], 'ISSUED'],
      ['P-100', first.components[0], 'BEDSIDE_CHECKED'],
      ['P-100', first.components[0], 'TRANSFUSION_STARTED'],
    ]);
  });

  it('looks back from one donation only', async () => {
    const lb = await lookbackDonation(db(), second.donationId);
    expect(lb.components.map((c) => c.din).sort()).toEqual(
      [second.wholeBlood, ...second.components].sort(),
    );
    expect(lb.recipients).toEqual([]);
  });
});
