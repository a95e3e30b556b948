import { z } from 'zod';

/**
 * What a monitored device alarms on. A profile is derived from the component rules of the class
 * the device holds (storage range, pre-alarm set points, agitation limits) plus the device's own
 * settings (reporting interval, delays).
 */
export const alarmConditions = [
  'TEMPERATURE_EXCURSION',
  'TEMPERATURE_PRE_ALARM',
  'AGITATION_STOPPED',
  'AGITATION_LIMIT_EXCEEDED',
  'DOOR_OPEN',
  'LOW_BATTERY',
  'POWER_LOSS',
  'SENSOR_SILENT',
] as const;
export const alarmConditionSchema = z.enum(alarmConditions);
export type AlarmCondition = z.infer<typeof alarmConditionSchema>;

/** Conditions that make the contents unusable until evaluated: they hold the touched units. */
export const excursionConditions: readonly AlarmCondition[] = [
  'TEMPERATURE_EXCURSION',
  'AGITATION_LIMIT_EXCEEDED',
];

export const alarmProfileSchema = z.object({
  temperature: z
    .object({
      /** Storage range, °C (domain.md §2.1). */
      min: z.number(),
      max: z.number(),
      /** Pre-alarm set points inside the range (AU: within 0.5 °C; ACHC: 2.2/5.8 for 2–6 °C). */
      preAlarmLow: z.number(),
      preAlarmHigh: z.number(),
      /** Out of range for at least this long (by reading time) before the excursion alarm. */
      excursionDelayMs: z.number().nonnegative(),
      preAlarmDelayMs: z.number().nonnegative(),
    })
    .nullable(),
  agitation: z
    .object({
      /** A stop lasting this long raises AGITATION_STOPPED (operational alarm). */
      alarmDelayMs: z.number().nonnegative(),
      /** NHSBT: interruptions up to 8 h each and 24 h in total are acceptable. */
      maxInterruptionMs: z.number().positive(),
      maxCumulativeMs: z.number().positive(),
      /** Cumulative interruptions are summed over this trailing window (the platelets' shelf life). */
      cumulativeWindowMs: z.number().positive(),
    })
    .nullable(),
  doorOpenMaxMs: z.number().nonnegative(),
  lowBatteryPercent: z.number().min(0).max(100),
  powerLossDelayMs: z.number().nonnegative(),
  reportingIntervalMs: z.number().positive(),
  /** SENSOR_SILENT after this many reporting intervals without any message. */
  silenceIntervals: z.number().int().positive(),
});
export type AlarmProfile = z.infer<typeof alarmProfileSchema>;

/** The subset of a class's component rules a cold-chain profile needs. */
export interface ColdChainRules {
  storage: { minC: number; maxC: number } | null;
  preAlarm?: { lowC: number; highC: number } | null;
  agitation?: { maxInterruptionMs: number; maxCumulativeMs: number } | null;
  shelfLifeMs?: number | null;
}

export interface DeviceSettings {
  reportingIntervalMs: number;
  excursionDelayMs: number;
  silenceIntervals?: number;
  doorOpenMaxMs?: number;
  lowBatteryPercent?: number;
}

/** AU practice: alarm set points 0.5 °C inside the storage range when rules name none. */
const DEFAULT_PRE_ALARM_MARGIN_C = 0.5;

export function buildAlarmProfile(rules: ColdChainRules, device: DeviceSettings): AlarmProfile {
  const s = rules.storage;
  return {
    temperature: s && {
      min: s.minC,
      max: s.maxC,
      preAlarmLow: rules.preAlarm?.lowC ?? s.minC + DEFAULT_PRE_ALARM_MARGIN_C,
      preAlarmHigh: rules.preAlarm?.highC ?? s.maxC - DEFAULT_PRE_ALARM_MARGIN_C,
      excursionDelayMs: device.excursionDelayMs,
      preAlarmDelayMs: 0,
    },
    agitation: rules.agitation
      ? {
          alarmDelayMs: Math.min(device.excursionDelayMs, rules.agitation.maxInterruptionMs),
          maxInterruptionMs: rules.agitation.maxInterruptionMs,
          maxCumulativeMs: rules.agitation.maxCumulativeMs,
          cumulativeWindowMs: rules.shelfLifeMs ?? 7 * 24 * 3_600_000,
        }
      : null,
    doorOpenMaxMs: device.doorOpenMaxMs ?? 5 * 60_000,
    lowBatteryPercent: device.lowBatteryPercent ?? 20,
    powerLossDelayMs: 0,
    reportingIntervalMs: device.reportingIntervalMs,
    silenceIntervals: device.silenceIntervals ?? 3,
  };
}
