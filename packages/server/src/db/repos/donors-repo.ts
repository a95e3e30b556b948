import type { BloodGroup } from '@hemonet/core';
import type { Queryable } from '../sql-client.js';

/** A donation as the ledger first sees it (COLLECTED or COMPONENT_CREATED). */
export interface DonationRecord {
  donationId: string;
  donorId: string;
  donorGroup: BloodGroup;
  siteId: string;
  collectedAt: Date;
}

/**
 * Registers the pseudonymous donors and donations behind new units (first write wins: a donation
 * is a fact recorded once). Two statements for the whole batch.
 */
export async function recordDonations(
  tx: Queryable,
  records: readonly DonationRecord[],
): Promise<void> {
  if (records.length === 0) return;
  await tx.query(
    `INSERT INTO donors (id, abo, rhd)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
     ON CONFLICT (id) DO NOTHING`,
    [
      records.map((r) => r.donorId),
      records.map((r) => r.donorGroup.abo),
      records.map((r) => r.donorGroup.rhd),
    ],
  );
  await tx.query(
    `INSERT INTO donations (id, donor_id, site_id, collected_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[])
     ON CONFLICT (id) DO NOTHING`,
    [
      records.map((r) => r.donationId),
      records.map((r) => r.donorId),
      records.map((r) => r.siteId),
      records.map((r) => r.collectedAt),
    ],
  );
}
