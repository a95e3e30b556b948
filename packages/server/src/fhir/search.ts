import { z } from 'zod';
import { dinSchema } from '../http/routes/units/schema.js';

/** FHIR ids (R5 §2.1.28.0.1 id datatype) widened to every unit key the API uses. */
export const idParams = z.object({ id: dinSchema });

/**
 * Paging and format parameters every search takes. Unknown parameters are refused (strict
 * objects): R5 §3.2.1.5.3 lets a server reject a search it cannot honour fully.
 */
const common = {
  _count: z.coerce.number().int().min(1).max(100).default(50),
  _offset: z.coerce.number().int().min(0).default(0),
  _format: z.enum(['json', 'application/json', 'application/fhir+json']).optional(),
};

/** A token parameter `[system|]code`: the code part. */
const token = z
  .string()
  .min(1)
  .transform((v) => v.slice(v.lastIndexOf('|') + 1))
  .pipe(z.string().min(1));

const productStatus = z.enum(['available', 'unavailable']);

export const productSearch = z
  .strictObject({
    ...common,
    identifier: token.optional(),
    'product-status': productStatus.optional(),
    productStatus: productStatus.optional(),
  })
  .transform(({ 'product-status': dashed, productStatus: camel, ...q }) => ({
    ...q,
    status: dashed ?? camel,
  }));

/** A reference parameter: `Type/id` or a bare id. */
const referenceTo = (type: string) =>
  z
    .string()
    .transform((v) => (v.startsWith(`${type}/`) ? v.slice(type.length + 1) : v))
    .pipe(z.string().regex(/^[A-Za-z0-9:*=.-]{1,64}$/, `not a ${type} reference`));

export const patientSearch = z.strictObject({ ...common, patient: referenceTo('Patient') });

/** Dispenses are searched by exactly one of product or patient. */
export const dispenseSearch = z.union([
  z.strictObject({ ...common, product: referenceTo('BiologicallyDerivedProduct') }),
  z.strictObject({ ...common, patient: referenceTo('Patient') }),
]);

export type Paging = { _count: number; _offset: number };

/** One page of an in-memory list, plus one extra item that tells whether a next page exists. */
export const pageOf = <T>(items: readonly T[], q: Paging): T[] =>
  items.slice(q._offset, q._offset + q._count + 1);
