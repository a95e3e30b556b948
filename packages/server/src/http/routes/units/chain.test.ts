import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDatabases } from '../../../db/test-support/databases.js';
import { verifyLedger } from '../../../ledger/verify.js';
import { availableRedCells, deliver, expectOk, typedPatient } from '../../test-support/chain.js';
import { createHarness, type Harness } from '../../test-support/harness.js';

describeDatabases('vein to vein over HTTP', ({ db }) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(db());
    expectOk(
      await h.as('admin', 'BC', {
        method: 'POST',
        url: '/api/locations',
        payload: { id: 'BC-F1', siteId: 'BC', name: 'Issue fridge', kind: 'fridge' },
      }),
      201,
    );
    expectOk(
      await h.as('admin', 'H1', {
        method: 'POST',
        url: '/api/locations',
        payload: { id: 'H1-F1', siteId: 'H1', name: 'Blood bank fridge', kind: 'fridge' },
      }),
      201,
    );
  });
  afterAll(() => h.close());

  it('walks a unit from collection to transfusion, and the ledger verifies', async () => {
    const rc = await availableRedCells(h, 'G123417654321');
    expectOk(
      await h.as('center_staff', 'BC', {
        method: 'POST',
        url: `/api/units/${rc}/store`,
        payload: { locationId: 'BC-F1' },
      }),
    );
    // Receipt by scanning the bag: DS001 DIN then DS003 product code.
    const shipped = await h.as('center_staff', 'BC', {
      method: 'POST',
      url: '/api/shipments',
      payload: { toSiteId: 'H1', dins: [rc] },
    });
    expectOk(shipped, 201);
    const { id: shipmentId } = shipped.json<{ id: string }>();
    const receipt = await h.as('hospital_blood_bank', 'H1', {
      method: 'POST',
      url: `/api/shipments/${shipmentId}/receipt`,
      payload: { scans: ['=G12341765432100=<E9010V00'] },
    });
    expectOk(receipt);
    expect(receipt.json()).toMatchObject({ status: 'received' });
    const bb = (url: string, payload: object) =>
      h.as('hospital_blood_bank', 'H1', { method: 'POST', url, payload });
    expectOk(await bb(`/api/units/${rc}/store`, { locationId: 'H1-F1' }));
    const patientId = await typedPatient(h, 'H1', 'MRN-100');
    const until = new Date(Date.now() + 86_400_000).toISOString();
    expectOk(await bb('/api/reservations', { patientId, dins: [rc], until }), 201);
    expectOk(await bb(`/api/units/${rc}/issue`, { patientId }));
    const nurse = (url: string, payload: object) =>
      h.as('clinician', 'H1', { method: 'POST', url, payload });
    expectOk(await nurse('/api/bedside-checks', { din: rc, patientId }));
    expectOk(await nurse(`/api/units/${rc}/transfusion-start`, { patientId }));
    expectOk(await nurse(`/api/units/${rc}/transfusion-end`, { volumeMl: 280 }));
    const reaction = await nurse('/api/reactions', {
      din: rc,
      reactionType: 'febrile non-haemolytic',
      severity: 'non-severe',
      imputability: 1,
    });
    expectOk(reaction, 201);
    expect(reaction.json()).toMatchObject({ supplierSiteId: 'BC' });

    const trace = await h.as('hospital_blood_bank', 'H1', {
      method: 'GET',
      url: `/api/units/${rc}/trace`,
    });
    expectOk(trace);
    const body = trace.json<{
      collection: { type: string }[];
      events: { type: string; actor: string }[];
      parent: { din: string };
    }>();
    expect(body.events.map((e) => e.type)).toEqual([
      'COMPONENT_CREATED',
      'RELEASED',
      'STORED',
      'SHIPPED',
      'RECEIVED',
      'STORED',
      'RESERVED',
      'ISSUED',
      'BEDSIDE_CHECKED',
      'TRANSFUSION_STARTED',
      'TRANSFUSION_ENDED',
      'REACTION_REPORTED',
    ]);
    expect(body.events.every((e) => e.actor.length > 0)).toBe(true);
    expect(body.parent.din).toBe('G123417654321');
    expect(body.collection.map((e) => e.type).slice(0, 2)).toEqual([
      'COLLECTED',
      'PROCESSING_STARTED',
    ]);
    const notes = await h.as('center_staff', 'BC', {
      method: 'GET',
      url: '/api/notifications?kind=ADVERSE_REACTION',
    });
    expect(notes.json<{ items: unknown[] }>().items).toHaveLength(1);
    expect((await verifyLedger(db())).ok).toBe(true);
  });

  it('refuses a bedside check with the wrong patient and records a near miss', async () => {
    const rc = await availableRedCells(h, 'G123417654322');
    await deliver(h, [rc], 'H1');
    const right = await typedPatient(h, 'H1', 'MRN-200');
    const wrong = await typedPatient(h, 'H1', 'MRN-201');
    expectOk(
      await h.as('hospital_blood_bank', 'H1', {
        method: 'POST',
        url: `/api/units/${rc}/issue`,
        payload: { patientId: right },
      }),
    );
    const { lastSeq } = await ledgerLength(h);
    const refused = await h.as('clinician', 'H1', {
      method: 'POST',
      url: '/api/bedside-checks',
      payload: { din: rc, patientId: wrong },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('PATIENT_MISMATCH');
    const wrongUnit = await h.as('clinician', 'H1', {
      method: 'POST',
      url: '/api/bedside-checks',
      payload: { din: 'G123417654399', patientId: right },
    });
    expect(wrongUnit.statusCode).toBe(404);
    expect((await ledgerLength(h)).lastSeq).toBe(lastSeq);
    const misses = await h.as('clinician', 'H1', { method: 'GET', url: '/api/near-misses' });
    const items = misses.json<{
      items: { din: string; patientId: string; expectedPatientId: string | null }[];
    }>().items;
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ din: rc, patientId: wrong, expectedPatientId: right }),
        expect.objectContaining({ din: 'G123417654399', patientId: right }),
      ]),
    );
  });

  it('keeps patients and patient-linked units within their hospital', async () => {
    const rc = await availableRedCells(h, 'G123417654323');
    await deliver(h, [rc], 'H1');
    const patientId = await typedPatient(h, 'H1', 'MRN-300');
    const until = new Date(Date.now() + 86_400_000).toISOString();
    expectOk(
      await h.as('hospital_blood_bank', 'H1', {
        method: 'POST',
        url: '/api/reservations',
        payload: { patientId, dins: [rc], until },
      }),
      201,
    );
    for (const url of [
      `/api/patients/${patientId}`,
      `/api/units/${rc}`,
      `/api/units/${rc}/trace`,
    ]) {
      expect(
        (await h.as('hospital_blood_bank', 'H2', { method: 'GET', url })).statusCode,
        url,
      ).toBe(403);
      expect((await h.as('auditor', 'H2', { method: 'GET', url })).statusCode, url).toBe(200);
    }
    const h2List = await h.as('hospital_blood_bank', 'H2', {
      method: 'GET',
      url: '/api/units?limit=500',
    });
    expect(h2List.json<{ items: { din: string }[] }>().items.map((u) => u.din)).not.toContain(rc);
    const release = await h.as('hospital_blood_bank', 'H2', {
      method: 'POST',
      url: `/api/units/${rc}/reservation-release`,
    });
    expect(release.statusCode).toBe(403);
  });

  it('runs a lookback: holds in-date components wherever they are and notifies their sites', async () => {
    const rc = await availableRedCells(h, 'G123417654324');
    await deliver(h, [rc], 'H2');
    const res = await h.as('center_staff', 'BC', {
      method: 'POST',
      url: '/api/lookbacks',
      payload: { donationId: 'G123417654324', reason: 'donor anti-HCV reactive' },
    });
    expectOk(res, 201);
    const body = res.json<{ held: string[]; notifiedSites: string[] }>();
    expect(body.held.sort()).toEqual([rc, 'G123417654324-E9030V00'].sort());
    expect(body.notifiedSites).toEqual(['BC', 'H2']);
    const unit = await h.as('hospital_blood_bank', 'H2', {
      method: 'GET',
      url: `/api/units/${rc}`,
    });
    expect(unit.json()).toMatchObject({ status: 'held' });
    const notes = await h.as('hospital_blood_bank', 'H2', {
      method: 'GET',
      url: '/api/notifications?kind=LOOKBACK',
    });
    expect(
      notes.json<{ items: { body: { heldUnits: string[] } }[] }>().items[0]?.body.heldUnits,
    ).toEqual([rc]);
    expect((await verifyLedger(db())).ok).toBe(true);
  });
});

const ledgerLength = async (h: Harness) => {
  const { rows } = await h.deps.db.query<{ lastSeq: number }>(
    'SELECT last_seq AS "lastSeq" FROM ledger_head',
  );
  return { lastSeq: Number(rows[0]?.lastSeq) };
};
