import { runReplication } from './engine/simulation.js';
import type { ReplicationResult } from './engine/result.js';
import { buildWorld, type World } from './engine/world.js';
import { createPolicy } from './policies/registry.js';
import type { Scenario } from './scenario/schema.js';
import { scenarioSites } from './scenario/sites.js';

export interface ReplicationTask {
  readonly policy: string;
  readonly days: number;
  readonly seed: number;
}

/** Seeds of replications 0…n-1 from a base seed; every policy reuses them (common random numbers). */
export const replicationSeeds = (baseSeed: number, replications: number): number[] =>
  Array.from({ length: replications }, (_, i) => (baseSeed + i * 1_000_003) | 0);

export const worldOf = (scenario: Scenario): World => buildWorld(scenario, scenarioSites(scenario));

/** Run one replication in this thread. */
export const runTask = (world: World, task: ReplicationTask): ReplicationResult =>
  runReplication(world, createPolicy(task.policy, world), { days: task.days, seed: task.seed });

export interface RunPlan {
  readonly scenario: Scenario;
  readonly policies: readonly string[];
  readonly days: number;
  readonly replications: number;
  readonly seed: number;
}

export const planTasks = (plan: RunPlan): ReplicationTask[] =>
  plan.policies.flatMap((policy) =>
    replicationSeeds(plan.seed, plan.replications).map((seed) => ({
      policy,
      days: plan.days,
      seed,
    })),
  );

/** Group results by policy, replications in seed order. */
export const byPolicy = (
  plan: RunPlan,
  results: readonly ReplicationResult[],
): Record<string, ReplicationResult[]> =>
  Object.fromEntries(plan.policies.map((p) => [p, results.filter((r) => r.policy === p)]));

/** Every replication of a plan in this thread (tests, and machines without worker support). */
export const runInProcess = (
  plan: RunPlan,
  onProgress?: (done: number, total: number) => void,
): ReplicationResult[] => {
  const world = worldOf(plan.scenario);
  const tasks = planTasks(plan);
  return tasks.map((t, i) => {
    const r = runTask(world, t);
    onProgress?.(i + 1, tasks.length);
    return r;
  });
};
