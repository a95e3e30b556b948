import type { ComponentClass } from './component-class.js';
import type { ComponentRules } from './rules-schema.js';

/**
 * China profile (the default). Storage values: WS 399-2012 《血液储存要求》 as summarised by the
 * Tongling blood station (domain.md §2.1); transport: WS/T 400-2012 as quoted by an exam bank [S].
 * Both were superseded by WS/T 399-2023 / WS 400-2023 (effective 2024-09-01): verify against the
 * 2023 texts before clinical use; every value can be overridden per deployment.
 */

/** Frozen components have no lower storage limit in WS 399-2012; -100 °C only bounds sensor plausibility. */
const FROZEN_FLOOR_C = -100;
/** AU practice (transfusion.com.au storage): alarm set points 0.5 °C inside the storage range. */
const PRE_ALARM_MARGIN_C = 0.5;
/** NZBS handbook §3.11 "30-minute rule" for refrigerated components out of monitored storage. */
const THIRTY_MINUTE_RULE = 30;
const noAgitation = {
  required: false,
  maxInterruptionMinutes: null,
  maxCumulativeInterruptionMinutes: null,
};

const redCellBase = {
  storage: { minC: 2, maxC: 6 }, // WS 399-2012: whole blood and red cells 2–6 °C
  transport: { minC: 2, maxC: 10, maxHours: 24 }, // WS/T 400-2012 [S]: 2–10 °C, ≤ 24 h
  preAlarmMarginC: PRE_ALARM_MARGIN_C,
  agitation: noAgitation,
  timeOutOfStorageMinutes: THIRTY_MINUTE_RULE,
  excursionRelease: null, // WS 399-2012 names no release criterion: out-of-range units are evaluated/discarded
} as const;

const plateletBase = {
  storage: { minC: 20, maxC: 24 }, // WS 399-2012: platelets 20–24 °C with continuous gentle agitation
  transport: { minC: 20, maxC: 24, maxHours: 24 }, // WS/T 400-2012 [S]
  preAlarmMarginC: PRE_ALARM_MARGIN_C,
  // WS 399-2012: 24 h without an agitator (cumulative); no per-stop limit is stated, so the
  // NHSBT limit of 8 h per interruption is adopted (hospital.blood.co.uk non-agitation guidance).
  agitation: {
    required: true,
    maxInterruptionMinutes: 8 * 60,
    maxCumulativeInterruptionMinutes: 24 * 60,
  },
  // Adopted: NZBS §3.11 expects platelets to be transfused within 1 h of issue.
  timeOutOfStorageMinutes: 60,
  excursionRelease: null,
} as const;

const frozenBase = {
  storage: { minC: FROZEN_FLOOR_C, maxC: -18 }, // WS 399-2012: below -18 °C
  transport: { minC: FROZEN_FLOOR_C, maxC: -18, maxHours: null }, // keep frozen in transit
  preAlarmMarginC: PRE_ALARM_MARGIN_C,
  agitation: noAgitation,
  timeOutOfStorageMinutes: null, // a thawing component is never refrozen: no return to stock
  excursionRelease: null,
} as const;

export const cnProfile: Record<ComponentClass, ComponentRules> = {
  // WS 399-2012: CPDA-1 whole blood 35 d (ACD-B/CPD: 21 d, override when used)
  WHOLE_BLOOD: {
    ...redCellBase,
    shelfLife: { amount: 35, unit: 'days', from: 'collection', notAfterOriginal: false },
  },
  // WS 399-2012: suspended red cells in MAP or CPDA-1 35 d
  RED_CELLS: {
    ...redCellBase,
    shelfLife: { amount: 35, unit: 'days', from: 'collection', notAfterOriginal: false },
  },
  // WS 399-2012 gives no irradiated shelf life; 21 CFR 610.53 (28 d from irradiation, never past
  // the original expiry) is adopted pending WS/T 399-2023.
  RED_CELLS_IRRADIATED: {
    ...redCellBase,
    shelfLife: { amount: 28, unit: 'days', from: 'irradiation', notAfterOriginal: true },
  },
  // WS 399-2012: 5 d in platelet storage bags with agitation (24 h in ordinary bags)
  PLATELETS: {
    ...plateletBase,
    shelfLife: { amount: 5, unit: 'days', from: 'collection', notAfterOriginal: false },
  },
  // Irradiation does not change the platelet expiry (AABB practice, adopted)
  PLATELETS_IRRADIATED: {
    ...plateletBase,
    shelfLife: { amount: 5, unit: 'days', from: 'collection', notAfterOriginal: false },
  },
  // WS 399-2012: fresh frozen plasma 1 year below -18 °C (frozen plasma 4 years: override)
  PLASMA: {
    ...frozenBase,
    shelfLife: { amount: 12, unit: 'months', from: 'collection', notAfterOriginal: false },
  },
  PLASMA_THAWED: {
    ...redCellBase,
    // WS 399-2012: thawed plasma 2–6 °C, use within 24 h of thawing
    shelfLife: { amount: 24, unit: 'hours', from: 'thaw', notAfterOriginal: true },
  },
  // WS 399-2012: cryoprecipitate 1 year from collection below -18 °C
  CRYO: {
    ...frozenBase,
    shelfLife: { amount: 12, unit: 'months', from: 'collection', notAfterOriginal: false },
  },
  CRYO_THAWED: {
    ...plateletBase,
    agitation: noAgitation,
    timeOutOfStorageMinutes: null, // room-temperature product used at once: no return to stock
    // Thawed cryo kept at 20–24 °C (domain.md §2.1); 4 h as for pooled cryo in 21 CFR 610.53 [adopted]
    shelfLife: { amount: 4, unit: 'hours', from: 'thaw', notAfterOriginal: true },
  },
};
