export * from './scenario/schema.js';
export {
  loadScenario,
  parseScenario,
  resolveScenarioPath,
  bundledScenarioDir,
} from './scenario/load.js';
export { scenarioSites } from './scenario/sites.js';
export { buildWorld, type World, type SiteInfo } from './engine/world.js';
export { runReplication, type ReplicationOptions } from './engine/simulation.js';
export type { ReplicationResult, ComponentOutcome, SiteFlow } from './engine/result.js';
export { createPolicy, policyNames, policyFactories } from './policies/registry.js';
export type { SimPolicy, PolicyView, StandingOrder } from './policies/types.js';
export * from './run.js';
export { runPlan, workersAvailable, type ParallelOptions } from './parallel.js';
export * from './stats.js';
export { buildReport, compareJson, type SimReport, type SiteWaste } from './report/compare.js';
export { renderHtmlReport } from './report/html.js';
export * from './textbook/index.js';
