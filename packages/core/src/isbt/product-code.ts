import { expectChars, isbtCharError } from './isbt-error.js';

/**
 * Collection (donation) type, 6th character of an E/F product code (ST-001 Table 7 [RT008]).
 * Only the codes Hemonet's reference documents are listed; others are rejected as unknown
 * rather than guessed.
 */
export const collectionTypes = {
  '0': 'not specified',
  V: 'volunteer allogeneic donor',
  A: 'autologous collection, eligible for crossover',
  '1': 'for autologous use only',
  D: 'volunteer directed collection, eligible for crossover',
  '2': 'for directed recipient use only',
  G: 'for emergency use only',
} as const;
export type CollectionTypeCode = keyof typeof collectionTypes;

const isCollectionType = (c: string): c is CollectionTypeCode => Object.hasOwn(collectionTypes, c);

/**
 * DS003 content `αooootds`: PDC `αoooo` (α = E or F: blood components, ST-001 §2.4.3), collection
 * type `t`, division `ds` (`00` undivided; uppercase first split, `0` or lowercase sub-split;
 * `99` = divisions carried in DS032).
 */
export interface ProductCode {
  pdc: string;
  collectionType: CollectionTypeCode;
  division: string;
}

const divisionPattern = /^(00|99|[A-Z][0a-z])$/;

export const parseProductCodeAt = (text: string, start: number): ProductCode => {
  const alpha = expectChars('DS003', text, start, 1, /^[A-Z]$/, 'a product-code letter');
  if (alpha !== 'E' && alpha !== 'F') {
    throw isbtCharError('DS003', text, start, 'only blood components (E, F) are handled');
  }
  const pdc = alpha + expectChars('DS003', text, start + 1, 4, /^[0-9]$/, 'a PDC digit');
  const t = expectChars('DS003', text, start + 5, 1, /^[0-9A-Za-z]$/, 'a collection type');
  if (!isCollectionType(t)) {
    throw isbtCharError('DS003', text, start + 5, `collection type ${t} is not in the table`);
  }
  expectChars('DS003', text, start + 6, 1, /^[0-9A-Z]$/, 'a division code (0, 9, A–Z)');
  expectChars('DS003', text, start + 7, 1, /^[0-9a-z]$/, 'a sub-division code (0, 9, a–z)');
  const division = text.slice(start + 6, start + 8);
  if (!divisionPattern.test(division)) {
    throw isbtCharError('DS003', text, start + 6, `division ${division} is not 00, 99 or A0–Zz`);
  }
  return { pdc, collectionType: t, division };
};

/** Builds DS003 `=<αooootds`, validated by parsing it back. */
export const formatProductCode = (p: ProductCode): string => {
  const content = `${p.pdc}${p.collectionType}${p.division}`;
  parseProductCodeAt(content, 0);
  if (content.length !== 8)
    throw isbtCharError('DS003', content, 8, 'content must be 8 characters');
  return `=<${content}`;
};

/**
 * DS032 content `dddddd`: up to six division levels, one character each, `0` once no further
 * division. As in DS003, the first level is uppercase and the second lowercase; deeper levels
 * are letters of either case.
 */
export interface ProductDivisions {
  levels: string[];
}

const levelPattern = (level: number): RegExp =>
  level === 0 ? /^[A-Z]$/ : level === 1 ? /^[a-z]$/ : /^[A-Za-z]$/;

export const parseDivisionsAt = (text: string, start: number): ProductDivisions => {
  const content = expectChars('DS032', text, start, 6, /^[0A-Za-z]$/, 'a division letter or 0');
  const end = content.indexOf('0') < 0 ? 6 : content.indexOf('0');
  for (let i = end; i < 6; i++) {
    if (content[i] !== '0') {
      throw isbtCharError('DS032', text, start + i, 'no division may follow an undivided level 0');
    }
  }
  const levels = [...content.slice(0, end)];
  levels.forEach((ch, i) => {
    if (!levelPattern(i).test(ch)) {
      throw isbtCharError('DS032', text, start + i, `level ${i + 1} has the wrong letter case`);
    }
  });
  return { levels };
};

/** Builds DS032 `=,dddddd`. */
export const formatDivisions = (d: ProductDivisions): string => {
  const content = d.levels.join('').padEnd(6, '0');
  parseDivisionsAt(content, 0);
  if (content.length !== 6) throw isbtCharError('DS032', content, 6, 'at most six levels');
  return `=,${content}`;
};
