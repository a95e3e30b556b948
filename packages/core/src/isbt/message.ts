import {
  formatBloodGroupCode,
  parseBloodGroupAt,
  type IsbtBloodGroup,
} from './blood-group-code.js';
import {
  formatIsbtDateContent,
  isbtDateLength,
  parseIsbtDateAt,
  type IsbtDate,
  type IsbtDateStructure,
} from './dates.js';
import { formatDin, parseDinAt, type Din } from './din.js';
import { isbtCharError, isbtValueError, type IsbtStructureId } from './isbt-error.js';
import {
  formatDivisions,
  formatProductCode,
  parseDivisionsAt,
  parseProductCodeAt,
  type ProductCode,
  type ProductDivisions,
} from './product-code.js';

/** One parsed data structure. */
export type IsbtStructure =
  | { structure: 'DS001'; value: Din }
  | { structure: 'DS002'; value: IsbtBloodGroup }
  | { structure: 'DS003'; value: ProductCode }
  | { structure: IsbtDateStructure; value: IsbtDate }
  | { structure: 'DS032'; value: ProductDivisions };

/** Two-character data identifiers and content lengths (ST-001 Table 2). */
const dataIdentifiers: Record<
  string,
  { structure: Exclude<IsbtStructureId, 'DS001'>; length: number }
> = {
  '=%': { structure: 'DS002', length: 4 },
  '=<': { structure: 'DS003', length: 8 },
  '=>': { structure: 'DS004', length: isbtDateLength('DS004') },
  '&>': { structure: 'DS005', length: isbtDateLength('DS005') },
  '=*': { structure: 'DS006', length: isbtDateLength('DS006') },
  '&*': { structure: 'DS007', length: isbtDateLength('DS007') },
  '=,': { structure: 'DS032', length: 6 },
};

/** DS001's DI is `=` followed by its own first character (A–N, P–Z, 1–9). */
const dinSecondChar = /^[A-NP-Z1-9]$/;

const parseContent = (
  structure: Exclude<IsbtStructureId, 'DS001'>,
  text: string,
  at: number,
): IsbtStructure => {
  switch (structure) {
    case 'DS002':
      return { structure, value: parseBloodGroupAt(text, at) };
    case 'DS003':
      return { structure, value: parseProductCodeAt(text, at) };
    case 'DS032':
      return { structure, value: parseDivisionsAt(text, at) };
    default:
      return { structure, value: parseIsbtDateAt(structure, text, at) };
  }
};

/** Parses the structure starting at `pos`; returns it and where the next one starts. */
const parseOne = (text: string, pos: number): { parsed: IsbtStructure; next: number } => {
  const first = text[pos] ?? '';
  if (first !== '=' && first !== '&') {
    throw isbtCharError('data', text, pos, "expected a data identifier starting with '=' or '&'");
  }
  if (first === '=' && dinSecondChar.test(text[pos + 1] ?? '')) {
    return { parsed: { structure: 'DS001', value: parseDinAt(text, pos + 1) }, next: pos + 16 };
  }
  const di = dataIdentifiers[text.slice(pos, pos + 2)];
  if (!di) {
    throw isbtCharError('data', text, pos + 1, 'unknown or unsupported data identifier');
  }
  return { parsed: parseContent(di.structure, text, pos + 2), next: pos + 2 + di.length };
};

/** Parses one or several concatenated data structures, e.g. `=G12341765432100=%5100`. */
export const parseIsbtStructures = (data: string): IsbtStructure[] => {
  if (data.length === 0) throw isbtCharError('data', data, 0, 'no data');
  const out: IsbtStructure[] = [];
  for (let pos = 0; pos < data.length;) {
    const { parsed, next } = parseOne(data, pos);
    if (out.some((s) => s.structure === parsed.structure)) {
      throw isbtValueError('data', data, pos, `${parsed.structure} appears more than once`);
    }
    out.push(parsed);
    pos = next;
  }
  return out;
};

const dateDi: Record<IsbtDateStructure, string> = {
  DS004: '=>',
  DS005: '&>',
  DS006: '=*',
  DS007: '&*',
};

/** Builds one data structure (data identifier included). */
export const formatIsbtStructure = (s: IsbtStructure): string => {
  switch (s.structure) {
    case 'DS001':
      return formatDin({ din: s.value.din, flag: s.value.flag.value });
    case 'DS002':
      return formatBloodGroupCode(s.value);
    case 'DS003':
      return formatProductCode(s.value);
    case 'DS032':
      return formatDivisions(s.value);
    default:
      return dateDi[s.structure] + formatIsbtDateContent(s.structure, s.value);
  }
};

/** Concatenates several structures into one data string. */
export const formatIsbtStructures = (list: readonly IsbtStructure[]): string =>
  list.map(formatIsbtStructure).join('');
