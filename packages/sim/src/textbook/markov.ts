import { demandMean, demandPmf } from './exact-demand.js';
import type { TextbookParams } from './model.js';
import type { TextbookKpis } from './summary.js';

/**
 * Exact evaluation of the textbook model as a Markov chain over the age vector: the state at the
 * start of a period is the units on hand by remaining life (1 … m−1) and the orders in the
 * pipeline. The distribution over states is carried forward period by period from the empty
 * system, so the result is the exact expectation over the same finite horizon the simulation
 * counts (no steady-state assumption). Feasible for small m, L and S only.
 */

interface State {
  /** carried[j]: units with j+1 periods of life left at the start of the period. */
  readonly carried: readonly number[];
  /** pipeline[i]: units usable from i periods ahead (pipeline[0] arrives now). */
  readonly pipeline: readonly number[];
}

interface Step {
  readonly next: State;
  readonly p: number;
  readonly met: number;
  readonly order: number;
  readonly expired: number;
  readonly holding: number;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const keyOf = (s: State): string => `${s.carried.join(',')}|${s.pipeline.join(',')}`;

/** Take `n` units from on-hand counts indexed by remaining life 1 … m (index 0 = life 1). */
const take = (onHand: number[], n: number, issuing: 'fifo' | 'lifo'): void => {
  let left = n;
  const order = onHand.map((_, i) => i);
  if (issuing === 'lifo') order.reverse();
  for (const i of order) {
    const used = Math.min(left, onHand[i] ?? 0);
    onHand[i] = (onHand[i] ?? 0) - used;
    left -= used;
  }
};

/** Every outcome of one period from state s, with its probability. */
const transitions = (p: TextbookParams, s: State, pmf: readonly number[]): Step[] => {
  const order = Math.max(0, p.baseStock - sum(s.carried) - sum(s.pipeline));
  const pipeline = [...s.pipeline, order];
  const arriving = pipeline.shift() ?? 0;
  const onHandStart = [...s.carried, arriving];
  const total = sum(onHandStart);
  const steps: Step[] = [];
  let below = 0;
  for (let d = 0; d <= total; d++) {
    // demand of `total` or more all meets the same shelf: lump the tail into the last outcome
    const prob = d < total ? (pmf[d] ?? 0) : 1 - below;
    below += pmf[d] ?? 0;
    const onHand = [...onHandStart];
    take(onHand, d, p.issuing);
    const expired = onHand[0] ?? 0;
    const carried = onHand.slice(1);
    steps.push({
      next: { carried, pipeline },
      p: prob,
      met: d,
      order,
      expired,
      holding: sum(carried),
    });
  }
  return steps;
};

/** The exact KPIs of the model over the counted periods; throws when the state space is too large. */
export const exactTextbook = (p: TextbookParams, maxStates = 200_000): TextbookKpis<number> => {
  const pmf = Array.from({ length: p.baseStock + 1 }, (_, k) => demandPmf(p.demand, k));
  const meanDemand = demandMean(p.demand);
  const empty: State = {
    carried: new Array<number>(p.shelfLife - 1).fill(0),
    pipeline: new Array<number>(p.leadTime).fill(0),
  };
  let dist = new Map<string, { s: State; p: number }>([[keyOf(empty), { s: empty, p: 1 }]]);
  const cache = new Map<string, Step[]>();
  const acc = { met: 0, order: 0, expired: 0, holding: 0 };
  for (let t = 0; t < p.warmup + p.periods; t++) {
    const next = new Map<string, { s: State; p: number }>();
    for (const [key, { s, p: ps }] of dist) {
      let steps = cache.get(key);
      if (!steps) cache.set(key, (steps = transitions(p, s, pmf)));
      for (const st of steps) {
        const w = ps * st.p;
        if (w === 0) continue;
        if (t >= p.warmup) {
          acc.met += w * st.met;
          acc.order += w * st.order;
          acc.expired += w * st.expired;
          acc.holding += w * st.holding;
        }
        const k = keyOf(st.next);
        const cur = next.get(k);
        if (cur) cur.p += w;
        else next.set(k, { s: st.next, p: w });
      }
    }
    if (next.size > maxStates)
      throw new RangeError(`more than ${maxStates} states: too large to evaluate exactly`);
    dist = next;
  }
  const demand = meanDemand * p.periods;
  return {
    serviceLevel: acc.met / demand,
    wastage: acc.order > 0 ? acc.expired / acc.order : Number.NaN,
    meanOrder: acc.order / p.periods,
    shortage: (demand - acc.met) / p.periods,
    expired: acc.expired / p.periods,
    holding: acc.holding / p.periods,
  };
};
