export * from './recipient.js';
export * from './compatibility.js';
export * from './emergency.js';
