import { expiresInStockStatuses } from '@hemonet/core';
import type { Queryable } from '../sql-client.js';

export interface DueUnit {
  din: string;
  siteId: string;
}

/**
 * Units still in stock whose expiry time has passed, oldest expiry first, row-locked until the
 * caller's transaction ends. SKIP LOCKED lets several replicas sweep at once: each claims rows the
 * others are not writing, and none waits (units_status_expiry_idx serves the scan).
 */
export const claimDueUnits = async (
  tx: Queryable,
  f: { at: Date; limit: number },
): Promise<DueUnit[]> => {
  const { rows } = await tx.query<DueUnit>(
    `SELECT din, site_id AS "siteId" FROM units
     WHERE status = ANY($1::text[]) AND expires_at <= $2
     ORDER BY expires_at, din LIMIT $3 FOR UPDATE SKIP LOCKED`,
    [[...expiresInStockStatuses], f.at, f.limit],
  );
  return rows;
};
