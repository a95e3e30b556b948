import { describe, expect, it } from 'vitest';
import { parseUnitIdentity } from './unit-identity.js';

describe('unit identity', () => {
  it('reads DINs in every form to the same key', () => {
    for (const text of ['G123417654321', 'G123417654321A', '=G12341765432170']) {
      expect(parseUnitIdentity(text)).toEqual({
        kind: 'isbt-din',
        key: 'G123417654321',
        display: 'G123417654321',
      });
    }
  });

  it('never turns a mistyped DIN into a national code', () => {
    expect(() => parseUnitIdentity('G123417654321B')).toThrow(/check character B is wrong/);
    expect(() => parseUnitIdentity('G12341765432X')).toThrow(/position 13/);
  });

  it('lets a national donation code stand in for a DIN, with a key that cannot collide', () => {
    const id = parseUnitIdentity('3201202400012345');
    expect(id).toEqual({
      kind: 'national-donation-code',
      key: 'NDC:3201202400012345',
      display: '3201202400012345',
    });
    expect(parseUnitIdentity(id.key)).toEqual(id);
    const thirteen = parseUnitIdentity('1234567890123', 'national-donation-code');
    expect(thirteen.key).toBe('NDC:1234567890123');
    expect(() => parseUnitIdentity('abc', 'national-donation-code')).toThrow(/UNIT_ID|national/);
    expect(() => parseUnitIdentity('3201202400012345', 'isbt-din')).toThrow(/13 characters/);
  });
});
