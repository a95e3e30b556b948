export * from './types.js';
export * from './issuing.js';
export * from './replenishment.js';
export * from './allocation.js';
export * from './redistribution.js';
export * from './emergency-routing.js';
