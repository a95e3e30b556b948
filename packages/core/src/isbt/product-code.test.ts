import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  collectionTypes,
  formatDivisions,
  formatProductCode,
  parseDivisionsAt,
  parseProductCodeAt,
  type CollectionTypeCode,
} from './product-code.js';
import { thrownIsbt } from './test-support/thrown.js';

describe('DS003 product code', () => {
  it('parses PDC, collection type and division', () => {
    expect(parseProductCodeAt('=<E0398V00', 2)).toEqual({
      pdc: 'E0398',
      collectionType: 'V',
      division: '00',
    });
    expect(parseProductCodeAt('=<F1234DAb', 2).division).toBe('Ab');
    expect(parseProductCodeAt('=<E4377099', 2)).toMatchObject({
      collectionType: '0',
      division: '99',
    });
  });

  it('names the bad character', () => {
    expect(thrownIsbt(() => parseProductCodeAt('=<X0398V00', 2)).details).toMatchObject({
      structure: 'DS003',
      position: 3,
      character: 'X',
    });
    expect(thrownIsbt(() => parseProductCodeAt('=<E03A8V00', 2)).details.position).toBe(6);
    expect(thrownIsbt(() => parseProductCodeAt('=<E0398Z00', 2)).message).toMatch(
      /collection type Z/,
    );
    expect(thrownIsbt(() => parseProductCodeAt('=<E0398Va0', 2)).details.character).toBe('a');
    expect(thrownIsbt(() => parseProductCodeAt('=<E0398V09', 2)).message).toMatch(/division 09/);
    expect(thrownIsbt(() => parseProductCodeAt('=<E0398V0', 2)).message).toMatch(/too short/);
  });

  it('parse(format(x)) == x', () => {
    const arb = fc.record({
      pdc: fc
        .tuple(fc.constantFrom('E', 'F'), fc.stringMatching(/^[0-9]{4}$/))
        .map((t) => t.join('')),
      collectionType: fc.constantFrom(...(Object.keys(collectionTypes) as CollectionTypeCode[])),
      division: fc.oneof(
        fc.constantFrom('00', '99'),
        fc
          .tuple(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), fc.constantFrom(...'0abcxyz'))
          .map((t) => t.join('')),
      ),
    });
    fc.assert(
      fc.property(arb, (p) => {
        expect(parseProductCodeAt(formatProductCode(p), 2)).toEqual(p);
      }),
    );
  });
});

describe('DS032 product divisions', () => {
  it('parses levels up to the first 0', () => {
    expect(parseDivisionsAt('=,A00000', 2)).toEqual({ levels: ['A'] });
    expect(parseDivisionsAt('=,AbCd00', 2)).toEqual({ levels: ['A', 'b', 'C', 'd'] });
    expect(parseDivisionsAt('=,000000', 2)).toEqual({ levels: [] });
  });

  it('rejects a level after 0 and wrong letter case', () => {
    expect(thrownIsbt(() => parseDivisionsAt('=,A0B000', 2)).details).toMatchObject({
      structure: 'DS032',
      position: 5,
      character: 'B',
    });
    expect(thrownIsbt(() => parseDivisionsAt('=,a00000', 2)).message).toMatch(/level 1/);
    expect(thrownIsbt(() => parseDivisionsAt('=,AB0000', 2)).message).toMatch(/level 2/);
  });

  it('parse(format(x)) == x', () => {
    const arb = fc
      .tuple(
        fc.constantFrom(...'ABCXYZ'),
        fc.constantFrom(...'abcxyz'),
        fc.array(fc.constantFrom(...'AbCdzZ'), { maxLength: 4 }),
        fc.integer({ min: 0, max: 6 }),
      )
      .map(([a, b, rest, n]) => ({ levels: [a, b, ...rest].slice(0, n) }));
    fc.assert(
      fc.property(arb, (d) => {
        expect(parseDivisionsAt(formatDivisions(d), 2)).toEqual(d);
      }),
    );
  });
});
