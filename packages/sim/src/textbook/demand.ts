import { normalInverse, type RandomStream } from '../engine/rng.js';

/**
 * Period demand of the textbook model: Poisson, negative binomial (mean and size, variance
 * μ + μ²/size) or a continuous gamma (mean and coefficient of variation) rounded to the nearest
 * integer.
 */
export type DemandSpec =
  | { readonly kind: 'poisson'; readonly mean: number }
  | { readonly kind: 'nbinom'; readonly mean: number; readonly size: number }
  | { readonly kind: 'gamma'; readonly mean: number; readonly cv: number };

const positive = (raw: string | undefined, what: string): number => {
  const x = Number(raw);
  if (raw === undefined || raw.trim() === '' || !Number.isFinite(x) || x <= 0) {
    throw new RangeError(`${what} must be a positive number (got ${raw ?? 'nothing'})`);
  }
  return x;
};

/** Parses `poisson:MEAN`, `nbinom:MEAN:SIZE` or `gamma:MEAN:CV`. */
export const parseDemandSpec = (text: string): DemandSpec => {
  const [kind, ...args] = text.split(':');
  const arity = { poisson: 1, nbinom: 2, gamma: 2 } as const;
  if (kind !== 'poisson' && kind !== 'nbinom' && kind !== 'gamma') {
    throw new RangeError(
      `demand must be poisson:MEAN, nbinom:MEAN:SIZE or gamma:MEAN:CV (got ${text})`,
    );
  }
  if (args.length !== arity[kind]) {
    throw new RangeError(`${kind} demand takes ${arity[kind]} parameter(s) (got ${text})`);
  }
  const mean = positive(args[0], 'the mean');
  if (kind === 'poisson') return { kind, mean };
  if (kind === 'nbinom') return { kind, mean, size: positive(args[1], 'the size') };
  return { kind, mean, cv: positive(args[1], 'the coefficient of variation') };
};

/**
 * Gamma variate with shape α and scale θ (Marsaglia and Tsang, ACM TOMS 26(3), 2000); shapes
 * below 1 are boosted with U^(1/α).
 */
const gammaVariate = (stream: RandomStream, shape: number, scale: number): number => {
  if (shape < 1) {
    const u = Math.max(stream.uniform(), Number.MIN_VALUE);
    return gammaVariate(stream, shape + 1, scale) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normalInverse(stream.uniform());
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = stream.uniform();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v * scale;
  }
};

/** A sampler drawing one period's demand from the given stream. */
export const demandSampler = (spec: DemandSpec): ((stream: RandomStream) => number) => {
  switch (spec.kind) {
    case 'poisson':
      return (s) => s.poisson(spec.mean);
    case 'nbinom':
      return (s) => s.negativeBinomial(spec.mean, spec.size);
    case 'gamma': {
      const shape = 1 / (spec.cv * spec.cv);
      const scale = spec.mean * spec.cv * spec.cv;
      return (s) => Math.round(gammaVariate(s, shape, scale));
    }
  }
};
