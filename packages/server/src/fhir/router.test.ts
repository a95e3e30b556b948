import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Role } from '../auth/roles.js';
import { describeDatabases } from '../db/test-support/databases.js';
import { availableRedCells, deliver, expectOk, typedPatient } from '../http/test-support/chain.js';
import { createHarness, type Harness } from '../http/test-support/harness.js';
import { outcomeCode } from './outcome.js';

interface Bundle {
  resourceType: string;
  type: string;
  link: { relation: string; url: string }[];
  entry: { fullUrl: string; resource: Record<string, unknown> }[];
}

describeDatabases('FHIR R5 facade', ({ db }) => {
  let h: Harness;
  let transfused: string;
  let inStock: string;
  let patientId: string;
  const get = (url: string, as: readonly [Role, string] = ['hospital_blood_bank', 'H1']) =>
    h.as(as[0], as[1], { method: 'GET', url });

  beforeAll(async () => {
    h = await createHarness(db());
    transfused = await availableRedCells(h, 'G123417654321', { abo: 'A', rhd: 'neg' });
    inStock = await availableRedCells(h, 'G123417654322');
    await deliver(h, [transfused], 'H1');
    patientId = await typedPatient(h, 'H1', 'MRN-F1', { abo: 'A', rhd: 'neg' });
    const post = (role: 'hospital_blood_bank' | 'clinician', url: string, payload: object) =>
      h.as(role, 'H1', { method: 'POST', url, payload });
    const until = new Date(Date.now() + 86_400_000).toISOString();
    expectOk(
      await post('hospital_blood_bank', '/api/reservations', {
        patientId,
        dins: [transfused],
        until,
      }),
      201,
    );
    expectOk(await post('hospital_blood_bank', `/api/units/${transfused}/issue`, { patientId }));
    expectOk(await post('clinician', '/api/bedside-checks', { din: transfused, patientId }));
    expectOk(await post('clinician', `/api/units/${transfused}/transfusion-start`, { patientId }));
    expectOk(
      await post('clinician', `/api/units/${transfused}/transfusion-end`, { volumeMl: 280 }),
    );
    const reaction = await post('clinician', '/api/reactions', {
      din: transfused,
      reactionType: 'allergic',
      severity: 'severe',
      imputability: 2,
    });
    expectOk(reaction, 201);
  });
  afterAll(() => h.close());

  it('serves its CapabilityStatement without a token', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/fhir/metadata' });
    expectOk(res);
    expect(res.headers['content-type']).toContain('application/fhir+json');
    expect(res.json()).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '5.0.0' });
  });

  it('reads a unit as a BiologicallyDerivedProduct with its storage range', async () => {
    const res = await get(`/fhir/BiologicallyDerivedProduct/${inStock}`, ['courier', 'H2']);
    expectOk(res);
    expect(res.headers['content-type']).toContain('application/fhir+json');
    expect(res.json()).toMatchObject({
      resourceType: 'BiologicallyDerivedProduct',
      id: inStock,
      productCode: { coding: [{ code: 'E9010V00' }] },
      biologicalSourceEvent: { value: 'G123417654322' },
      parent: [{ reference: 'BiologicallyDerivedProduct/G123417654322' }],
      productStatus: { code: 'available' },
      storageTempRequirements: { low: { value: 2 }, high: { value: 6 } },
    });
  });

  it('answers unknown ids, other sites and bad searches with an OperationOutcome', async () => {
    const unknown = await get('/fhir/BiologicallyDerivedProduct/G999999999999');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ code: 'not-found' }],
    });
    const other = await get(`/fhir/BiologicallyDerivedProduct/${transfused}`, [
      'hospital_blood_bank',
      'H2',
    ]);
    expect(other.statusCode).toBe(403);
    expect(outcomeCode(other.json())).toBe('FORBIDDEN_SITE');
    const bad = await get('/fhir/BiologicallyDerivedProduct?colour=red');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ issue: [{ code: 'invalid' }] });
    const noToken = await h.app.inject({ method: 'GET', url: '/fhir/Procedure?patient=x' });
    expect(noToken.statusCode).toBe(401);
    expect(noToken.json()).toMatchObject({ issue: [{ code: 'login' }] });
    const noRoute = await get('/fhir/Observation');
    expect(noRoute.statusCode).toBe(404);
    expect(noRoute.json()).toMatchObject({ resourceType: 'OperationOutcome' });
  });

  it('searches by DIN, status and pages with _count', async () => {
    const byDin = await get(
      '/fhir/BiologicallyDerivedProduct?identifier=https://www.isbt128.org/uri/donationidentificationnumber|G123417654322',
    );
    const ids = byDin.json<Bundle>().entry.map((e) => e.resource.id);
    expect(ids).toEqual(['G123417654322', 'G123417654322-E9010V00', 'G123417654322-E9030V00']);
    const available = await get('/fhir/BiologicallyDerivedProduct?productStatus=available');
    expect(available.json<Bundle>().entry.map((e) => e.resource.id)).toEqual([inStock]);
    const first = (await get('/fhir/BiologicallyDerivedProduct?_count=2')).json<Bundle>();
    expect(first).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
    expect(first.entry).toHaveLength(2);
    const next = first.link.find((l) => l.relation === 'next');
    expect(next?.url).toContain('_offset=2');
    const nextUrl = new URL(next?.url ?? 'http://missing');
    const second = (await get(nextUrl.pathname + nextUrl.search)).json<Bundle>();
    const seen = first.entry.map((e) => e.resource.id);
    expect(second.entry.length).toBeGreaterThan(0);
    for (const e of second.entry) expect(seen).not.toContain(e.resource.id);
  });

  it('hides patient-linked units of another site from search', async () => {
    const h2 = await get('/fhir/BiologicallyDerivedProduct?identifier=G123417654321', [
      'hospital_blood_bank',
      'H2',
    ]);
    expect(h2.json<Bundle>().entry.map((e) => e.resource.id)).not.toContain(transfused);
    const auditor = await get('/fhir/BiologicallyDerivedProduct?identifier=G123417654321', [
      'auditor',
      'H2',
    ]);
    expect(auditor.json<Bundle>().entry.map((e) => e.resource.id)).toContain(transfused);
  });

  it("lists a patient's dispense, transfusion and reaction, and refuses another site", async () => {
    const dispenses = (
      await get(`/fhir/BiologicallyDerivedProductDispense?patient=Patient/${patientId}`)
    ).json<Bundle>();
    expect(dispenses.entry).toHaveLength(1);
    expect(dispenses.entry[0]?.resource).toMatchObject({
      status: 'issued',
      matchStatus: { coding: [{ code: 'crossmatched' }] },
      product: { reference: `BiologicallyDerivedProduct/${transfused}` },
    });
    const byProduct = (
      await get(`/fhir/BiologicallyDerivedProductDispense?product=${transfused}`)
    ).json<Bundle>();
    expect(byProduct.entry).toHaveLength(1);
    const procedures = (
      await get(`/fhir/Procedure?patient=${patientId}`, ['clinician', 'H1'])
    ).json<Bundle>();
    expect(procedures.entry.map((e) => e.resource)).toEqual([
      expect.objectContaining({
        status: 'completed',
        used: [{ reference: { reference: `BiologicallyDerivedProduct/${transfused}` } }],
      }),
    ]);
    const events = (
      await get(`/fhir/AdverseEvent?patient=${patientId}`, ['auditor', 'BC'])
    ).json<Bundle>();
    expect(events.entry.map((e) => e.resource)).toEqual([
      expect.objectContaining({ resourceType: 'AdverseEvent', code: { text: 'allergic' } }),
    ]);
    const otherSite = await get(`/fhir/Procedure?patient=${patientId}`, ['clinician', 'H2']);
    expect(otherSite.statusCode).toBe(403);
    const hiddenIssues = (
      await get(`/fhir/BiologicallyDerivedProductDispense?product=${transfused}`, [
        'hospital_blood_bank',
        'H2',
      ])
    ).json<Bundle>();
    expect(hiddenIssues.entry).toEqual([]);
  });
});
