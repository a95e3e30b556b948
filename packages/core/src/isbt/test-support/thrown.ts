import { IsbtError } from '../isbt-error.js';

/** Runs `f` and returns the IsbtError it throws (fails the test when it throws nothing else). */
export const thrownIsbt = (f: () => unknown): IsbtError => {
  try {
    f();
  } catch (e) {
    if (e instanceof IsbtError) return e;
    throw e;
  }
  throw new Error('expected an IsbtError');
};
