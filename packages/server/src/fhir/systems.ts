/**
 * Code systems and URIs the facade writes. ISBT 128 URIs follow the HL7 OO incubator MPHO
 * examples (build.fhir.org/ig/HL7/oo-incubator); FHIR code systems are R5's own.
 */
export const systems = {
  productDescriptionCode: 'https://www.isbt128.org/uri/productdescriptioncode',
  donationIdentificationNumber: 'https://www.isbt128.org/uri/donationidentificationnumber',
  productCategory: 'http://hl7.org/fhir/product-category',
  productStatus: 'http://hl7.org/fhir/biologicallyderived-product-status',
  propertyType: 'http://hl7.org/fhir/biologicallyderived-product-property-type-codes',
  ucum: 'http://unitsofmeasure.org',
  snomed: 'http://snomed.info/sct',
  seriousness: 'http://terminology.hl7.org/CodeSystem/adverse-event-seriousness',
  issueType: 'http://hl7.org/fhir/issue-type',
  /** The API's own UPPER_SNAKE error codes, carried in OperationOutcome.issue.details. */
  errorCode: 'urn:hemonet:error-code',
} as const;

/** Where the facade is mounted. */
export const fhirPrefix = '/fhir';

export const fhirJson = 'application/fhir+json; charset=utf-8';

/** A FHIR resource as JSON: resourceType plus whatever the mapper sets. */
export interface FhirResource {
  resourceType: string;
  id?: string;
  [field: string]: unknown;
}

export const reference = (type: string, id: string) => ({ reference: `${type}/${id}` });
