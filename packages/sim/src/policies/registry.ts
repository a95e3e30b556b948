import type { World } from '../engine/world.js';
import { createIsolatedPolicy } from './isolated.js';
import { createNetworkPolicy } from './network.js';
import type { SimPolicy } from './types.js';

/** Policies the twin can compare; add a new one here to make it available to `sim compare`. */
export const policyFactories: Readonly<Record<string, (world: World) => SimPolicy>> = {
  isolated: createIsolatedPolicy,
  network: createNetworkPolicy,
};

export const policyNames = Object.keys(policyFactories);

export const createPolicy = (name: string, world: World): SimPolicy => {
  const factory = policyFactories[name];
  if (!factory) throw new RangeError(`unknown policy "${name}" (known: ${policyNames.join(', ')})`);
  return factory(world);
};
