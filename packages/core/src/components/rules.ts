import { z } from 'zod';
import { DomainError } from '../errors.js';
import type { ComponentClass } from './component-class.js';
import { cnProfile } from './profile-cn.js';
import { euProfile } from './profile-eu.js';
import { usProfile } from './profile-us.js';
import {
  componentRulesSchema,
  profileOverridesSchema,
  type ComponentRules,
  type ComponentRulesOverride,
  type Jurisdiction,
  type ProfileOverrides,
} from './rules-schema.js';

const profiles: Record<Jurisdiction, Record<ComponentClass, ComponentRules>> = {
  CN: cnProfile,
  US: usProfile,
  EU: euProfile,
};

/** Rules of one class with the derived pre-alarm set points (what monitoring uses). */
export type ResolvedComponentRules = ComponentRules & { preAlarm: { lowC: number; highC: number } };

const mergeObject = <T extends object>(base: T, over: Partial<T> | undefined): T =>
  over === undefined ? base : { ...base, ...over };

const mergeRules = (base: ComponentRules, over: ComponentRulesOverride): unknown => ({
  storage: mergeObject(base.storage, over.storage),
  transport: mergeObject(base.transport, over.transport),
  preAlarmMarginC: over.preAlarmMarginC ?? base.preAlarmMarginC,
  agitation: mergeObject(base.agitation, over.agitation),
  shelfLife: mergeObject(base.shelfLife, over.shelfLife),
  timeOutOfStorageMinutes:
    over.timeOutOfStorageMinutes === undefined
      ? base.timeOutOfStorageMinutes
      : over.timeOutOfStorageMinutes,
  excursionRelease:
    over.excursionRelease === undefined
      ? base.excursionRelease
      : over.excursionRelease && { ...base.excursionRelease, ...over.excursionRelease },
});

const invalid = (error: z.ZodError, what: string): DomainError =>
  new DomainError('RULES_INVALID', `${what}: ${z.prettifyError(error)}`, { issues: error.issues });

/** Validates an override object (e.g. read from a deployment config file). */
export const parseProfileOverrides = (input: unknown): ProfileOverrides => {
  const parsed = profileOverridesSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error, 'component rule overrides');
  return parsed.data;
};

const withPreAlarm = (r: ComponentRules): ResolvedComponentRules => ({
  ...r,
  preAlarm: { lowC: r.storage.minC + r.preAlarmMarginC, highC: r.storage.maxC - r.preAlarmMarginC },
});

/**
 * Storage, transport, agitation, shelf-life and time-out-of-storage rules of a component class
 * in a jurisdiction ('CN' by default), with optional validated overrides.
 */
export const getComponentRules = (
  cls: ComponentClass,
  jurisdiction: Jurisdiction = 'CN',
  overrides?: ProfileOverrides,
): ResolvedComponentRules => {
  const base = profiles[jurisdiction][cls];
  const over = overrides === undefined ? undefined : parseProfileOverrides(overrides)[cls];
  if (over === undefined) return withPreAlarm(base);
  const merged = componentRulesSchema.safeParse(mergeRules(base, over));
  if (!merged.success) throw invalid(merged.error, `${jurisdiction} ${cls} rules after overrides`);
  return withPreAlarm(merged.data);
};

const addMonthsUtc = (d: Date, months: number): Date => {
  const out = new Date(d.getTime());
  const day = out.getUTCDate();
  out.setUTCDate(1);
  out.setUTCMonth(out.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(out.getUTCFullYear(), out.getUTCMonth() + 1, 0)).getUTCDate();
  out.setUTCDate(Math.min(day, lastDay));
  return out;
};

const addShelfLife = (from: Date, life: ComponentRules['shelfLife']): Date => {
  if (life.unit === 'months') return addMonthsUtc(from, life.amount);
  const hours = life.unit === 'days' ? life.amount * 24 : life.amount;
  return new Date(from.getTime() + hours * 3_600_000);
};

export interface ShelfLifeInput {
  collectedAt: Date;
  /** Time of the thaw or irradiation that created this class (required when the class counts from it). */
  modifiedAt?: Date;
  /** The unit's expiry before the modification (caps the new one where the rule says so). */
  originalExpiresAt?: Date;
}

/** Expiry of a unit of `cls`: collection (or thaw/irradiation) time plus the class's shelf life. */
export const shelfLifeExpiry = (
  cls: ComponentClass,
  input: ShelfLifeInput,
  jurisdiction: Jurisdiction = 'CN',
  overrides?: ProfileOverrides,
): Date => {
  const { shelfLife } = getComponentRules(cls, jurisdiction, overrides);
  const start = shelfLife.from === 'collection' ? input.collectedAt : input.modifiedAt;
  if (start === undefined) {
    throw new DomainError(
      'SHELF_LIFE_START_MISSING',
      `${cls} shelf life counts from the ${shelfLife.from} time`,
      {
        componentClass: cls,
        from: shelfLife.from,
      },
    );
  }
  const expiry = addShelfLife(start, shelfLife);
  const cap = shelfLife.notAfterOriginal ? input.originalExpiresAt : undefined;
  return cap !== undefined && cap < expiry ? cap : expiry;
};
