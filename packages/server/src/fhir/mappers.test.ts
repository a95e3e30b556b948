import { describe, expect, it } from 'vitest';
import { searchsetBundle } from './bundle.js';
import { capabilityStatement } from './capability.js';
import { toAdverseEvent, toDispenses, toProcedures, type UnitEventRecord } from './clinical.js';
import { operationOutcome, outcomeCode } from './outcome.js';
import { toBiologicallyDerivedProduct, type ProductSource } from './product.js';
import { storageRangeOf } from './product-routes.js';

const redCells: ProductSource = {
  din: 'G123417654321-E9010V00',
  status: 'available',
  componentClass: 'RED_CELLS',
  productCode: 'E9010V00',
  abo: 'O',
  rhd: 'neg',
  expiresAt: new Date('2026-12-01T00:00:00Z'),
  donationId: 'G123417654321',
  parentDin: 'G123417654321',
  collectedAt: new Date('2026-11-01T08:00:00Z'),
  division: '00',
};

let seq = 0;
const ev = (type: string, at: string, payload: Record<string, unknown> = {}): UnitEventRecord => ({
  seq: ++seq,
  din: redCells.din,
  type,
  at: new Date(at),
  siteId: 'H1',
  payload,
});

describe('BiologicallyDerivedProduct', () => {
  it('maps a red-cell unit with ISBT 128 codes, its parent and its storage range', () => {
    const r = toBiologicallyDerivedProduct(redCells, { minC: 2, maxC: 6 });
    expect(r).toMatchObject({
      resourceType: 'BiologicallyDerivedProduct',
      id: redCells.din,
      productCategory: { code: 'cells' },
      productCode: {
        coding: [
          { system: 'https://www.isbt128.org/uri/productdescriptioncode', code: 'E9010V00' },
        ],
      },
      biologicalSourceEvent: {
        system: 'https://www.isbt128.org/uri/donationidentificationnumber',
        value: 'G123417654321',
      },
      parent: [{ reference: 'BiologicallyDerivedProduct/G123417654321' }],
      division: '00',
      productStatus: { code: 'available' },
      expirationDate: '2026-12-01T00:00:00.000Z',
      collection: { collectedDateTime: '2026-11-01T08:00:00.000Z' },
      storageTempRequirements: { low: { value: 2, code: 'Cel' }, high: { value: 6, code: 'Cel' } },
      property: [
        {
          type: { coding: [{ code: 'aborhd' }] },
          valueCodeableConcept: { text: 'O RhD negative' },
        },
      ],
    });
  });

  it('calls plasma a fluid, anything out of stock unavailable, and a donation has no parent', () => {
    const plasma = { ...redCells, componentClass: 'PLASMA' as const, status: 'issued' as const };
    const r = toBiologicallyDerivedProduct(
      { ...plasma, parentDin: null },
      { minC: null, maxC: -18 },
    );
    expect(r).toMatchObject({
      productCategory: { code: 'fluid' },
      productStatus: { code: 'unavailable' },
    });
    expect(r.parent).toBeUndefined();
    expect(r.storageTempRequirements).toEqual({
      high: { value: -18, unit: '°C', system: 'http://unitsofmeasure.org', code: 'Cel' },
    });
  });

  it('takes storage ranges from the jurisdiction profile, frozen ones without a lower limit', () => {
    expect(storageRangeOf('RED_CELLS', { jurisdiction: 'US' })).toEqual({ minC: 1, maxC: 6 });
    expect(storageRangeOf('PLATELETS', {})).toEqual({ minC: 20, maxC: 24 });
    expect(storageRangeOf('PLASMA', { jurisdiction: 'EU' })).toEqual({ minC: null, maxC: -25 });
  });
});

describe('BiologicallyDerivedProductDispense', () => {
  const reserved = ev('RESERVED', '2026-11-02T08:00:00Z', { patientId: 'P1' });
  const issued = ev('ISSUED', '2026-11-02T09:00:00Z', { patientId: 'P1', emergency: false });
  const returned = ev('RETURNED_TO_STOCK', '2026-11-02T09:20:00Z', { minutesOutOfStorage: 20 });
  const reissued = ev('ISSUED', '2026-11-03T09:00:00Z', { patientId: 'P2', emergency: true });

  it('maps each issue: crossmatched after a reservation, returned when back in stock', () => {
    const [first, second] = toDispenses([reserved, issued, returned, reissued]);
    expect(first).toMatchObject({
      resourceType: 'BiologicallyDerivedProductDispense',
      id: `issue-${issued.seq}`,
      status: 'returned',
      product: { reference: `BiologicallyDerivedProduct/${redCells.din}` },
      patient: { reference: 'Patient/P1' },
      matchStatus: { coding: [{ code: 'crossmatched' }] },
      whenHandedOver: '2026-11-02T09:00:00.000Z',
    });
    expect(second).toMatchObject({
      status: 'issued',
      matchStatus: { coding: [{ code: 'unmatched' }] },
    });
  });

  it('calls an issue without reservation selected, and filters by patient', () => {
    const plain = toDispenses([ev('ISSUED', '2026-11-02T09:00:00Z', { patientId: 'P3' })]);
    expect(plain[0]).toMatchObject({ matchStatus: { coding: [{ code: 'selected' }] } });
    expect(toDispenses([reserved, issued, returned, reissued], 'P2')).toHaveLength(1);
  });
});

