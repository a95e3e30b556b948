import { expectChars, isbtCharError, isbtValueError } from './isbt-error.js';
import { checkCharacterOf, checksumOfCharacter, mod37_2Checksum, type3FlagOf } from './mod37-2.js';

/** DS001 first character: FIN letter or digit, never `O` or `0` (ST-001 §2.4.1). */
const finFirstChar = /^[A-NP-Z1-9]$/;
const digit = /^[0-9]$/;

/** Meaning of the two flag characters `ff` (ST-001 Table 3 [RT003]). */
export type DinFlagKind =
  | 'none' // 00
  | 'container' // 01–04: container n of a set
  | 'pilot-tube' // 06
  | 'test-tube' // 07
  | 'donor-record' // 08
  | 'nat-sample' // 09
  | 'bacterial-sample' // 10
  | 'local' // 20–59: defined by the facility
  | 'type3-check'; // 60–96: 60 + MOD 37-2 checksum of the DIN

export interface DinFlag {
  value: string;
  kind: DinFlagKind;
  /** Container number within a set, for flag kind `container`. */
  container?: number;
}

/** A Donation Identification Number: the 13-character DIN (no flags, no check) and its flag. */
export interface Din {
  din: string;
  flag: DinFlag;
}

const fixedFlags: Record<number, DinFlagKind> = {
  0: 'none',
  6: 'pilot-tube',
  7: 'test-tube',
  8: 'donor-record',
  9: 'nat-sample',
  10: 'bacterial-sample',
};

/** Validates the 13-character DIN `αppppyynnnnnn` starting at `start` of `text`. */
export const validateDin13 = (text: string, start = 0): string => {
  expectChars('DS001', text, start, 1, finFirstChar, 'a FIN first character (A–N, P–Z, 1–9)');
  expectChars('DS001', text, start + 1, 4, digit, 'a FIN digit (0–9)');
  expectChars('DS001', text, start + 5, 2, digit, 'a year digit (0–9)');
  expectChars('DS001', text, start + 7, 6, digit, 'a sequence-number digit (0–9)');
  return text.slice(start, start + 13);
};

/** Interprets the flag characters at `start` of `text` for DIN `din13`. */
const parseFlag = (text: string, start: number, din13: string): DinFlag => {
  const value = expectChars('DS001', text, start, 2, digit, 'a flag digit (0–9)');
  const n = Number(value);
  const fixed = fixedFlags[n];
  if (fixed) return { value, kind: fixed };
  if (n >= 1 && n <= 4) return { value, kind: 'container', container: n };
  if (n >= 20 && n <= 59) return { value, kind: 'local' };
  if (n >= 60 && n <= 96) {
    const expected = type3FlagOf(mod37_2Checksum(din13));
    if (value !== expected) {
      throw isbtValueError(
        'DS001',
        text,
        start,
        `type-3 check flag ${value} does not match the DIN (expected ${expected})`,
      );
    }
    return { value, kind: 'type3-check' };
  }
  throw isbtCharError('DS001', text, start, `flag value ${value} is reserved (ST-001 Table 3)`);
};

/**
 * Parses DS001 content `αppppyynnnnnnff` (the DI `=` excluded) at `start` of `text`.
 * The first DIN character doubles as the second DI character (ST-001 §2.4.1).
 */
export const parseDinAt = (text: string, start = 0): Din => {
  const din = validateDin13(text, start);
  return { din, flag: parseFlag(text, start + 13, din) };
};

/** Parses a complete DS001 data structure, e.g. `=G12341765432100`. */
export const parseDin = (data: string): Din => {
  if (data[0] !== '=') throw isbtCharError('DS001', data, 0, "expected the data identifier '='");
  if (data.length > 16) throw isbtCharError('DS001', data, 16, 'unexpected data after the flag');
  return parseDinAt(data, 1);
};

/** Builds DS001 `=αppppyynnnnnnff`; the flag is checked exactly as the parser would. */
export const formatDin = (d: { din: string; flag: string }): string => {
  const text = `=${d.din}${d.flag}`;
  parseDin(text);
  return text;
};

/** Keyboard check character K and type-3 flag of a 13-character DIN, e.g. `{ k: 'A', flag: '70' }`. */
export const keyboardCheck = (din13: string): { k: string; flag: string } => {
  const din = validateDin13(din13);
  if (din13.length !== 13) {
    throw isbtCharError('DS001', din13, 13, 'a DIN has exactly 13 characters');
  }
  const checksum = mod37_2Checksum(din);
  return { k: checkCharacterOf(checksum), flag: type3FlagOf(checksum) };
};

/** For the CLI: "A 70" = check character, space, type-3 flag. */
export const formatKeyboardCheck = (din13: string): string => {
  const { k, flag } = keyboardCheck(din13);
  return `${k} ${flag}`;
};

/** Validates a keyed-in DIN followed by its check character (14 chars), returns the DIN. */
export const parseDinWithCheck = (text: string): string => {
  const din = validateDin13(text);
  const k = text[13];
  if (k === undefined || checksumOfCharacter(k) === undefined || text.length !== 14) {
    throw isbtCharError('DS001', text, 13, 'expected one keyboard check character (0–9, A–Z, *)');
  }
  const expected = checkCharacterOf(mod37_2Checksum(din));
  if (k !== expected) {
    throw isbtValueError('DS001', text, 13, `check character ${k} is wrong (expected ${expected})`);
  }
  return din;
};
