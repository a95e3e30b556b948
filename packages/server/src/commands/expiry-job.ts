import type { CommandDeps } from './deps.js';
import { expireOutdatedUnits, type ExpirySweep } from './expiry.js';

export interface ExpiryJob {
  /** Runs one sweep now (also what the timer does); resolves when it is done. */
  runNow(): Promise<ExpirySweep>;
  stop(): Promise<void>;
}

/**
 * Sweeps for expired units every `intervalMs` (a minute by default) and once at start. A sweep
 * still running when the timer fires is not doubled: the next tick waits for it. Replicas need no
 * leader: expireOutdatedUnits is safe to run anywhere at once.
 */
export const startExpiryJob = (
  deps: CommandDeps,
  options: { intervalMs?: number; log: (line: string) => void },
): ExpiryJob => {
  let running: Promise<ExpirySweep> | null = null;
  const runNow = (): Promise<ExpirySweep> => {
    running ??= expireOutdatedUnits(deps).finally(() => {
      running = null;
    });
    return running;
  };
  const tick = () => {
    runNow().then(
      (r) => {
        if (r.expired > 0) options.log(`expiry: ${r.expired} unit(s) recorded as expired`);
      },
      (error: unknown) => options.log(`expiry sweep failed: ${String(error)}`),
    );
  };
  const timer = setInterval(tick, options.intervalMs ?? 60_000);
  timer.unref();
  tick();
  return {
    runNow,
    stop: async () => {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
};
