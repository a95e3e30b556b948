import { DomainError } from '../errors.js';

/** ISBT 128 data structures Hemonet reads and writes (ST-001 Table 2 numbering). */
export const isbtStructureIds = [
  'DS001',
  'DS002',
  'DS003',
  'DS004',
  'DS005',
  'DS006',
  'DS007',
  'DS032',
] as const;
export type IsbtStructureId = (typeof isbtStructureIds)[number];

/** What went wrong, where: `position` is 1-based in the text given to the parser. */
export interface IsbtErrorDetails {
  structure: IsbtStructureId | 'data';
  position: number;
  character: string | null;
}

/** Every ISBT 128 parse/build failure: code `ISBT_INVALID`, details name structure and character. */
export class IsbtError extends DomainError {
  declare readonly details: Record<string, unknown> & IsbtErrorDetails;
  constructor(message: string, details: IsbtErrorDetails) {
    super('ISBT_INVALID', message, { ...details });
  }
}

const structureNames: Record<IsbtStructureId | 'data', string> = {
  DS001: 'Donation Identification Number (DS001)',
  DS002: 'Blood Groups (DS002)',
  DS003: 'Product Code (DS003)',
  DS004: 'Expiration Date (DS004)',
  DS005: 'Expiration Date and Time (DS005)',
  DS006: 'Collection Date (DS006)',
  DS007: 'Collection Date and Time (DS007)',
  DS032: 'Product Divisions (DS032)',
  data: 'ISBT 128 data',
};

/**
 * Builds the error for one bad character. `text` is the whole input, `index` 0-based into it;
 * past the end means the data is too short.
 */
export const isbtCharError = (
  structure: IsbtStructureId | 'data',
  text: string,
  index: number,
  problem: string,
): IsbtError => {
  const character = text[index] ?? null;
  const where =
    character === null
      ? `ends at position ${index + 1}`
      : `character '${character}' at position ${index + 1}`;
  return new IsbtError(`${structureNames[structure]}: ${where}: ${problem}`, {
    structure,
    position: index + 1,
    character,
  });
};

/** A structure whose content is well-formed character by character but wrong as a whole. */
export const isbtValueError = (
  structure: IsbtStructureId | 'data',
  text: string,
  index: number,
  problem: string,
): IsbtError =>
  new IsbtError(`${structureNames[structure]}: ${problem}`, {
    structure,
    position: index + 1,
    character: text[index] ?? null,
  });

/** Checks that `text[start..start+length)` exists and every character matches `pattern`. */
export const expectChars = (
  structure: IsbtStructureId,
  text: string,
  start: number,
  length: number,
  pattern: RegExp,
  expected: string,
): string => {
  for (let i = start; i < start + length; i++) {
    const ch = text[i];
    if (ch === undefined)
      throw isbtCharError(structure, text, i, `too short, expected ${expected}`);
    if (!pattern.test(ch)) throw isbtCharError(structure, text, i, `expected ${expected}`);
  }
  return text.slice(start, start + length);
};
