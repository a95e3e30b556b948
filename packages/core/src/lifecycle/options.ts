import type { Jurisdiction, ProfileOverrides } from '../components/rules-schema.js';

/**
 * Mandatory tests before release in China (《血站技术操作规程》 screening: ABO/RhD confirmation,
 * HBsAg, anti-HCV, anti-HIV, syphilis, ALT and nucleic-acid testing).
 */
export const CN_REQUIRED_TESTS = [
  'ABO/RhD confirm',
  'HBsAg',
  'anti-HCV',
  'anti-HIV',
  'syphilis',
  'ALT',
  'NAT',
] as const;

/** How the lifecycle applies jurisdiction rules. Every field has a documented default. */
export interface LifecycleOptions {
  /** Component-rule profile for time-out-of-storage limits; default 'CN'. */
  jurisdiction?: Jurisdiction;
  ruleOverrides?: ProfileOverrides;
  /** Tests that must all be negative before RELEASED; default `CN_REQUIRED_TESTS`. */
  requiredTests?: readonly string[];
  /**
   * Whether issued units may return to stock within the time-out-of-storage limit. Default true
   * (NZBS 30-minute rule). Chinese practice forbids it ("血液发出后不得退回", 临床输血技术规范
   * 2000): CN hospital deployments should set false.
   */
  allowReturnToStock?: boolean;
  /** Transfusion may start only after a bedside check of the same patient; default true. */
  requireBedsideCheck?: boolean;
  /** Releases after temperature-excursion holds; default 1 (NHSBT: once only). */
  maxExcursionReleases?: number;
}

export type ResolvedLifecycleOptions = Required<Omit<LifecycleOptions, 'ruleOverrides'>> &
  Pick<LifecycleOptions, 'ruleOverrides'>;

export const resolveLifecycleOptions = (o: LifecycleOptions = {}): ResolvedLifecycleOptions => ({
  jurisdiction: o.jurisdiction ?? 'CN',
  ruleOverrides: o.ruleOverrides,
  requiredTests: o.requiredTests ?? CN_REQUIRED_TESTS,
  allowReturnToStock: o.allowReturnToStock ?? true,
  requireBedsideCheck: o.requireBedsideCheck ?? true,
  maxExcursionReleases: o.maxExcursionReleases ?? 1,
});
