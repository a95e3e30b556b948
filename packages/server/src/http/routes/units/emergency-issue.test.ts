import { afterAll, beforeAll, expect, it } from 'vitest';
import { listAudit } from '../../../db/repos/audit-repo.js';
import { describeDatabases } from '../../../db/test-support/databases.js';
import { verifyLedger } from '../../../ledger/verify.js';
import { availableRedCells, deliver, expectOk } from '../../test-support/chain.js';
import { createHarness, type Harness } from '../../test-support/harness.js';

const errorCode = (res: { json: <T>() => T }) => res.json<{ error: { code: string } }>().error.code;

describeDatabases('emergency release to a patient of unknown group', ({ db }) => {
  let h: Harness;
  let oNeg: string;
  let oPos: string;
  let patientId: string;
  /** The ordering physician: a clinician of H1 (created by logging in). */
  const clinician = 'clinician.h1';
  const issue = (din: string, payload: object) =>
    h.as('hospital_blood_bank', 'H1', { method: 'POST', url: `/api/units/${din}/issue`, payload });
  const signature = { orderedBy: clinician, statement: 'Haemorrhagic shock, cannot wait' };

  beforeAll(async () => {
    h = await createHarness(db());
    await h.token('clinician', 'H1');
    oNeg = await availableRedCells(h, 'G123417655001', { abo: 'O', rhd: 'neg' });
    oPos = await availableRedCells(h, 'G123417655002', { abo: 'O', rhd: 'pos' });
    await deliver(h, [oNeg, oPos], 'H1');
    // A woman of 30 with no blood group on record: RhD-negative only (child-bearing potential).
    const created = await h.as('hospital_blood_bank', 'H1', {
      method: 'POST',
      url: '/api/patients',
      payload: { mrn: 'MRN-ER-1', sex: 'female', birthYear: new Date().getUTCFullYear() - 30 },
    });
    expectOk(created, 201);
    patientId = created.json<{ id: string }>().id;
  });
  afterAll(() => h.close());

  it('refuses a routine issue without typing with PATIENT_GROUP_REQUIRED', async () => {
    const res = await issue(oNeg, { patientId });
    expect(res.statusCode, res.body).toBe(422);
    expect(errorCode(res)).toBe('PATIENT_GROUP_REQUIRED');
  });

  it('requires the signed request for, and only for, an emergency', async () => {
    const unsigned = await issue(oNeg, { patientId, emergency: true });
    expect(unsigned.statusCode, unsigned.body).toBe(400);
    const signedRoutine = await issue(oNeg, { patientId, signature });
    expect(signedRoutine.statusCode, signedRoutine.body).toBe(400);
    const byBloodBank = { ...signature, orderedBy: 'hospital_blood_bank.h1' };
    const wrongSigner = await issue(oNeg, { patientId, emergency: true, signature: byBloodBank });
    expect(wrongSigner.statusCode, wrongSigner.body).toBe(422);
    expect(errorCode(wrongSigner)).toBe('SIGNATURE_INVALID');
    const nobody = { ...signature, orderedBy: 'nobody.h1' };
    const unknownSigner = await issue(oNeg, { patientId, emergency: true, signature: nobody });
    expect(errorCode(unknownSigner)).toBe('USER_NOT_FOUND');
  });

  it('refuses O RhD-positive red cells to her as INCOMPATIBLE', async () => {
    const res = await issue(oPos, { patientId, emergency: true, signature });
    expect(res.statusCode, res.body).toBe(422);
    expect(errorCode(res)).toBe('INCOMPATIBLE');
  });

  it('issues O RhD-negative red cells and records who signed, with the event', async () => {
    const res = await issue(oNeg, { patientId, emergency: true, signature });
    expectOk(res);
    const [issued] = res.json<{ events: { seq: number; type: string }[] }>().events;
    expect(issued?.type).toBe('ISSUED');
    const trace = await h.as('hospital_blood_bank', 'H1', {
      method: 'GET',
      url: `/api/units/${oNeg}/trace`,
    });
    const event = trace
      .json<{ events: { seq: number; payload: Record<string, unknown> }[] }>()
      .events.find((e) => e.seq === issued?.seq);
    expect(event?.payload).toMatchObject({ patientId, emergency: true });
    expect(event?.payload).not.toHaveProperty('patientGroup');
    const audit = await listAudit(h.deps.db, {
      entity: 'unit',
      limit: 10,
      offset: 0,
      order: 'asc',
    });
    expect(audit.filter((a) => a.entityId === oNeg)).toEqual([
      expect.objectContaining({
        action: 'EMERGENCY_RELEASE_SIGNED',
        actor: 'hospital_blood_bank.h1',
        details: {
          patientId,
          patientGroupKnown: false,
          seq: issued?.seq,
          orderedBy: clinician,
          statement: signature.statement,
        },
      }),
    ]);
    expect(await verifyLedger(h.deps.db)).toMatchObject({ ok: true });
  });
});
