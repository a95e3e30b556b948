import { isbtCharError } from './isbt-error.js';

/**
 * ISO/IEC 7064 MOD 37-2 over the 13-character DIN (ST-001 Appendix A; JPAC Red Book Annex 2).
 * Character values: 0–9 → 0–9, A–Z → 10–35, `*` → 36.
 */
const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*';

const valueOf = (text: string, index: number): number => {
  const v = alphabet.indexOf(text[index] ?? '');
  if (v < 0 || v === 36) {
    throw isbtCharError('DS001', text, index, 'a DIN character must be 0–9 or A–Z');
  }
  return v;
};

/** The checksum 0–36 (Horner form of the weighted sum: p = ((p + v) · 2) mod 37). */
export const mod37_2Checksum = (din13: string): number => {
  let p = 0;
  for (let i = 0; i < din13.length; i++) p = ((p + valueOf(din13, i)) * 2) % 37;
  return (38 - p) % 37;
};

/** The keyboard-entry check character K printed boxed after the eye-readable DIN. */
export const checkCharacterOf = (checksum: number): string => alphabet.charAt(checksum);

/** The value of a check character, or undefined when it is not one. */
export const checksumOfCharacter = (k: string): number | undefined => {
  const v = alphabet.indexOf(k);
  return k.length === 1 && v >= 0 ? v : undefined;
};

/** Type-3 flag characters carry 60 + checksum (ST-001 Table 3: flag values 60–96). */
export const type3FlagOf = (checksum: number): string => String(60 + checksum);
