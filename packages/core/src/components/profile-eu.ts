import type { ComponentClass } from './component-class.js';
import type { ComponentRules } from './rules-schema.js';

/**
 * European Union profile: Directive 2004/33/EC Annex IV (as transposed in UK SI 2005/50 Sch. Part 4)
 * for storage and shelf life; the Annex sets no transport temperatures, so the JPAC Red Book /
 * Council of Europe Guide values are used there [S]; NHSBT for agitation and excursion release.
 */

/** Annex IV gives only "below -25 °C"; -100 °C bounds sensor plausibility. */
const FROZEN_FLOOR_C = -100;
/** AU practice (transfusion.com.au): alarm set points 0.5 °C inside the storage range. */
const PRE_ALARM_MARGIN_C = 0.5;
/** NZBS §3.11 30-minute rule (also UK practice). */
const THIRTY_MINUTE_RULE = 30;
const noAgitation = {
  required: false,
  maxInterruptionMinutes: null,
  maxCumulativeInterruptionMinutes: null,
};

const refrigerated = {
  storage: { minC: 2, maxC: 6 }, // 2004/33/EC Annex IV: red cells and whole blood +2 to +6 °C
  transport: { minC: 2, maxC: 10, maxHours: null }, // JPAC Red Book: 2–10 °C in transport [S]
  preAlarmMarginC: PRE_ALARM_MARGIN_C,
  agitation: noAgitation,
  timeOutOfStorageMinutes: THIRTY_MINUTE_RULE,
  excursionRelease: null,
} as const;

/** NHSBT temperature excursions: closed-system red cells, core 1–10 °C, once only, ≤ 5 h. */
const nhsbtRedCellRelease = { maxReleases: 1, maxHours: 5, coreMinC: 1, coreMaxC: 10 };

const roomTemperature = {
  storage: { minC: 20, maxC: 24 }, // 2004/33/EC Annex IV: platelets +20 to +24 °C
  transport: { minC: 20, maxC: 24, maxHours: null }, // JPAC Red Book [S]
  preAlarmMarginC: PRE_ALARM_MARGIN_C,
  // NHSBT non-agitation guidance: ≤ 8 h per interruption, ≤ 24 h in total
  agitation: {
    required: true,
    maxInterruptionMinutes: 8 * 60,
    maxCumulativeInterruptionMinutes: 24 * 60,
  },
  timeOutOfStorageMinutes: 60, // adopted: NZBS §3.11, platelets transfused within 1 h of issue
  excursionRelease: null,
} as const;

const frozen = {
  storage: { minC: FROZEN_FLOOR_C, maxC: -25 }, // 2004/33/EC Annex IV: 36 months below -25 °C
  transport: { minC: FROZEN_FLOOR_C, maxC: -25, maxHours: null }, // keep frozen
  preAlarmMarginC: PRE_ALARM_MARGIN_C,
  agitation: noAgitation,
  timeOutOfStorageMinutes: null, // never refrozen: no return to stock
  excursionRelease: null,
} as const;

export const euProfile: Record<ComponentClass, ComponentRules> = {
  // Annex IV: 28–49 d by process; 35 d for CPDA-1 whole blood
  WHOLE_BLOOD: {
    ...refrigerated,
    shelfLife: { amount: 35, unit: 'days', from: 'collection', notAfterOriginal: false },
  },
  RED_CELLS: {
    ...refrigerated,
    excursionRelease: nhsbtRedCellRelease,
    // Annex IV: 28–49 d by process; 42 d for red cells in SAGM
    shelfLife: { amount: 42, unit: 'days', from: 'collection', notAfterOriginal: false },
  },
  RED_CELLS_IRRADIATED: {
    ...refrigerated,
    excursionRelease: nhsbtRedCellRelease,
    // Annex IV gives none; 28 d from irradiation capped at the original expiry (as 21 CFR 610.53).
    // UK practice is stricter (14 d after irradiation): override for UK sites.
    shelfLife: { amount: 28, unit: 'days', from: 'irradiation', notAfterOriginal: true },
  },
  // Annex IV: 5 d (7 d with bacterial detection or reduction: override)
  PLATELETS: {
    ...roomTemperature,
    shelfLife: { amount: 5, unit: 'days', from: 'collection', notAfterOriginal: false },
  },
  PLATELETS_IRRADIATED: {
    ...roomTemperature,
    shelfLife: { amount: 5, unit: 'days', from: 'collection', notAfterOriginal: false },
  },
  // Annex IV: FFP 36 months below -25 °C (3 months at -18 to -25 °C: override)
  PLASMA: {
    ...frozen,
    shelfLife: { amount: 36, unit: 'months', from: 'collection', notAfterOriginal: false },
  },
  PLASMA_THAWED: {
    ...refrigerated,
    // Council of Europe Guide: thawed FFP 2–6 °C, 24 h [S]
    shelfLife: { amount: 24, unit: 'hours', from: 'thaw', notAfterOriginal: true },
  },
  // Annex IV: cryoprecipitate 36 months below -25 °C
  CRYO: {
    ...frozen,
    shelfLife: { amount: 36, unit: 'months', from: 'collection', notAfterOriginal: false },
  },
  CRYO_THAWED: {
    ...roomTemperature,
    agitation: noAgitation,
    timeOutOfStorageMinutes: null,
    // JPAC Red Book: thawed cryoprecipitate at 20–24 °C, use within 4 h [S]
    shelfLife: { amount: 4, unit: 'hours', from: 'thaw', notAfterOriginal: true },
  },
};
