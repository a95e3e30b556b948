import type { BatchResult, IngestMessage } from '../coldchain/ingest-batch.js';

/** A message waiting for its batch to commit; `ack` releases the PUBACK (or the shared-sub ack). */
export interface PendingMessage extends IngestMessage {
  siteId: string;
  ack: () => void;
}

export interface BatchWriterOptions {
  /** Most messages per transaction. */
  maxBatch: number;
  /** Pause before retrying a batch whose transaction failed (database down, say). */
  retryDelayMs: number;
  onCommitted: (result: BatchResult, messages: readonly PendingMessage[], seconds: number) => void;
  onFailed: (error: unknown, attempt: number) => void;
  /**
   * Whether the database answers. When it does and a batch still fails, the fault is in a
   * message: the batch is split until the one message that fails alone is found, and that poison
   * message is acknowledged without being stored (and reported) so it cannot stall ingestion.
   */
  databaseAnswers: () => Promise<boolean>;
  onPoison: (message: PendingMessage, error: unknown) => void;
}

/** Attempts a lone message gets, with the database answering, before it counts as poison. */
const POISON_ATTEMPTS = 2;

/**
 * Group commit for ingestion: messages that arrive while a batch is committing form the next
 * batch, so throughput grows with load while an idle system commits each message at once. Batches
 * commit one after another, in arrival order, and a message is acknowledged only after the
 * transaction holding it committed (MQTT 3.1.1 §4.3.2: PUBACK means the receiver owns it).
 */
export class BatchWriter {
  private queue: PendingMessage[] = [];
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly commit: (messages: readonly PendingMessage[]) => Promise<BatchResult>,
    private readonly options: BatchWriterOptions,
  ) {}

  push(message: PendingMessage): void {
    this.queue.push(message);
    this.kick();
  }

  private kick(): void {
    if (this.running || this.stopped) return;
    // drainLoop never rejects: a failed commit is retried inside it.
    this.running = this.drainLoop().finally(() => {
      this.running = null;
      if (this.queue.length > 0) this.kick();
    });
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Waits until everything queued so far has committed. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops taking new batches after the one in flight (unacknowledged messages stay unacknowledged). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async drainLoop(): Promise<void> {
    // Let the current socket reads land so the first batch is not a batch of one.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length > 0 && !this.stopped) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      await this.commitWithRetry(batch);
    }
  }

  private async commitWithRetry(batch: PendingMessage[]): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt++) {
      const started = process.hrtime.bigint();
      try {
        const result = await this.commit(batch);
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        for (const m of batch) m.ack();
        this.options.onCommitted(result, batch, seconds);
        return;
      } catch (error) {
        this.options.onFailed(error, attempt);
        if (await this.options.databaseAnswers()) {
          if (batch.length > 1) return this.commitHalves(batch);
          const [only] = batch;
          if (only && attempt >= POISON_ATTEMPTS) {
            only.ack();
            this.options.onPoison(only, error);
            return;
          }
        }
        await new Promise((resolve) => setTimeout(resolve, this.options.retryDelayMs));
      }
    }
  }

  /** Commits each half on its own (in order), narrowing a failure down to its message. */
  private async commitHalves(batch: PendingMessage[]): Promise<void> {
    const middle = Math.ceil(batch.length / 2);
    await this.commitWithRetry(batch.slice(0, middle));
    await this.commitWithRetry(batch.slice(middle));
  }
}
