/**
 * Replenishment: order up to a target derived from a weekday demand forecast. Demand per weekday is
 * over-dispersed (negative binomial, var = μ + μ²/n; Mirjalili 2022 platelet model, calibration.md
 * §2), so the safety stock uses that variance rather than a Poisson one, which understates it.
 */
export interface WeekdayForecast {
  /** Expected units demanded on each weekday, Monday = 0 … Sunday = 6. */
  readonly mean: readonly number[];
  /** Variance of daily demand on each weekday. */
  readonly variance: readonly number[];
}

export interface ReplenishmentInput {
  readonly forecast: WeekdayForecast;
  /** Weekday (Monday = 0) of the first day the order must cover. */
  readonly firstWeekday: number;
  /** Days of demand the order must cover: transport lead time plus the review period. */
  readonly coverDays: number;
  /** Safety factor z on the standard deviation of demand over the cover period. */
  readonly safetyFactor: number;
  /** Units on the shelf and already on their way (inventory position). */
  readonly position: number;
  /** Never hold fewer than this (e.g. one emergency unit), never more than `maxLevel`. */
  readonly minLevel: number;
  readonly maxLevel: number;
}

/** Target stock level: forecast demand over the cover period plus z standard deviations. */
export const targetLevel = (input: Omit<ReplenishmentInput, 'position'>): number => {
  let mean = 0;
  let variance = 0;
  const whole = Math.floor(input.coverDays);
  const frac = input.coverDays - whole;
  for (let d = 0; d <= whole; d++) {
    const w = (input.firstWeekday + d) % 7;
    const share = d < whole ? 1 : frac;
    mean += share * (input.forecast.mean[w] ?? 0);
    variance += share * (input.forecast.variance[w] ?? 0);
  }
  const level = Math.ceil(mean + input.safetyFactor * Math.sqrt(variance));
  return Math.min(input.maxLevel, Math.max(input.minLevel, level));
};

/** Units to order now so the inventory position reaches the target level. */
export const replenishmentOrder = (input: ReplenishmentInput): number =>
  Math.max(0, targetLevel(input) - input.position);

/** Forecast of a negative binomial weekday model given means and dispersion sizes. */
export const negativeBinomialForecast = (
  mean: readonly number[],
  size: readonly number[],
): WeekdayForecast => ({
  mean,
  variance: mean.map((m, i) => m + (m * m) / (size[i] ?? Number.POSITIVE_INFINITY)),
});

/**
 * Collection plan of the blood centre: scale the expected demand to steer stock back towards its
 * target days of cover (blood centres plan donor sessions against days-of-stock targets, e.g.
 * NHSBT's stock alert levels). The gain limits over-reaction; the result is a multiplier.
 */
export const collectionMultiplier = (
  daysOfCover: number,
  targetDaysOfCover: number,
  gain: number,
): number => {
  const m = 1 + (gain * (targetDaysOfCover - daysOfCover)) / targetDaysOfCover;
  return Math.min(2, Math.max(0.25, m));
};
