import type { LifecycleOptions, ProductTable } from '@hemonet/core';
import type { SqlClient } from '../db/sql-client.js';

/**
 * What every command needs from the outside world. Built once in main.ts (or a test) and passed
 * down; commands never reach for globals.
 */
export interface CommandDeps {
  db: SqlClient;
  /** The time of "now"; tests and the demo seeder substitute their own. */
  clock: () => Date;
  /** Jurisdiction and lifecycle rules handed to core (also read by recordUnitEvents). */
  lifecycle: LifecycleOptions;
  /** The licensed ISBT 128 product-description table (the shipped one is illustrative only). */
  products: ProductTable;
}
