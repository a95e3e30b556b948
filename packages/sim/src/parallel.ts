import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReplicationResult } from './engine/result.js';
import { planTasks, runInProcess, type RunPlan } from './run.js';

const workerUrl = new URL('./worker.js', import.meta.url);

/** Workers run the compiled worker.js; from TypeScript sources (tests) there is none. */
export const workersAvailable = (): boolean => existsSync(fileURLToPath(workerUrl));

export interface ParallelOptions {
  /** Worker threads to use; 0 or 1 runs in this thread. Defaults to the cores available. */
  readonly workers?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Run every replication of a plan, spread over worker threads when the build allows it. */
export const runPlan = async (
  plan: RunPlan,
  opts: ParallelOptions = {},
): Promise<ReplicationResult[]> => {
  const tasks = planTasks(plan);
  const wanted = Math.min(opts.workers ?? availableParallelism(), tasks.length);
  if (wanted <= 1 || !workersAvailable()) return runInProcess(plan, opts.onProgress);
  const results: ReplicationResult[] = new Array<ReplicationResult>(tasks.length);
  let next = 0;
  let done = 0;
  const runWorker = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(workerUrl, { workerData: { scenario: plan.scenario } });
      const feed = (): void => {
        if (next >= tasks.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        const index = next++;
        worker.postMessage({ index, task: tasks[index] });
      };
      worker.on('message', (msg: { index: number; result: ReplicationResult }) => {
        results[msg.index] = msg.result;
        opts.onProgress?.(++done, tasks.length);
        feed();
      });
      worker.on('error', reject);
      feed();
    });
  await Promise.all(Array.from({ length: wanted }, runWorker));
  return results;
};
