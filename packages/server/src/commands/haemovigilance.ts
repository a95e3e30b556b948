import { randomUUID } from 'node:crypto';
import { DomainError, isFinal, type UnitStatus } from '@hemonet/core';
import { assertActsAtSite } from '../auth/site-scope.js';
import type { AuthUser } from '../auth/user.js';
import { getDonation } from '../db/repos/donor-directory-repo.js';
import {
  insertReaction,
  type AdverseReaction,
  type Severity,
} from '../db/repos/haemovigilance-repo.js';
import { insertNotifications, type NewNotification } from '../db/repos/notifications-repo.js';
import { lookbackDonation, lookbackDonor, type Lookback } from '../db/repos/traceability-repo.js';
import type { CommandDeps } from './deps.js';
import { recordUnitEvents } from './record-unit-events.js';
import { eventContext, recordedAt, recordedNow, requireUnit } from './unit-context.js';

export interface ReactionInput {
  din: string;
  reactionType: string;
  severity: Severity;
  /** 0 excluded/unlikely, 1 possible, 2 likely, 3 certain (EU 2005/61/EC Annex II). */
  imputability: number;
  description?: string | undefined;
}

/**
 * Adverse reaction report: an event on the unit, a haemovigilance record, and a notification to
 * the supplying blood establishment "without delay" (EU 2005/61/EC Art. 5), in one transaction.
 */
export const reportReaction = async (
  deps: CommandDeps,
  user: AuthUser,
  input: ReactionInput,
): Promise<AdverseReaction> => {
  const unit = await requireUnit(deps.db, input.din);
  assertActsAtSite(user, unit.siteId);
  const { patientId } = unit;
  if (!patientId)
    throw new DomainError('NOT_TRANSFUSED', `unit ${input.din} was not given to a patient`, {
      din: input.din,
    });
  const donation = await getDonation(deps.db, unit.donationId);
  const { reactionType, severity, imputability } = input;
  const id = randomUUID();
  const reactionAt = (at: Date): AdverseReaction => ({
    id,
    din: unit.din,
    patientId,
    siteId: user.siteId,
    supplierSiteId: donation?.siteId ?? unit.siteId,
    reactionType,
    severity,
    imputability,
    description: input.description ?? '',
    reportedAt: at,
    reportedBy: user.username,
  });
  const event = { type: 'REACTION_REPORTED' as const, reactionType, severity, imputability };
  // The report, its record and the notification share the time the event was stamped with.
  const recorded = await recordUnitEvents(
    deps,
    [{ din: unit.din, event, ctx: recordedNow(user) }],
    async (tx, events) => {
      const reaction = reactionAt(recordedAt(events));
      await insertReaction(tx, reaction);
      await insertNotifications(tx, [supplierNotification(reaction, unit.donationId)]);
    },
  );
  return reactionAt(recordedAt(recorded));
};

/** The notice to the supplying blood establishment of a reaction to one of its units. */
const supplierNotification = (r: AdverseReaction, donationId: string): NewNotification => ({
  id: randomUUID(),
  siteId: r.supplierSiteId,
  kind: 'ADVERSE_REACTION',
  subject: `${r.severity} ${r.reactionType} (imputability ${r.imputability}) after unit ${r.din} at ${r.siteId}`,
  body: {
    reactionId: r.id,
    din: r.din,
    donationId,
    reportingSite: r.siteId,
    reactionType: r.reactionType,
    severity: r.severity,
    imputability: r.imputability,
  },
  createdAt: r.reportedAt,
  createdBy: r.reportedBy,
});

/** Units that can still reach a patient and so must be held in a lookback. */
const holdable = (status: UnitStatus): boolean =>
  !isFinal(status) && status !== 'held' && status !== 'in_transfusion';

export interface LookbackResult extends Lookback {
  held: string[];
  notifiedSites: string[];
}

/**
 * Lookback (21 CFR 610.46/610.47): every component of the donor's (or one donation's) donations;
 * in-date components are held at once wherever they are, and every site holding one, or whose
 * patient received one, is notified, in one transaction.
 */
export const startLookback = async (
  deps: CommandDeps,
  user: AuthUser,
  input: { donorId?: string | undefined; donationId?: string | undefined; reason: string },
): Promise<LookbackResult> => {
  const found = input.donorId
    ? await lookbackDonor(deps.db, input.donorId)
    : await lookbackDonation(deps.db, input.donationId ?? '');
  if (found.donations.length === 0)
    throw new DomainError('DONATION_NOT_FOUND', 'no donation matches the lookback', { ...input });
  const at = deps.clock();
  const toHold = found.components.filter(
    (c) => holdable(c.status) && c.expiresAt.getTime() > at.getTime(),
  );
  const event = { type: 'HELD' as const, reason: 'LOOKBACK' as const, note: input.reason };
  const items = toHold.map((c) => ({
    din: c.din,
    event,
    ctx: { ...eventContext(deps, user, c.siteId), at },
  }));
  const sites = new Set([...toHold.map((c) => c.siteId), ...found.recipients.map((r) => r.siteId)]);
  const notifications = [...sites].map((siteId): NewNotification => ({
    id: randomUUID(),
    siteId,
    kind: 'LOOKBACK',
    subject: `Lookback: quarantine these units and review their recipients (${input.reason})`,
    body: {
      reason: input.reason,
      heldUnits: toHold.filter((c) => c.siteId === siteId).map((c) => c.din),
      recipients: found.recipients
        .filter((r) => r.siteId === siteId)
        .map((r) => ({ din: r.din, patientId: r.patientId })),
    },
    createdAt: at,
    createdBy: user.username,
  }));
  await recordUnitEvents(deps, items, (tx) => insertNotifications(tx, notifications));
  return { ...found, held: toHold.map((c) => c.din), notifiedSites: [...sites].sort() };
};
