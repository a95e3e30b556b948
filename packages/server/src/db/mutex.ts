/**
 * A FIFO mutex: `run` executes critical sections one after another in call order. PGlite has a
 * single connection, so every transaction must own it exclusively until it ends.
 */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    // The next caller waits for this one to settle, whether it succeeded or not.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
