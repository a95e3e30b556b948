import { z } from 'zod';
import { componentClassSchema } from './component-class.js';

/** Jurisdiction profiles Hemonet ships: China (default), United States, European Union. */
export const jurisdictions = ['CN', 'US', 'EU'] as const;
export const jurisdictionSchema = z.enum(jurisdictions);
export type Jurisdiction = z.infer<typeof jurisdictionSchema>;

/** Inclusive temperature range in °C. Frozen components have no regulatory lower limit. */
const rangeShape = { minC: z.number(), maxC: z.number() };

const transportShape = {
  ...rangeShape,
  /** Longest validated transport time, or null when the source sets none. */
  maxHours: z.number().positive().nullable(),
};

const agitationShape = {
  required: z.boolean(),
  /** Longest single stop of agitation (platelets), or null when not limited/not agitated. */
  maxInterruptionMinutes: z.number().positive().nullable(),
  /** Longest total of stops over the shelf life, or null. */
  maxCumulativeInterruptionMinutes: z.number().positive().nullable(),
};

const shelfLifeShape = {
  amount: z.number().positive(),
  unit: z.enum(['hours', 'days', 'months']),
  /** What the shelf life counts from: the collection, or the thaw/irradiation that made the class. */
  from: z.enum(['collection', 'thaw', 'irradiation']),
  /** The new expiry may not be later than the unit's original expiry. */
  notAfterOriginal: z.boolean(),
};

/** A one-off release rule after a temperature excursion (NHSBT red cells). */
const excursionReleaseShape = {
  maxReleases: z.number().int().positive(),
  maxHours: z.number().positive(),
  coreMinC: z.number(),
  coreMaxC: z.number(),
};

const rulesShape = {
  storage: z.object(rangeShape),
  transport: z.object(transportShape),
  /** Pre-alarm set points this far inside the storage range (°C). */
  preAlarmMarginC: z.number().nonnegative(),
  agitation: z.object(agitationShape),
  shelfLife: z.object(shelfLifeShape),
  /** Longest time out of controlled storage after which a unit may still return to stock; null = never. */
  timeOutOfStorageMinutes: z.number().nonnegative().nullable(),
  excursionRelease: z.object(excursionReleaseShape).nullable(),
};

const ordered = (r: { minC: number; maxC: number }): boolean => r.minC < r.maxC;

export const componentRulesSchema = z
  .object(rulesShape)
  .strict()
  .refine((r) => ordered(r.storage), {
    message: 'storage minC must be below maxC',
    path: ['storage'],
  })
  .refine((r) => ordered(r.transport), {
    message: 'transport minC must be below maxC',
    path: ['transport'],
  })
  .refine((r) => 2 * r.preAlarmMarginC < r.storage.maxC - r.storage.minC, {
    message: 'pre-alarm margins must leave a non-empty range',
    path: ['preAlarmMarginC'],
  });
export type ComponentRules = z.infer<typeof componentRulesSchema>;

/** A partial override of one class's rules: any nested value may be given alone. */
export const componentRulesOverrideSchema = z
  .object({
    storage: z.object(rangeShape).partial().strict().optional(),
    transport: z.object(transportShape).partial().strict().optional(),
    preAlarmMarginC: rulesShape.preAlarmMarginC.optional(),
    agitation: z.object(agitationShape).partial().strict().optional(),
    shelfLife: z.object(shelfLifeShape).partial().strict().optional(),
    timeOutOfStorageMinutes: rulesShape.timeOutOfStorageMinutes.optional(),
    excursionRelease: z.object(excursionReleaseShape).partial().strict().nullable().optional(),
  })
  .strict();
export type ComponentRulesOverride = z.infer<typeof componentRulesOverrideSchema>;

/** Overrides of a whole jurisdiction profile, class by class (e.g. from a deployment config). */
export const profileOverridesSchema = z.partialRecord(
  componentClassSchema,
  componentRulesOverrideSchema,
);
export type ProfileOverrides = z.infer<typeof profileOverridesSchema>;
