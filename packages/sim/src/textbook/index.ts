export { parseDemandSpec, type DemandSpec } from './demand.js';
export {
  runTextbook,
  runTextbookReplication,
  type TextbookParams,
  type TextbookTotals,
} from './model.js';
export { summariseTextbook, type Measured, type TextbookKpis } from './summary.js';
export { exactTextbook } from './markov.js';
