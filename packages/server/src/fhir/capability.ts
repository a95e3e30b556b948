import type { FhirResource } from './systems.js';

interface SearchParam {
  name: string;
  type: 'token' | 'reference' | 'number';
  documentation: string;
}

interface SupportedResource {
  type: string;
  read: boolean;
  searchParam: SearchParam[];
}

const paging: SearchParam[] = [
  { name: '_count', type: 'number', documentation: 'Page size, 1–100 (default 50)' },
  { name: '_offset', type: 'number', documentation: 'Entries to skip (the next link sets it)' },
];

const patientParam: SearchParam = {
  name: 'patient',
  type: 'reference',
  documentation: 'Patient/{id} or {id}; required. Patients of your own site only (auditors: all)',
};

/** What the facade serves; the CapabilityStatement and the docs are built from this list. */
export const supportedResources: readonly SupportedResource[] = [
  {
    type: 'BiologicallyDerivedProduct',
    read: true,
    searchParam: [
      {
        name: 'identifier',
        type: 'token',
        documentation: 'DIN (13 characters: every component of the donation) or unit key',
      },
      {
        name: 'product-status',
        type: 'token',
        documentation: 'available | unavailable (alias productStatus)',
      },
      ...paging,
    ],
  },
  {
    type: 'BiologicallyDerivedProductDispense',
    read: false,
    searchParam: [
      {
        name: 'product',
        type: 'reference',
        documentation: 'BiologicallyDerivedProduct/{id} or {id}; one of product or patient',
      },
      { ...patientParam, documentation: 'Patient/{id} or {id}; one of product or patient' },
      ...paging,
    ],
  },
  { type: 'Procedure', read: false, searchParam: [patientParam, ...paging] },
  { type: 'AdverseEvent', read: false, searchParam: [patientParam, ...paging] },
];

/** R5 CapabilityStatement (hl7.org/fhir/R5/capabilitystatement.html): a read-only JSON server. */
export const capabilityStatement = (date: Date): FhirResource => ({
  resourceType: 'CapabilityStatement',
  status: 'active',
  date: date.toISOString(),
  kind: 'instance',
  software: { name: 'Hemonet' },
  implementation: { description: 'Hemonet read-only FHIR R5 facade' },
  fhirVersion: '5.0.0',
  format: ['json'],
  rest: [
    {
      mode: 'server',
      security: {
        description:
          'Authorization: Bearer <token> from POST /api/session; patient-linked data of your own site only',
      },
      resource: supportedResources.map((r) => ({
        type: r.type,
        interaction: [...(r.read ? [{ code: 'read' }] : []), { code: 'search-type' }],
        searchParam: r.searchParam,
      })),
    },
  ],
});
