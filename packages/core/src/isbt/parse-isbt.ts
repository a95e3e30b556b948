import type { BloodGroup } from '../blood-group.js';
import {
  bloodGroupCode,
  describeIsbtBloodGroup,
  type BloodGroupUse,
  type IsbtBloodGroup,
  type SpecialBloodGroupMessage,
} from './blood-group-code.js';
import { isbtDateToIso } from './dates.js';
import { keyboardCheck, type Din, type DinFlag } from './din.js';
import { parseIsbtStructures, type IsbtStructure } from './message.js';
import { isbtValueError, type IsbtStructureId } from './isbt-error.js';
import { collectionTypes, type ProductCode, type ProductDivisions } from './product-code.js';

/** A JSON-friendly summary of ISBT 128 data (what `hemonet isbt parse` prints). */
export interface ParsedIsbt {
  structures: IsbtStructureId[];
  din?: {
    din: string;
    fin: string;
    year: string;
    sequence: string;
    flag: DinFlag;
    keyboardCheck: string;
    type3Flag: string;
  };
  bloodGroup?: {
    code: string;
    text: string;
    group: BloodGroup | null;
    use: BloodGroupUse | null;
    special: SpecialBloodGroupMessage | null;
    phenotype: string;
  };
  product?: ProductCode & { code: string; collectionTypeText: string };
  divisions?: ProductDivisions;
  /** ISO 8601 local date or date-time of the labelling facility. */
  expiration?: string;
  collection?: string;
}

const summariseDin = (d: Din): NonNullable<ParsedIsbt['din']> => {
  const { k, flag } = keyboardCheck(d.din);
  return {
    din: d.din,
    fin: d.din.slice(0, 5),
    year: d.din.slice(5, 7),
    sequence: d.din.slice(7, 13),
    flag: d.flag,
    keyboardCheck: k,
    type3Flag: flag,
  };
};

const summariseGroup = (g: IsbtBloodGroup): NonNullable<ParsedIsbt['bloodGroup']> => ({
  code: bloodGroupCode(g),
  text: describeIsbtBloodGroup(g),
  group: g.kind === 'group' ? g.group : null,
  use: g.kind === 'group' ? g.use : null,
  special: g.kind === 'special' ? g.message : null,
  phenotype: g.phenotype,
});

const addStructure = (out: ParsedIsbt, s: IsbtStructure): void => {
  switch (s.structure) {
    case 'DS001':
      out.din = summariseDin(s.value);
      return;
    case 'DS002':
      out.bloodGroup = summariseGroup(s.value);
      return;
    case 'DS003': {
      const code = `${s.value.pdc}${s.value.collectionType}${s.value.division}`;
      const collectionTypeText = collectionTypes[s.value.collectionType];
      out.product = { ...s.value, code, collectionTypeText };
      return;
    }
    case 'DS032':
      out.divisions = s.value;
      return;
    case 'DS004':
    case 'DS005':
      out.expiration = isbtDateToIso(s.value);
      return;
    case 'DS006':
    case 'DS007':
      out.collection = isbtDateToIso(s.value);
  }
};

/** Parses one or several concatenated structures into a JSON-friendly object. */
export const parseIsbt = (data: string): ParsedIsbt => {
  const structures = parseIsbtStructures(data);
  const ids = new Set(structures.map((s) => s.structure));
  for (const [a, b] of [
    ['DS004', 'DS005'],
    ['DS006', 'DS007'],
  ] as const) {
    if (ids.has(a) && ids.has(b)) {
      throw isbtValueError('data', data, 0, `${a} and ${b} both give the same date`);
    }
  }
  const out: ParsedIsbt = { structures: structures.map((s) => s.structure) };
  for (const s of structures) addStructure(out, s);
  return out;
};
