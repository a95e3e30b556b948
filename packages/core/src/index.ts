export * from './errors.js';
export * from './blood-group.js';
export * from './components/component-class.js';
export * from './lifecycle/types.js';
export * from './policies/index.js';
export * from './coldchain/index.js';
export * from './isbt/index.js';
