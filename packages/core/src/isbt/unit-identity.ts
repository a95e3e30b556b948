import { DomainError } from '../errors.js';
import { parseDin, parseDinWithCheck, validateDin13 } from './din.js';

/**
 * Identity of a physical unit. ISBT 128 DINs are the default; a national donation code (e.g. the
 * Chinese 献血码 designed in 2024, where no national ISBT 128 roll-out exists) can stand in.
 * `key` is canonical and unique across kinds: the 13-character DIN as is, national codes prefixed.
 */
export type UnitIdentityKind = 'isbt-din' | 'national-donation-code';

export interface UnitIdentity {
  kind: UnitIdentityKind;
  /** Canonical string used as the unit's key in storage and events. */
  key: string;
  /** As printed for people. */
  display: string;
}

/** Prefix that keeps national codes from colliding with 13-character DINs. */
export const nationalKeyPrefix = 'NDC:';
/** National donation codes: 8–32 digits or capital letters (format not yet standardised). */
const nationalCodePattern = /^[0-9A-Z]{8,32}$/;

const dinIdentity = (din: string): UnitIdentity => ({ kind: 'isbt-din', key: din, display: din });

/** Accepts a 13-char DIN, a DIN with its keyboard check character, or DS001 data `=…ff`. */
const parseDinText = (text: string): UnitIdentity => {
  if (text.startsWith('=')) return dinIdentity(parseDin(text).din);
  if (text.length === 14) return dinIdentity(parseDinWithCheck(text));
  if (text.length !== 13) {
    throw new DomainError('ISBT_INVALID', `a DIN has 13 characters, got ${text.length}`, {
      structure: 'DS001',
      position: Math.min(text.length, 13) + 1,
      character: text[13] ?? null,
    });
  }
  return dinIdentity(validateDin13(text));
};

const parseNational = (text: string): UnitIdentity => {
  const code = text.startsWith(nationalKeyPrefix) ? text.slice(nationalKeyPrefix.length) : text;
  if (!nationalCodePattern.test(code)) {
    throw new DomainError(
      'UNIT_ID_INVALID',
      `'${text}' is not a national donation code (8–32 digits or capital letters)`,
      { text },
    );
  }
  return { kind: 'national-donation-code', key: nationalKeyPrefix + code, display: code };
};

/**
 * Parses a unit identifier. With `kind` the text must be of that kind. Without it: DS001 data
 * (`=…`) and 13/14-character text are DINs and must be valid (a mistyped DIN never silently
 * becomes a national code); prefixed keys and other lengths are national donation codes.
 */
export const parseUnitIdentity = (text: string, kind?: UnitIdentityKind): UnitIdentity => {
  if (kind === 'isbt-din') return parseDinText(text);
  if (kind === 'national-donation-code' || text.startsWith(nationalKeyPrefix)) {
    return parseNational(text);
  }
  const dinShaped = text.startsWith('=') || text.length === 13 || text.length === 14;
  return dinShaped ? parseDinText(text) : parseNational(text);
};
