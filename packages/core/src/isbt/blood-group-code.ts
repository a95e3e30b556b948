import { formatBloodGroup, type BloodGroup } from '../blood-group.js';
import { expectChars, isbtCharError } from './isbt-error.js';

/** Intended use a DS002 group code carries (ST-001 Table 4 [RT005] columns). */
export const bloodGroupUses = ['default', 'directed', 'emergency', 'autologous'] as const;
export type BloodGroupUse = (typeof bloodGroupUses)[number];

/** Special messages in place of a group (ST-001 Table 5 [RT006]). */
export const specialBloodGroupMessages = {
  Mq: 'quarantine',
  Md: 'discard',
  Mx: 'not-for-transfusion',
  Mf: 'fractionation-only',
  '00': 'no-information',
} as const;
export type SpecialBloodGroupCode = keyof typeof specialBloodGroupMessages;
export type SpecialBloodGroupMessage = (typeof specialBloodGroupMessages)[SpecialBloodGroupCode];

/** ST-001 Table 4 [RT005]: `gg` per group, in the column order of `bloodGroupUses`. */
const groupCodes: readonly [BloodGroup, readonly [string, string, string, string]][] = [
  [{ abo: 'O', rhd: 'neg' }, ['95', '91', '92', '97']],
  [{ abo: 'O', rhd: 'pos' }, ['51', '47', '48', '53']],
  [{ abo: 'A', rhd: 'neg' }, ['06', '02', '03', '08']],
  [{ abo: 'A', rhd: 'pos' }, ['62', '58', '59', '64']],
  [{ abo: 'B', rhd: 'neg' }, ['17', '13', '14', '19']],
  [{ abo: 'B', rhd: 'pos' }, ['73', '69', '70', '75']],
  [{ abo: 'AB', rhd: 'neg' }, ['28', '24', '25', '30']],
  [{ abo: 'AB', rhd: 'pos' }, ['84', '80', '81', '86']],
];

const byCode = new Map<string, { group: BloodGroup; use: BloodGroupUse }>(
  groupCodes.flatMap(([group, codes]) =>
    codes.map((code, i) => [code, { group, use: bloodGroupUses[i] ?? 'default' }] as const),
  ),
);

/** Parsed DS002: either an ABO/RhD group with its intended use, or a special message. */
export type IsbtBloodGroup =
  | { kind: 'group'; group: BloodGroup; use: BloodGroupUse; phenotype: string }
  | { kind: 'special'; message: SpecialBloodGroupMessage; phenotype: string };

const useText: Record<BloodGroupUse, string> = {
  default: '',
  directed: ', directed donation only',
  emergency: ', for emergency use only',
  autologous: ', autologous use only',
};

/** Human text, e.g. "O RhD positive" or "quarantine/hold" for `Mq`. */
export const describeIsbtBloodGroup = (g: IsbtBloodGroup): string =>
  g.kind === 'group' ? `${formatBloodGroup(g.group)}${useText[g.use]}` : g.message;

/** The `gg` code of a parsed value (inverse of the tables above). */
export const bloodGroupCode = (g: IsbtBloodGroup): string => {
  if (g.kind === 'special') {
    const entry = Object.entries(specialBloodGroupMessages).find(([, m]) => m === g.message);
    return entry?.[0] ?? '00';
  }
  const row = groupCodes.find(([grp]) => grp.abo === g.group.abo && grp.rhd === g.group.rhd);
  return row?.[1][bloodGroupUses.indexOf(g.use)] ?? '00';
};

const isSpecialCode = (code: string): code is SpecialBloodGroupCode =>
  Object.hasOwn(specialBloodGroupMessages, code);

/**
 * Parses DS002 content `ggre` at `start`: `r` is the Rh/Kell/Miª phenotype code (ST-001 Table 6,
 * `0` = no information; kept uninterpreted), `e` is reserved and must be `0`.
 */
export const parseBloodGroupAt = (text: string, start: number): IsbtBloodGroup => {
  const code = expectChars('DS002', text, start, 2, /^[0-9A-Za-z]$/, 'a group code character');
  const phenotype = expectChars('DS002', text, start + 2, 1, /^[0-9A-Z]$/, 'a phenotype code');
  expectChars('DS002', text, start + 3, 1, /^0$/, "the reserved character '0'");
  if (isSpecialCode(code)) {
    return { kind: 'special', message: specialBloodGroupMessages[code], phenotype };
  }
  const found = byCode.get(code);
  if (!found) {
    throw isbtCharError('DS002', text, start, `group code ${code} is not in ST-001 Table 4/5`);
  }
  return { kind: 'group', ...found, phenotype };
};

/** Builds DS002 `=%ggre`. */
export const formatBloodGroupCode = (g: IsbtBloodGroup): string =>
  `=%${bloodGroupCode(g)}${g.phenotype}0`;
