import { z } from 'zod';
import { componentClassSchema, type ComponentClass } from '../components/component-class.js';
import { DomainError } from '../errors.js';

/**
 * The product-description table maps each ISBT 128 Product Description Code (PDC) to its text and
 * to a Hemonet component class. The authoritative table is licensed ICCBBA data (ST-001; PDC
 * database): deployments load their licensed copy. The repository ships only an illustrative
 * example (packages/core/data/product-descriptions.example.json), which is NOT authoritative.
 */
export const productDescriptionSchema = z.object({
  code: z.string().regex(/^[EF][0-9]{4}$/, 'a PDC is E or F followed by four digits'),
  description: z.string().min(1),
  componentClass: componentClassSchema,
});
export type ProductDescription = z.infer<typeof productDescriptionSchema>;

export const productTableFileSchema = z.object({
  notice: z.string().optional(),
  source: z.string().optional(),
  products: z.array(productDescriptionSchema).min(1),
});

export type ProductTable = ReadonlyMap<string, ProductDescription>;

/** Parses a product table (already JSON-decoded); duplicate codes are an error. */
export const loadProductTable = (json: unknown): ProductTable => {
  const parsed = productTableFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new DomainError('PRODUCT_TABLE_INVALID', z.prettifyError(parsed.error), {
      issues: parsed.error.issues,
    });
  }
  const table = new Map<string, ProductDescription>();
  for (const p of parsed.data.products) {
    if (table.has(p.code)) {
      throw new DomainError('PRODUCT_TABLE_INVALID', `product code ${p.code} is listed twice`, {
        code: p.code,
      });
    }
    table.set(p.code, p);
  }
  return table;
};

/**
 * Looks up a product by its PDC (`E0398`) or a full DS003 product code (`E0398V00`, `=<E0398V00`).
 * Unknown codes raise PRODUCT_UNKNOWN: a unit is never given a guessed class.
 */
export const classifyProduct = (
  table: ProductTable,
  productCode: string,
): ProductDescription & { componentClass: ComponentClass } => {
  const pdc = productCode.replace(/^=</, '').slice(0, 5);
  const found = table.get(pdc);
  if (!found) {
    throw new DomainError('PRODUCT_UNKNOWN', `product code ${pdc} is not in the product table`, {
      productCode,
    });
  }
  return found;
};
