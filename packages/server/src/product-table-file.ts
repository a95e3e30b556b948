import { readFile } from 'node:fs/promises';
import { loadProductTable, type ProductTable } from '@hemonet/core';

/**
 * The product-description table shipped with core: an ILLUSTRATIVE example, not authoritative
 * (ISBT 128 PDCs are licensed ICCBBA data). Deployments pass their licensed table instead.
 * The same relative path holds from src/ and from dist/.
 */
export const exampleProductTablePath = new URL(
  '../../core/data/product-descriptions.example.json',
  import.meta.url,
);

export const readProductTable = async (
  path: string | URL = exampleProductTablePath,
): Promise<ProductTable> => loadProductTable(JSON.parse(await readFile(path, 'utf8')) as unknown);
