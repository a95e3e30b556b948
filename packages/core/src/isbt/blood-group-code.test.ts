import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allBloodGroups } from '../blood-group.js';
import {
  bloodGroupCode,
  bloodGroupUses,
  describeIsbtBloodGroup,
  formatBloodGroupCode,
  parseBloodGroupAt,
  type IsbtBloodGroup,
} from './blood-group-code.js';
import { thrownIsbt } from './test-support/thrown.js';

const parse = (data: string): IsbtBloodGroup => {
  expect(data.slice(0, 2)).toBe('=%');
  return parseBloodGroupAt(data, 2);
};

/** domain.md §1.4 (ST-001 Table 4): default, directed, emergency, autologous. */
const table: [string, string, string[]][] = [
  ['O', 'neg', ['95', '91', '92', '97']],
  ['O', 'pos', ['51', '47', '48', '53']],
  ['A', 'neg', ['06', '02', '03', '08']],
  ['A', 'pos', ['62', '58', '59', '64']],
  ['B', 'neg', ['17', '13', '14', '19']],
  ['B', 'pos', ['73', '69', '70', '75']],
  ['AB', 'neg', ['28', '24', '25', '30']],
  ['AB', 'pos', ['84', '80', '81', '86']],
];

describe('DS002 blood groups', () => {
  it.each(table.flatMap(([abo, rhd, codes]) => codes.map((c, i) => [c, abo, rhd, i] as const)))(
    'code %s is %s %s',
    (code, abo, rhd, useIndex) => {
      expect(parse(`=%${code}00`)).toEqual({
        kind: 'group',
        group: { abo, rhd },
        use: bloodGroupUses[useIndex],
        phenotype: '0',
      });
    },
  );

  it('describes groups for people', () => {
    expect(describeIsbtBloodGroup(parse('=%5100'))).toBe('O RhD positive');
    expect(describeIsbtBloodGroup(parse('=%9500'))).toBe('O RhD negative');
    expect(describeIsbtBloodGroup(parse('=%5800'))).toBe('A RhD positive, directed donation only');
    expect(describeIsbtBloodGroup(parse('=%9200'))).toMatch(/emergency use only/);
    expect(describeIsbtBloodGroup(parse('=%8600'))).toMatch(/AB RhD positive, autologous/);
  });

  it.each([
    ['Mq', 'quarantine'],
    ['Md', 'discard'],
    ['Mx', 'not-for-transfusion'],
    ['Mf', 'fractionation-only'],
    ['00', 'no-information'],
  ])('special message %s = %s', (code, message) => {
    expect(parse(`=%${code}00`)).toEqual({ kind: 'special', message, phenotype: '0' });
    expect(formatBloodGroupCode(parse(`=%${code}00`))).toBe(`=%${code}00`);
  });

  it('rejects unknown codes and a non-zero reserved character, naming them', () => {
    const unknown = thrownIsbt(() => parse('=%9900'));
    expect(unknown.details).toMatchObject({ structure: 'DS002', position: 3, character: '9' });
    expect(unknown.message).toMatch(/group code 99/);
    expect(thrownIsbt(() => parse('=%5101')).details).toMatchObject({
      position: 6,
      character: '1',
    });
    expect(thrownIsbt(() => parse('=%51')).message).toMatch(/too short/);
  });

  it('parse(format(x)) == x', () => {
    const groupArb = fc.record({
      kind: fc.constant('group' as const),
      group: fc.constantFrom(...allBloodGroups),
      use: fc.constantFrom(...bloodGroupUses),
      phenotype: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
    });
    fc.assert(
      fc.property(groupArb, (g) => {
        const text = formatBloodGroupCode(g);
        expect(text).toBe(`=%${bloodGroupCode(g)}${g.phenotype}0`);
        expect(parse(text)).toEqual(g);
      }),
      { numRuns: 300 },
    );
  });
});
