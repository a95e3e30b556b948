import { openAlarmCountsByLevel } from '../db/repos/alarms-repo.js';
import { downsampleReadings } from '../db/repos/readings-repo.js';
import type { IngestMetrics } from '../mqtt/ingest-metrics.js';
import { raiseSilenceAlarms, type AlarmServiceDeps } from './alarm-service.js';
import { sweepHolds, type AutoHoldDeps } from './auto-hold.js';
import type { DeviceDirectory } from './device-directory.js';
import { runEscalation, type EscalationDeps } from './escalation.js';
import { alarmEvent } from './live-events.js';

export type ColdChainWorkerDeps = AlarmServiceDeps &
  AutoHoldDeps &
  EscalationDeps & {
    directory: DeviceDirectory;
    metrics: IngestMetrics;
    log: (message: string, details?: Record<string, unknown>) => void;
    retention: RetentionPolicy;
  };

/** How long readings stay raw, and how long their hourly aggregates stay (days). */
export interface RetentionPolicy {
  rawDays: number;
  hourlyDays: number;
}

const DAY_MS = 86_400_000;
const RETENTION_EVERY_MS = 3_600_000;

/** Folds raw readings past their retention into hourly aggregates; drops expired aggregates. */
export async function applyRetention(deps: ColdChainWorkerDeps): Promise<void> {
  const now = deps.clock().getTime();
  const folded = await downsampleReadings(
    deps.db,
    new Date(now - deps.retention.rawDays * DAY_MS),
    new Date(now - deps.retention.hourlyDays * DAY_MS),
  );
  if (folded > 0) deps.log('readings downsampled', { folded });
}

/** One pass of the background duties: sensor silence, automatic holds, escalation, gauges. */
export async function coldChainTick(deps: ColdChainWorkerDeps): Promise<void> {
  await raiseSilenceAlarms(deps, deps.directory);
  for (const { alarm, held } of await sweepHolds(deps)) {
    if (held.length > 0) {
      const now = deps.clock();
      await deps.bus.publish({
        type: 'units.held',
        siteId: alarm.siteId,
        at: now.toISOString(),
        data: { alarmId: alarm.id, dins: held },
      });
      await deps.bus.publish(alarmEvent('alarm.updated', alarm, now));
    }
  }
  await runEscalation(deps);
  deps.metrics.openAlarms.reset();
  for (const { level, n } of await openAlarmCountsByLevel(deps.db))
    deps.metrics.openAlarms.set({ level: String(level) }, n);
}

/**
 * Runs the tick every `intervalMs` (never two at once); `kick()` runs one soon (after an alarm
 * commit, so holds follow raises without waiting a whole interval). Errors are logged, never thrown.
 */
export function startColdChainWorker(
  deps: ColdChainWorkerDeps,
  intervalMs: number,
): { kick(): void; stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  let again = false;
  let retainedAt = 0;
  const tick = async () => {
    await coldChainTick(deps);
    if (deps.clock().getTime() - retainedAt < RETENTION_EVERY_MS) return;
    retainedAt = deps.clock().getTime();
    await applyRetention(deps);
  };
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = tick()
      .catch((error: unknown) => deps.log('cold-chain tick failed', { error: String(error) }))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    kick: run,
    stop: async () => {
      clearInterval(timer);
      again = false;
      await running;
    },
  };
}
