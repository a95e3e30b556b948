import type { ComponentClass } from '../components/component-class.js';
import { shelfLifeExpiry } from '../components/rules.js';
import { DomainError } from '../errors.js';
import { assertNotExpired } from './guards.js';
import type { EventOf, HandlerTable } from './handler.js';
import type { ResolvedLifecycleOptions } from './options.js';
import type { UnitModification, UnitState } from './state.js';
import type { EventContext } from './types.js';

type ModificationKind = UnitModification['kind'];

/**
 * The class each modification turns a class into. Whole blood has no irradiated class here and
 * already-modified classes cannot be modified again (a thawed unit is never refrozen; a second
 * irradiation changes nothing): both are refused rather than silently relabelled.
 */
const modifiedClass: Record<ModificationKind, Partial<Record<ComponentClass, ComponentClass>>> = {
  IRRADIATED: { RED_CELLS: 'RED_CELLS_IRRADIATED', PLATELETS: 'PLATELETS_IRRADIATED' },
  THAWED: { PLASMA: 'PLASMA_THAWED', CRYO: 'CRYO_THAWED' },
};

const targetClass = (s: UnitState, kind: ModificationKind): ComponentClass => {
  const to = modifiedClass[kind][s.componentClass];
  if (to === undefined) {
    throw new DomainError(
      'MODIFICATION_NOT_APPLICABLE',
      `unit ${s.din} is ${s.componentClass}: ${kind} applies only to ` +
        Object.keys(modifiedClass[kind]).join(', '),
      { din: s.din, componentClass: s.componentClass, event: kind },
    );
  }
  return to;
};

/**
 * New expiry from the jurisdiction's shelf life of the new class (`shelfLifeExpiry`): irradiated
 * red cells 28 d from irradiation, thawed plasma 24 h and thawed cryo 4–6 h from the thaw, each
 * capped at the original expiry where the profile says so. Irradiation never extends the dating
 * (21 CFR 610.53: "or the original dating, if shorter"), whatever a profile override says.
 */
const modifiedExpiry = (
  s: UnitState,
  kind: ModificationKind,
  to: ComponentClass,
  at: Date,
  o: ResolvedLifecycleOptions,
): Date => {
  const input = { collectedAt: s.collectedAt, modifiedAt: at, originalExpiresAt: s.expiresAt };
  const expiry = shelfLifeExpiry(to, input, o.jurisdiction, o.ruleOverrides);
  return kind === 'IRRADIATED' && s.expiresAt < expiry ? s.expiresAt : expiry;
};

const modify = (
  s: UnitState,
  e: EventOf<'IRRADIATED'> | EventOf<'THAWED'>,
  ctx: EventContext,
  o: ResolvedLifecycleOptions,
): UnitState => {
  assertNotExpired(s, ctx, e.type);
  const toClass = targetClass(s, e.type);
  const expiresAt = modifiedExpiry(s, e.type, toClass, ctx.at, o);
  const productCode = e.productCode ?? s.productCode;
  const modification: UnitModification = {
    kind: e.type,
    at: ctx.at,
    siteId: ctx.siteId,
    fromClass: s.componentClass,
    toClass,
    fromProductCode: s.productCode,
    productCode,
    fromExpiresAt: s.expiresAt,
    expiresAt,
  };
  const modifications = [...(s.modifications ?? []), modification];
  return { ...s, componentClass: toClass, productCode, expiresAt, modifications };
};

/**
 * Irradiation and thawing are blood-bank preparation steps on released stock, so they are legal
 * only from `available` and `reserved` (transitions.ts). `reserved` is included because both are
 * normally done on request for a named patient after the crossmatch: plasma is thawed to order
 * because thawed plasma keeps only 24 h (domain.md §2.1), and irradiated cells go to the patients
 * who need them. Quarantined, held (domain.md §2.4: quarantine, then evaluate, unchanged), issued
 * (out of controlled storage, §2.3), in-transit and final units are never modified.
 */
export const modifyHandlers: HandlerTable<'IRRADIATED' | 'THAWED'> = {
  // Irradiation does not change the storage conditions of the class: the unit stays where it is.
  IRRADIATED: (s, e, ctx, o) => modify(s, e, ctx, o),
  // A thawed unit has left frozen storage for good: it must be STORED again at 2–6 °C (plasma)
  // or kept at 20–24 °C (cryo), so its freezer location no longer holds.
  THAWED: (s, e, ctx, o) => ({
    ...modify(s, e, ctx, o),
    locationId: null,
    outOfStorageSince: s.outOfStorageSince ?? ctx.at,
  }),
};
