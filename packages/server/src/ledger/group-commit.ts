/** The result of one caller's request inside a shared batch. */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

interface Pending<T, R> {
  request: T;
  size: number;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions {
  /** Upper bound on the summed `size` of the requests in one batch. */
  maxBatchSize: number;
}

/**
 * Group commit: while one batch is being written, requests from concurrent callers queue up and
 * are written together in the next batch: one transaction, one chain-head lock and one commit
 * for many callers. `runBatch` returns one outcome per request in order, so one caller's
 * rejected request fails only that caller.
 */
export function createGroupCommitter<T, R>(
  runBatch: (requests: T[]) => Promise<Outcome<R>[]>,
  sizeOf: (request: T) => number,
  options: GroupCommitOptions,
): (request: T) => Promise<R> {
  const queue: Pending<T, R>[] = [];
  let running = false;

  const takeBatch = (): Pending<T, R>[] => {
    const batch: Pending<T, R>[] = [];
    let size = 0;
    // Always take at least one request, however large, so nothing waits forever.
    while (
      queue.length > 0 &&
      (batch.length === 0 || size + (queue[0]?.size ?? 0) <= options.maxBatchSize)
    ) {
      const next = queue.shift();
      if (!next) break;
      batch.push(next);
      size += next.size;
    }
    return batch;
  };

  const settle = (batch: Pending<T, R>[], outcomes: Outcome<R>[]) =>
    batch.forEach((p, i) => {
      const outcome = outcomes[i] ?? { ok: false, error: new Error('batch returned no outcome') };
      if (outcome.ok) p.resolve(outcome.value);
      else p.reject(outcome.error);
    });

  const drain = async () => {
    running = true;
    while (queue.length > 0) {
      // Let the callers just settled submit their next request first: otherwise each batch holds
      // only the callers that missed the previous one, and batches halve.
      await new Promise((resolve) => setImmediate(resolve));
      const batch = takeBatch();
      try {
        settle(batch, await runBatch(batch.map((p) => p.request)));
      } catch (error) {
        batch.forEach((p) => p.reject(error));
      }
    }
    running = false;
  };

  return (request: T) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ request, size: sizeOf(request), resolve, reject });
      if (!running) void drain();
    });
}
