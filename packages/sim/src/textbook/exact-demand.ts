import type { DemandSpec } from './demand.js';

/**
 * Closed-form probabilities of the textbook model's demand, for the exact evaluation. Written
 * apart from the samplers on purpose: the simulation draws by inversion or rejection, this file
 * evaluates the distributions from their formulas, so the two check each other.
 */

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error below 1e-15). */
export const logGamma = (x: number): number => {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0] as number;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += (c[i] as number) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
};

/** Regularised lower incomplete gamma P(a, x) (series below a+1, Lentz continued fraction above). */
export const gammaCdf = (a: number, x: number): number => {
  if (x <= 0) return 0;
  const lead = Math.exp(-x + a * Math.log(x) - logGamma(a));
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000 && Math.abs(term) > Math.abs(sum) * 1e-16; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return sum * lead;
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    d = Math.abs(d) < tiny ? tiny : d;
    c = b + an / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 - lead * h;
};

/** P(D = k). */
export const demandPmf = (spec: DemandSpec, k: number): number => {
  const lnFact = logGamma(k + 1);
  switch (spec.kind) {
    case 'poisson':
      return Math.exp(-spec.mean + k * Math.log(spec.mean) - lnFact);
    case 'nbinom': {
      const { mean: mu, size: n } = spec;
      return Math.exp(
        logGamma(k + n) -
          logGamma(n) -
          lnFact +
          n * Math.log(n / (n + mu)) +
          k * Math.log(mu / (n + mu)),
      );
    }
    case 'gamma': {
      const shape = 1 / (spec.cv * spec.cv);
      const scale = spec.mean * spec.cv * spec.cv;
      const F = (x: number) => gammaCdf(shape, x / scale);
      return F(k + 0.5) - (k === 0 ? 0 : F(k - 0.5));
    }
  }
};

/** E[D], summed from the probabilities (a rounded gamma's mean is not exactly its gamma's). */
export const demandMean = (spec: DemandSpec): number => {
  let mean = 0;
  let mass = 0;
  for (let k = 0; k < 1_000_000 && 1 - mass > 1e-14; k++) {
    const p = demandPmf(spec, k);
    mass += p;
    mean += k * p;
    if (k > spec.mean * 50 + 1000) break;
  }
  return mean;
};
