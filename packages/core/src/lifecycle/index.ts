export * from './discard-reasons.js';
export * from './state.js';
export * from './transitions.js';
export * from './options.js';
export * from './apply.js';
export { unitSuitsPatient, isExpiredAt, activeReservation } from './guards.js';
