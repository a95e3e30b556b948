import type { ReplicationResult } from '../engine/result.js';
import { byPolicy, type RunPlan } from '../run.js';
import { simComponents, type SimComponent } from '../scenario/schema.js';
import {
  estimate,
  reduction,
  summarise,
  type Estimate,
  type PolicySummary,
  type Reduction,
} from '../stats.js';

export interface SiteWaste {
  readonly code: string;
  /** Mean outdated units per replication at this site, per component and policy. */
  readonly expired: Record<string, Record<SimComponent, number>>;
}

export interface SimReport {
  readonly scenario: string;
  readonly days: number;
  readonly replications: number;
  readonly seed: number;
  readonly policies: Record<string, PolicySummary>;
  /** Relative to the first policy (the baseline), for every other policy. */
  readonly reductions: Record<string, Record<SimComponent, Reduction>>;
  readonly meanAgeAtTransfusionDays: Record<string, Record<SimComponent, Estimate>>;
  readonly wasteBySite: SiteWaste[];
  /** Daily stock of the first replication, per policy: centre and hospitals, per component. */
  readonly stockSeries: Record<string, { centerStock: number[][]; hospitalStock: number[][] }>;
}

const meanOf = (xs: readonly number[]): number =>
  xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;

const wasteBySite = (groups: Record<string, ReplicationResult[]>): SiteWaste[] => {
  const first = Object.values(groups)[0]?.[0];
  if (!first) return [];
  return first.siteCodes.map((code, s) => ({
    code,
    expired: Object.fromEntries(
      Object.entries(groups).map(([policy, runs]) => [
        policy,
        Object.fromEntries(
          simComponents.map((c, ci) => [
            c,
            meanOf(runs.map((r) => r.flows[s]?.[ci]?.expired ?? 0)),
          ]),
        ) as Record<SimComponent, number>,
      ]),
    ),
  }));
};

/** Everything `sim run` / `sim compare` print or chart, from the raw replication results. */
export const buildReport = (plan: RunPlan, results: readonly ReplicationResult[]): SimReport => {
  const groups = byPolicy(plan, results);
  const [baseline, ...others] = plan.policies;
  const base = groups[baseline ?? ''] ?? [];
  return {
    scenario: plan.scenario.name,
    days: plan.days,
    replications: plan.replications,
    seed: plan.seed,
    policies: Object.fromEntries(Object.entries(groups).map(([p, runs]) => [p, summarise(runs)])),
    reductions: Object.fromEntries(others.map((p) => [p, reduction(base, groups[p] ?? [])])),
    meanAgeAtTransfusionDays: Object.fromEntries(
      Object.entries(groups).map(([p, runs]) => [
        p,
        Object.fromEntries(
          simComponents.map((c) => [
            c,
            estimate(runs.map((r) => r.components[c].meanAgeAtTransfusionDays)),
          ]),
        ) as Record<SimComponent, Estimate>,
      ]),
    ),
    wasteBySite: wasteBySite(groups),
    stockSeries: Object.fromEntries(
      Object.entries(groups).map(([p, runs]) => [
        p,
        runs[0]?.series ?? { centerStock: [], hospitalStock: [] },
      ]),
    ),
  };
};

/**
 * The machine-readable answer of `sim compare --json`: one block per policy, and `reduction` of
 * the second policy against the first (isolated → network by default).
 */
export const compareJson = (report: SimReport): Record<string, unknown> => {
  const second = Object.keys(report.reductions)[0];
  return {
    scenario: report.scenario,
    days: report.days,
    replications: report.replications,
    seed: report.seed,
    ...report.policies,
    reduction: second ? report.reductions[second] : {},
    meanAgeAtTransfusionDays: report.meanAgeAtTransfusionDays,
  };
};
