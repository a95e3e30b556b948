import { z } from 'zod';

/** Components the twin models; each maps to a core ComponentClass (see model/components.ts). */
export const simComponents = ['redCells', 'platelets', 'plasma', 'cryo'] as const;
export type SimComponent = (typeof simComponents)[number];

const perComponent = <T extends z.ZodType>(t: T) =>
  z.object({ redCells: t, platelets: t, plasma: t, cryo: t });

const weekdays = z.array(z.number().nonnegative()).length(7).describe('Monday … Sunday');
const fraction = z.number().min(0).max(1);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const siteSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

const hospitalSchema = siteSchema.extend({
  /** Units transfused per day on an average day, per component. */
  demandPerDay: perComponent(z.number().nonnegative()),
});

const componentDemandSchema = z.object({
  weekdayFactors: weekdays,
  /** Negative binomial size per weekday (var = μ + μ²/n); 0 means fixed demand (exactly μ). */
  dispersion: weekdays,
  unitsPerRequest: z.number().int().positive(),
  urgentShare: fraction,
});

const parSchema = z.object({
  /** Days of average demand a hospital stocks per group (today's fixed par practice). */
  parDays: z.number().nonnegative(),
  /** Stock at least this many units of a group once the hospital uses it at all. */
  minUnits: z.number().int().nonnegative(),
  /** Groups with less average daily use than this are not stocked; ordered per patient. */
  stockIfDailyUseAtLeast: z.number().nonnegative(),
});

const networkComponentSchema = z.object({
  /** Safety factor z on NB demand variability over the cover period. */
  safetyFactor: z.number().nonnegative(),
  coverDays: z.number().positive(),
  minUnits: z.number().int().nonnegative(),
  stockIfDailyUseAtLeast: z.number().nonnegative(),
});

export const scenarioSchema = z.object({
  name: z.string().min(1),
  description: z.string().default(''),
  startDate: isoDate,
  warmupDays: z.number().int().nonnegative().default(42),
  population: z.number().positive().optional(),
  center: siteSchema,
  hospitals: z.array(hospitalSchema).default([]),
  syntheticHospitals: z
    .object({
      count: z.number().int().positive(),
      radiusKm: z.number().positive(),
      /** Hospital archetypes with their share of the generated hospitals. */
      archetypes: z
        .array(z.object({ share: fraction, demandPerDay: perComponent(z.number().nonnegative()) }))
        .min(1),
    })
    .optional(),
  bloodGroups: z.object({
    abo: z.object({ O: fraction, A: fraction, B: fraction, AB: fraction }),
    rhdNegative: fraction,
  }),
  shelfLifeDays: perComponent(z.number().positive())
    .optional()
    .describe('overrides core component rules'),
  jurisdiction: z.enum(['CN', 'US', 'EU']).default('CN'),
  transport: z.object({
    roadSpeedKmh: z.number().positive(),
    roadFactor: z.number().min(1),
    routineDispatchMinutes: z.number().nonnegative(),
    rushDispatchMinutes: z.number().nonnegative(),
    emergencyDispatchMinutes: z.number().nonnegative(),
    /** Redistribution limit: longest road trip a unit is moved for. */
    maxTransferMinutes: z.number().positive(),
  }),
  demand: z.object({
    components: perComponent(componentDemandSchema),
    /** Hospital-wide crossmatch-to-transfusion ratio of red cells (grouped patients), and the
     * hours crossmatched units stay reserved (sample validity). */
    crossmatch: z.object({ ctRatio: z.number().min(1), holdHours: z.number().positive() }),
    /** Share of urgent red-cell requests for patients of unknown group (emergency group O). */
    urgentUnknownGroupShare: fraction,
  }),
  supply: z.object({
    weekdayFactors: weekdays,
    /** Donors arrive at random (Poisson); false collects exactly the planned units (test scenarios). */
    randomArrivals: z.boolean().default(true),
    /** Multiplicative day-to-day noise of collections (coefficient of variation). */
    dailyNoiseCv: z.number().nonnegative(),
    /** Collection dip around the Spring Festival (calibration.md §2, Nanning winter shortfall). */
    springFestival: z.object({
      start: isoDate,
      days: z.number().int().nonnegative(),
      factor: fraction,
    }),
    /** Centre stock the collection plan steers to, in days of network demand. */
    targetDaysOfCover: perComponent(z.number().positive()),
    collectionGain: z.number().nonnegative(),
    /** Red-cell days of cover of a group below which the centre appeals for its donors (its stock
     * warning level); defaults to the target. */
    appealBelowDaysOfCover: z.number().positive().optional(),
    /** Share of whole-blood collections the centre can postpone when its red-cell stock is above
     * target (scheduled group drives); walk-in donors come whatever the stock. Appeals for a group
     * below target raise turnout whatever this share. Platelets are all booked. */
    steerableShare: fraction.default(1),
    /** Whole-blood turnout factor per calendar month, January first (term-time group drives). */
    monthlyFactors: z.array(z.number().nonnegative()).length(12).optional(),
    /** Dated collection campaigns multiplying whole-blood turnout while they run. */
    campaigns: z
      .array(
        z.object({
          name: z.string().min(1),
          start: isoDate,
          days: z.number().int().positive(),
          factor: z.number().nonnegative(),
        }),
      )
      .default([]),
    /** By-products per red-cell unit (China 2014 survey: 1.44 plasma U, 0.12 cryo U). */
    plasmaPerRedCellUnit: z.number().nonnegative(),
    cryoPerRedCellUnit: z.number().nonnegative(),
  }),
  policies: z.object({
    isolated: z.object({ par: perComponent(parSchema) }),
    network: z.object({
      replenishment: perComponent(networkComponentSchema),
      /** Network days of cover below which centre allocations are cut, mildest tier first. */
      shortageTiers: perComponent(
        z.array(z.object({ belowDaysOfCover: z.number().positive(), fillFraction: fraction })),
      ),
      /** Hours before expiry from which O RhD-neg may go to recipients of other groups. */
      releaseProtectedWithinHours: z.number().nonnegative(),
      preferExpiringSubstituteWithinHours: z.number().nonnegative(),
      minRemainingHoursOnArrival: z.number().nonnegative(),
      /** Crossmatch reservations take only units with this long to live after the hold (0 = FEFO). */
      reservationSpareHours: z.number().nonnegative().default(0),
    }),
  }),
});

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type Hospital = z.infer<typeof hospitalSchema>;
export type ParRule = z.infer<typeof parSchema>;
export type NetworkReplenishment = z.infer<typeof networkComponentSchema>;
