import type { ComponentClass } from './component-class.js';
import type { ComponentRules } from './rules-schema.js';

/**
 * United States profile: 21 CFR 610.53 (dating periods and storage temperatures) and the AABB
 * Standards temperature groups (storage and transport, domain.md §2.1).
 */

/** 21 CFR 610.53 sets only an upper limit for frozen components; -100 °C bounds sensor plausibility. */
const FROZEN_FLOOR_C = -100;
/** AU practice (transfusion.com.au): alarm set points 0.5 °C inside the range; US SOPs vary. */
const PRE_ALARM_MARGIN_C = 0.5;
/** NZBS §3.11 30-minute rule, the common US hospital SOP value as well. */
const THIRTY_MINUTE_RULE = 30;
const noAgitation = {
  required: false,
  maxInterruptionMinutes: null,
  maxCumulativeInterruptionMinutes: null,
};

const refrigerated = {
  storage: { minC: 1, maxC: 6 }, // 21 CFR 610.53: whole blood and red cells 1–6 °C
  transport: { minC: 1, maxC: 10, maxHours: null }, // AABB: 1–10 °C in transport
  preAlarmMarginC: PRE_ALARM_MARGIN_C,
  agitation: noAgitation,
  timeOutOfStorageMinutes: THIRTY_MINUTE_RULE,
  excursionRelease: null, // AABB: components out of range in transport cannot be used [S]
} as const;

const roomTemperature = {
  storage: { minC: 20, maxC: 24 }, // 21 CFR 610.53: platelets 20–24 °C, continuous gentle agitation
  transport: { minC: 20, maxC: 24, maxHours: null }, // AABB: 20–24 °C
  preAlarmMarginC: PRE_ALARM_MARGIN_C,
  // AABB Standards: platelets may be without agitation for up to 24 h (e.g. in shipping)
  agitation: {
    required: true,
    maxInterruptionMinutes: 24 * 60,
    maxCumulativeInterruptionMinutes: 24 * 60,
  },
  timeOutOfStorageMinutes: 60, // adopted: NZBS §3.11, platelets transfused within 1 h of issue
  excursionRelease: null,
} as const;

const frozen = {
  storage: { minC: FROZEN_FLOOR_C, maxC: -18 }, // 21 CFR 610.53: -18 °C or colder
  transport: { minC: FROZEN_FLOOR_C, maxC: -18, maxHours: null }, // AABB: keep frozen
  preAlarmMarginC: PRE_ALARM_MARGIN_C,
  agitation: noAgitation,
  timeOutOfStorageMinutes: null, // never refrozen: no return to stock
  excursionRelease: null,
} as const;

export const usProfile: Record<ComponentClass, ComponentRules> = {
  // 21 CFR 610.53: whole blood CPDA-1 35 d (ACD/CPD/CP2D 21 d: override when used)
  WHOLE_BLOOD: {
    ...refrigerated,
    shelfLife: { amount: 35, unit: 'days', from: 'collection', notAfterOriginal: false },
  },
  // 21 CFR 610.53: red cells in additive solution 42 d
  RED_CELLS: {
    ...refrigerated,
    shelfLife: { amount: 42, unit: 'days', from: 'collection', notAfterOriginal: false },
  },
  // 21 CFR 610.53: irradiated red cells 28 d from irradiation or the original dating, if shorter
  RED_CELLS_IRRADIATED: {
    ...refrigerated,
    shelfLife: { amount: 28, unit: 'days', from: 'irradiation', notAfterOriginal: true },
  },
  // 21 CFR 610.53: platelets 5 d
  PLATELETS: {
    ...roomTemperature,
    shelfLife: { amount: 5, unit: 'days', from: 'collection', notAfterOriginal: false },
  },
  PLATELETS_IRRADIATED: {
    ...roomTemperature,
    shelfLife: { amount: 5, unit: 'days', from: 'collection', notAfterOriginal: false }, // unchanged by irradiation
  },
  // 21 CFR 610.53: fresh frozen plasma 12 months at -18 °C or colder
  PLASMA: {
    ...frozen,
    shelfLife: { amount: 12, unit: 'months', from: 'collection', notAfterOriginal: false },
  },
  PLASMA_THAWED: {
    ...refrigerated,
    // AABB: thawed FFP 1–6 °C, 24 h (relabelled "Thawed Plasma" 5 d: override when used)
    shelfLife: { amount: 24, unit: 'hours', from: 'thaw', notAfterOriginal: true },
  },
  // 21 CFR 610.53: cryoprecipitated AHF 12 months from collection
  CRYO: {
    ...frozen,
    shelfLife: { amount: 12, unit: 'months', from: 'collection', notAfterOriginal: false },
  },
  CRYO_THAWED: {
    ...roomTemperature,
    agitation: noAgitation,
    timeOutOfStorageMinutes: null,
    // 21 CFR 610.53: thawed cryo at 20–24 °C, 6 h single / 4 h pooled (override for pools)
    shelfLife: { amount: 6, unit: 'hours', from: 'thaw', notAfterOriginal: true },
  },
};
