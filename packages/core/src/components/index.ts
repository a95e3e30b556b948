export * from './rules-schema.js';
export * from './rules.js';
