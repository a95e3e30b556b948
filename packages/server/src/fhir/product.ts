import type { Abo, ComponentClass, RhD, UnitStatus } from '@hemonet/core';
import { reference, systems, type FhirResource } from './systems.js';

/** What the BiologicallyDerivedProduct mapper needs to know of a unit. */
export interface ProductSource {
  din: string;
  status: UnitStatus;
  componentClass: ComponentClass;
  productCode: string;
  abo: Abo;
  rhd: RhD;
  expiresAt: Date;
  donationId: string;
  parentDin: string | null;
  collectedAt: Date;
  division: string;
}

/** Storage range of the unit's class in the jurisdiction; `minC` null for frozen components. */
export interface StorageRange {
  minC: number | null;
  maxC: number;
}

/**
 * Plasma and cryoprecipitate are acellular fluids; whole blood, red cells and platelets are
 * cells (R5 valueset product-category).
 */
const categoryOf = (c: ComponentClass): 'fluid' | 'cells' =>
  c.startsWith('PLASMA') || c.startsWith('CRYO') ? 'fluid' : 'cells';

/** R5 productStatus knows only available | unavailable: everything not in stock is unavailable. */
export const productStatusOf = (s: UnitStatus): 'available' | 'unavailable' =>
  s === 'available' ? 'available' : 'unavailable';

const celsius = (value: number) => ({ value, unit: '°C', system: systems.ucum, code: 'Cel' });

const aborhd = (abo: Abo, rhd: RhD) => ({
  type: { coding: [{ system: systems.propertyType, code: 'aborhd' }] },
  valueCodeableConcept: { text: `${abo} RhD ${rhd === 'pos' ? 'positive' : 'negative'}` },
});

/** A unit as an R5 BiologicallyDerivedProduct (hl7.org/fhir/R5/biologicallyderivedproduct.html). */
export const toBiologicallyDerivedProduct = (
  u: ProductSource,
  storage: StorageRange,
): FhirResource => {
  const dinIdentifier = { system: systems.donationIdentificationNumber, value: u.donationId };
  return {
    resourceType: 'BiologicallyDerivedProduct',
    id: u.din,
    identifier: [dinIdentifier],
    productCategory: { system: systems.productCategory, code: categoryOf(u.componentClass) },
    productCode: {
      coding: [{ system: systems.productDescriptionCode, code: u.productCode }],
      text: u.componentClass,
    },
    ...(u.parentDin ? { parent: [reference('BiologicallyDerivedProduct', u.parentDin)] } : {}),
    biologicalSourceEvent: dinIdentifier,
    division: u.division,
    productStatus: { system: systems.productStatus, code: productStatusOf(u.status) },
    expirationDate: u.expiresAt.toISOString(),
    collection: { collectedDateTime: u.collectedAt.toISOString() },
    storageTempRequirements: {
      ...(storage.minC === null ? {} : { low: celsius(storage.minC) }),
      high: celsius(storage.maxC),
    },
    property: [aborhd(u.abo, u.rhd)],
  };
};
