import { describe, expect, it } from 'vitest';
import { componentClasses } from '../components/component-class.js';
import { DomainError } from '../errors.js';
import example from '../../data/product-descriptions.example.json' with { type: 'json' };
import { classifyProduct, loadProductTable } from './product-table.js';

describe('product-description table', () => {
  const table = loadProductTable(example);

  it('loads the shipped illustrative table, marked as not authoritative', () => {
    expect(example.notice).toMatch(/NOT AUTHORITATIVE/);
    expect(table.size).toBeGreaterThanOrEqual(15);
    const classes = new Set([...table.values()].map((p) => p.componentClass));
    expect([...classes].sort()).toEqual([...componentClasses].sort());
  });

  it('classifies by PDC or by full product code', () => {
    expect(classifyProduct(table, 'E0398')).toEqual({
      code: 'E0398',
      description: 'RED BLOOD CELLS|CPD>AS5/450mL/refg|Irr|ResLeu',
      componentClass: 'RED_CELLS_IRRADIATED',
    });
    expect(classifyProduct(table, 'E9020V00').componentClass).toBe('PLATELETS');
    expect(classifyProduct(table, '=<E9030V00').componentClass).toBe('PLASMA');
  });

  it('never guesses an unknown product', () => {
    expect(() => classifyProduct(table, 'E1234V00')).toThrow(DomainError);
    expect(() => classifyProduct(table, 'E1234V00')).toThrow(/E1234 is not in the product table/);
  });

  it('rejects malformed tables with a clear code', () => {
    const bad = (json: unknown): string => {
      try {
        loadProductTable(json);
      } catch (e) {
        if (e instanceof DomainError) return e.code + ' ' + e.message;
      }
      return 'accepted';
    };
    expect(bad({ products: [] })).toMatch(/^PRODUCT_TABLE_INVALID/);
    expect(
      bad({ products: [{ code: 'X123', description: 'x', componentClass: 'PLASMA' }] }),
    ).toMatch(/E or F followed by four digits/);
    const dup = { code: 'E0001', description: 'x', componentClass: 'PLASMA' };
    expect(bad({ products: [dup, dup] })).toMatch(/listed twice/);
    expect(bad({ products: [{ ...dup, componentClass: 'GRANULOCYTES' }] })).toMatch(
      /PRODUCT_TABLE/,
    );
  });
});
