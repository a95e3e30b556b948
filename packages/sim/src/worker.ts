import { parentPort, workerData } from 'node:worker_threads';
import { runTask, worldOf, type ReplicationTask } from './run.js';
import type { Scenario } from './scenario/schema.js';

/** Worker thread: builds the world once, then runs the replication tasks it is sent. */
const port = parentPort;
if (port) {
  const world = worldOf((workerData as { scenario: Scenario }).scenario);
  port.on('message', (msg: { index: number; task: ReplicationTask }) => {
    port.postMessage({ index: msg.index, result: runTask(world, msg.task) });
  });
}
