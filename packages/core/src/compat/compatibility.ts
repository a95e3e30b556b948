import type { Abo, BloodGroup, RhD } from '../blood-group.js';
import { compatibilityFamily, type ComponentClass } from '../components/component-class.js';
import { isChild, needsRhDNegative, sameGroup, type RecipientFactors } from './recipient.js';

type AboOrder = Record<Abo, readonly Abo[]>;

/**
 * Donor ABO groups by recipient ABO, most preferred first (domain.md §3).
 * Entries marked `*` in the reference ("only low-titre anti-A/B units") are acceptable and listed
 * after every fully compatible choice: the issuing unit must then be a low-titre unit, which the
 * product code or local labelling records.
 */
const redCellAbo: AboOrder = { O: ['O'], A: ['A', 'O'], B: ['B', 'O'], AB: ['AB', 'A', 'B', 'O'] };

/** Whole blood carries donor plasma: ABO-identical only (AABB); low-titre O only in emergencies. */
const wholeBloodAbo: AboOrder = { O: ['O'], A: ['A'], B: ['B'], AB: ['AB'] };

/** Plasma: O recipients take any; AB recipients take AB, then A* (transfusion.com.au plasma). */
const plasmaAbo: AboOrder = {
  O: ['O', 'A', 'B', 'AB'],
  A: ['A', 'AB'],
  B: ['B', 'AB'],
  AB: ['AB', 'A'],
};

/**
 * Cryoprecipitate, UK order of choice: O → O, A, B; A → A, B*, AB; B → B, A*, AB; AB → AB, A*, B*.
 * AB cryo (no anti-A/B) is also compatible with O recipients, listed last to spare AB stock.
 */
const cryoAbo: AboOrder = {
  O: ['O', 'A', 'B', 'AB'],
  A: ['A', 'B', 'AB'],
  B: ['B', 'A', 'AB'],
  AB: ['AB', 'A', 'B'],
};

/** Platelets (NHSBT table): O → O, A, B; A → A, AB, B*, O*; B → B, AB, A*, O*; AB → AB, A*, B*, O*. */
const plateletAbo: AboOrder = {
  O: ['O', 'A', 'B'],
  A: ['A', 'AB', 'B', 'O'],
  B: ['B', 'AB', 'A', 'O'],
  AB: ['AB', 'A', 'B', 'O'],
};

const aboOrder = (cls: ComponentClass, recipient: Abo, f: RecipientFactors): readonly Abo[] => {
  if (cls === 'WHOLE_BLOOD') return wholeBloodAbo[recipient];
  switch (compatibilityFamily(cls)) {
    case 'red-cells':
      return redCellAbo[recipient];
    case 'plasma':
      return plasmaAbo[recipient];
    case 'cryo':
      return cryoAbo[recipient];
    case 'platelets':
      // NHSBT: avoid group O platelets (high-titre anti-A/B) for non-O children.
      return isChild(f) && recipient !== 'O'
        ? plateletAbo[recipient].filter((g) => g !== 'O')
        : plateletAbo[recipient];
  }
};

const other = (rhd: RhD): RhD => (rhd === 'pos' ? 'neg' : 'pos');
const each = (abos: readonly Abo[], rhd: RhD): BloodGroup[] => abos.map((abo) => ({ abo, rhd }));
const interleave = (abos: readonly Abo[], first: RhD, second: RhD): BloodGroup[] =>
  abos.flatMap((abo) => [
    { abo, rhd: first },
    { abo, rhd: second },
  ]);

/**
 * Red cells: RhD-negative recipients receive RhD-negative only; RhD-positive recipients take
 * RhD-positive first so RhD-negative stock (≤0.5 % of Han donors) is spared.
 */
const redCellRhD = (abos: readonly Abo[], recipient: RhD): BloodGroup[] =>
  recipient === 'neg' ? each(abos, 'neg') : interleave(abos, 'pos', 'neg');

/**
 * Platelets: RhD-negative recipients get RhD-negative first. Women of child-bearing potential and
 * children get every RhD-negative option before any RhD-positive one (which then needs anti-D Ig).
 */
const plateletRhD = (abos: readonly Abo[], recipient: RhD, f: RecipientFactors): BloodGroup[] => {
  if (recipient === 'pos') return interleave(abos, 'pos', 'neg');
  if (isChild(f) || needsRhDNegative(f)) return [...each(abos, 'neg'), ...each(abos, 'pos')];
  return interleave(abos, 'neg', 'pos');
};

/**
 * Every acceptable donor group for `recipient`, most preferred first: ABO-identical first, then
 * ABO-compatible, then low-titre-only choices; within an ABO group RhD-identical first except
 * where RhD-negative must be spared. RhD does not matter for plasma and cryo.
 */
export const donorPreference = (
  cls: ComponentClass,
  recipient: BloodGroup,
  opts: RecipientFactors = {},
): BloodGroup[] => {
  const abos = aboOrder(cls, recipient.abo, opts);
  switch (compatibilityFamily(cls)) {
    case 'red-cells':
      return redCellRhD(abos, recipient.rhd);
    case 'platelets':
      return plateletRhD(abos, recipient.rhd, opts);
    case 'plasma':
    case 'cryo':
      return interleave(abos, recipient.rhd, other(recipient.rhd));
  }
};

/** Whether a donor group may be given to the recipient for this component class. */
export const isCompatible = (
  cls: ComponentClass,
  donor: BloodGroup,
  recipient: BloodGroup,
  opts?: RecipientFactors,
): boolean => donorPreference(cls, recipient, opts).some((g) => sameGroup(g, donor));
