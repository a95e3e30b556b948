import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allBloodGroups } from '../blood-group.js';
import { bloodGroupUses } from './blood-group-code.js';
import { formatIsbtStructures, parseIsbtStructures, type IsbtStructure } from './message.js';
import { parseIsbt } from './parse-isbt.js';
import { thrownIsbt } from './test-support/thrown.js';

describe('concatenated ISBT 128 data', () => {
  it('parses a DIN and a blood group (issue 2 acceptance)', () => {
    const parsed = parseIsbt('=G12341765432100=%5100');
    expect(parsed.structures).toEqual(['DS001', 'DS002']);
    expect(parsed.din).toMatchObject({
      din: 'G123417654321',
      fin: 'G1234',
      year: '17',
      sequence: '654321',
      keyboardCheck: 'A',
      type3Flag: '70',
    });
    expect(parsed.bloodGroup).toMatchObject({
      text: 'O RhD positive',
      group: { abo: 'O', rhd: 'pos' },
    });
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(parsed);
  });

  it('parses every supported structure in one string', () => {
    const parsed = parseIsbt('=A99992112345663=%Mq00=<E0398V99=,Ab0000=>024366&*0240450815');
    expect(parsed.structures).toEqual(['DS001', 'DS002', 'DS003', 'DS032', 'DS004', 'DS007']);
    expect(parsed.bloodGroup).toMatchObject({ special: 'quarantine', group: null });
    expect(parsed.product).toMatchObject({ code: 'E0398V99', pdc: 'E0398', division: '99' });
    expect(parsed.product?.collectionTypeText).toBe('volunteer allogeneic donor');
    expect(parsed.divisions).toEqual({ levels: ['A', 'b'] });
    expect(parsed.expiration).toBe('2024-12-31');
    expect(parsed.collection).toBe('2024-02-14T08:15');
    expect(parseIsbt('&>0183652359').expiration).toBe('2018-12-31T23:59');
  });

  it('says which structure and character is wrong', () => {
    expect(thrownIsbt(() => parseIsbt('=G12341765432100=%9900')).details).toMatchObject({
      structure: 'DS002',
      position: 19,
      character: '9',
    });
    expect(thrownIsbt(() => parseIsbt('=G12341765432100X')).details).toMatchObject({
      structure: 'data',
      position: 17,
      character: 'X',
    });
    expect(thrownIsbt(() => parseIsbt('=)123')).message).toMatch(/unknown or unsupported/);
    expect(thrownIsbt(() => parseIsbt('=O12341765432100')).details.character).toBe('O');
    expect(thrownIsbt(() => parseIsbt('')).message).toMatch(/no data/);
    expect(thrownIsbt(() => parseIsbt('=%5100=%6200')).message).toMatch(/DS002 appears more/);
    expect(thrownIsbt(() => parseIsbt('=>024366&>0243662359')).message).toMatch(/DS004 and DS005/);
  });

  it('parse(build(x)) == x over random concatenations', () => {
    const structureArb: fc.Arbitrary<IsbtStructure> = fc.oneof(
      fc.record({
        structure: fc.constant('DS002' as const),
        value: fc.record({
          kind: fc.constant('group' as const),
          group: fc.constantFrom(...allBloodGroups),
          use: fc.constantFrom(...bloodGroupUses),
          phenotype: fc.constant('0'),
        }),
      }),
      fc.record({
        structure: fc.constant('DS003' as const),
        value: fc.record({
          pdc: fc.stringMatching(/^[EF][0-9]{4}$/),
          collectionType: fc.constantFrom('V' as const, '0' as const, 'D' as const),
          division: fc.constantFrom('00', 'A0', 'Bc', '99'),
        }),
      }),
      fc.record({
        structure: fc.constantFrom('DS004' as const, 'DS006' as const),
        value: fc.record({
          year: fc.integer({ min: 2000, max: 2999 }),
          dayOfYear: fc.integer({ min: 1, max: 365 }),
        }),
      }),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(structureArb, { selector: (s) => s.structure, minLength: 1 }),
        (list) => {
          expect(parseIsbtStructures(formatIsbtStructures(list))).toEqual(list);
        },
      ),
      { numRuns: 300 },
    );
  });
});