describe('Procedure', () => {
  it('maps a finished transfusion with the product used, and one still running', () => {
    const started = ev('TRANSFUSION_STARTED', '2026-11-02T10:00:00Z', { patientId: 'P1' });
    const ended = ev('TRANSFUSION_ENDED', '2026-11-02T12:00:00Z', { volumeMl: 280 });
    const [done] = toProcedures([started, ended]);
    expect(done).toMatchObject({
      resourceType: 'Procedure',
      status: 'completed',
      code: { coding: [{ system: 'http://snomed.info/sct', code: '116859006' }] },
      subject: { reference: 'Patient/P1' },
      occurrencePeriod: { start: '2026-11-02T10:00:00.000Z', end: '2026-11-02T12:00:00.000Z' },
      used: [{ reference: { reference: `BiologicallyDerivedProduct/${redCells.din}` } }],
    });
    expect(toProcedures([started])[0]).toMatchObject({ status: 'in-progress' });
    expect(toProcedures([started], 'P9')).toEqual([]);
  });
});

describe('AdverseEvent', () => {
  it('maps a reaction as an actual event with the unit as suspect', () => {
    const r = toAdverseEvent({
      id: '11111111-1111-4111-8111-111111111111',
      din: redCells.din,
      patientId: 'P1',
      siteId: 'H1',
      supplierSiteId: 'BC',
      reactionType: 'allergic',
      severity: 'severe',
      imputability: 2,
      description: 'urticaria',
      reportedAt: new Date('2026-11-02T12:30:00Z'),
      reportedBy: 'nurse',
    });
    expect(r).toMatchObject({
      resourceType: 'AdverseEvent',
      status: 'completed',
      actuality: 'actual',
      subject: { reference: 'Patient/P1' },
      seriousness: { coding: [{ code: 'serious' }], text: 'severe' },
      suspectEntity: [
        { instance: { reference: { reference: `BiologicallyDerivedProduct/${redCells.din}` } } },
      ],
      note: [{ text: 'urticaria' }],
    });
  });
});

describe('Bundle, OperationOutcome and CapabilityStatement', () => {
  it('links the next page only when one more entry was fetched', () => {
    const resources = [1, 2, 3].map((n) => ({ resourceType: 'Procedure', id: `p${n}` }));
    const self = new URL('http://x/fhir/Procedure?patient=P1&_count=2');
    const bundle = searchsetBundle('http://x/fhir', self, resources, { count: 2, offset: 0 });
    expect(bundle.entry).toHaveLength(2);
    expect(bundle.link).toEqual([
      { relation: 'self', url: self.toString() },
      { relation: 'next', url: 'http://x/fhir/Procedure?patient=P1&_count=2&_offset=2' },
    ]);
    const last = searchsetBundle('http://x/fhir', self, resources.slice(0, 2), {
      count: 2,
      offset: 0,
    });
    expect(last.link).toHaveLength(1);
  });

  it('carries the API error code in an OperationOutcome of the right issue type', () => {
    const o = operationOutcome(404, 'UNIT_NOT_FOUND', 'no unit X');
    expect(o).toMatchObject({ issue: [{ severity: 'error', code: 'not-found' }] });
    expect(outcomeCode(o)).toBe('UNIT_NOT_FOUND');
    expect(outcomeCode({ error: { code: 'X' } })).toBeNull();
    expect(operationOutcome(403, 'FORBIDDEN', 'no')).toMatchObject({
      issue: [{ code: 'forbidden' }],
    });
  });

  it('declares FHIR 5.0.0, JSON, and every resource with its search parameters', () => {
    const c = capabilityStatement(new Date('2026-11-24T00:00:00Z'));
    expect(c).toMatchObject({ fhirVersion: '5.0.0', format: ['json'], kind: 'instance' });
    const rest = (c.rest as { resource: { type: string; searchParam: { name: string }[] }[] }[])[0];
    expect(rest?.resource.map((r) => r.type)).toEqual([
      'BiologicallyDerivedProduct',
      'BiologicallyDerivedProductDispense',
      'Procedure',
      'AdverseEvent',
    ]);
    expect(rest?.resource[0]?.searchParam.map((p) => p.name)).toContain('identifier');
  });
});
