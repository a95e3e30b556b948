import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatDin,
  formatKeyboardCheck,
  keyboardCheck,
  parseDin,
  parseDinWithCheck,
  type Din,
} from './din.js';
import { thrownIsbt as thrown } from './test-support/thrown.js';
import { mod37_2Checksum } from './mod37-2.js';

/** Positional form of ISO/IEC 7064 MOD 37-2 (domain.md §1.3 steps 1–7), to cross-check Horner. */
const positionalChecksum = (din: string): number => {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*';
  const sum = [...din].reduce((acc, c, i) => acc + alphabet.indexOf(c) * 2 ** (din.length - i), 0);
  return (38 - (sum % 37)) % 37;
};

const din13Arb = fc
  .tuple(fc.constantFrom(...'ABCDEFGHIJKLMNPQRSTUVWXYZ123456789'), fc.stringMatching(/^[0-9]{12}$/))
  .map(([a, rest]) => a + rest);

describe('keyboard check character (ISO/IEC 7064 MOD 37-2)', () => {
  it.each([
    ['G123417654321', 'A 70'], // ST-001 App. A.1/A.2
    ['G123498654321', 'H 77'], // JPAC Red Book Annex 2
    ['A999921123456', '3 63'], // ST-001 Fig. 2
  ])('%s → %s', (din, expected) => {
    expect(formatKeyboardCheck(din)).toBe(expected);
  });

  it('agrees with the positional weighted-sum form and the validation rule', () => {
    fc.assert(
      fc.property(din13Arb, (din) => {
        const checksum = mod37_2Checksum(din);
        expect(checksum).toBe(positionalChecksum(din));
        expect(parseDinWithCheck(din + keyboardCheck(din).k)).toBe(din);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects malformed DINs, naming the character', () => {
    const e = thrown(() => formatKeyboardCheck('G12341765432X'));
    expect(e.code).toBe('ISBT_INVALID');
    expect(e.details).toMatchObject({ structure: 'DS001', position: 13, character: 'X' });
    expect(e.message).toMatch(/'X' at position 13/);
    expect(thrown(() => formatKeyboardCheck('O123417654321')).details.position).toBe(1);
    expect(thrown(() => formatKeyboardCheck('G12341765432')).message).toMatch(/too short/);
    expect(thrown(() => formatKeyboardCheck('G1234176543210')).details.position).toBe(14);
  });

  it('rejects a wrong keyed check character', () => {
    expect(thrown(() => parseDinWithCheck('G123417654321B')).message).toMatch(/expected A/);
  });
});

describe('DS001 Donation Identification Number', () => {
  it('parses the flag characters by ST-001 Table 3', () => {
    expect(parseDin('=G12341765432100').flag).toEqual({ value: '00', kind: 'none' });
    expect(parseDin('=G12341765432103').flag).toEqual({
      value: '03',
      kind: 'container',
      container: 3,
    });
    expect(parseDin('=G12341765432106').flag.kind).toBe('pilot-tube');
    expect(parseDin('=G12341765432107').flag.kind).toBe('test-tube');
    expect(parseDin('=G12341765432108').flag.kind).toBe('donor-record');
    expect(parseDin('=G12341765432109').flag.kind).toBe('nat-sample');
    expect(parseDin('=G12341765432110').flag.kind).toBe('bacterial-sample');
    expect(parseDin('=G12341765432142').flag.kind).toBe('local');
    expect(parseDin('=G12341765432170')).toEqual({
      din: 'G123417654321',
      flag: { value: '70', kind: 'type3-check' },
    });
  });

  it('validates the type-3 check flag', () => {
    const e = thrown(() => parseDin('=G12341765432171'));
    expect(e.message).toMatch(/type-3 check flag 71 .*expected 70/);
    expect(e.details.position).toBe(15);
  });

  it.each(['05', '11', '19', '97', '99'])('rejects reserved flag %s', (flag) => {
    expect(thrown(() => parseDin(`=G123417654321${flag}`)).message).toMatch(/reserved/);
  });

  it('rejects a missing DI, trailing data and bad characters', () => {
    expect(thrown(() => parseDin('G12341765432100')).details.position).toBe(1);
    expect(thrown(() => parseDin('=G123417654321000')).details.position).toBe(17);
    expect(thrown(() => parseDin('=G1234176543210')).message).toMatch(/too short/);
    expect(thrown(() => parseDin('=G1234176543210A')).details).toMatchObject({
      position: 16,
      character: 'A',
    });
  });

  it('parse(format(x)) == x for every valid flag', () => {
    const flagArb = fc.oneof(
      fc.constantFrom('00', '01', '02', '03', '04', '06', '07', '08', '09', '10'),
      fc.integer({ min: 20, max: 59 }).map(String),
      fc.constant('type3'),
    );
    fc.assert(
      fc.property(din13Arb, flagArb, (din, f) => {
        const flag = f === 'type3' ? keyboardCheck(din).flag : f;
        const parsed: Din = parseDin(formatDin({ din, flag }));
        expect(parsed.din).toBe(din);
        expect(formatDin({ din: parsed.din, flag: parsed.flag.value })).toBe(`=${din}${flag}`);
      }),
      { numRuns: 300 },
    );
  });
});
