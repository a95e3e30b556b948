import {
  DomainError,
  classifyProduct,
  parseUnitIdentity,
  shelfLifeExpiry,
  type BloodGroup,
  parseUnitState,
  type TestResult,
} from '@hemonet/core';
import type { AuthUser } from '../auth/user.js';
import { recordAudit } from '../db/repos/audit-repo.js';
import { getDonor, insertDonor, type Donor } from '../db/repos/donor-directory-repo.js';
import type { CommandDeps } from './deps.js';
import { recordUnitEvents, type RecordedUnitEvent } from './record-unit-events.js';
import { changeUnit, changeUnits, eventContext, recordedNow, requireUnit } from './unit-context.js';
import { assertActsAtSite } from '../auth/site-scope.js';

export const registerDonor = async (
  deps: CommandDeps,
  input: { id: string; bloodGroup: BloodGroup },
  user: AuthUser,
): Promise<Donor> => {
  const donor = { ...input, createdAt: deps.clock() };
  await deps.db.transaction(async (tx) => {
    if (!(await insertDonor(tx, donor))) {
      throw new DomainError('DONOR_EXISTS', `donor ${input.id} already exists`, {
        donorId: input.id,
      });
    }
    await recordAudit(tx, {
      actor: user.username,
      siteId: user.siteId,
      action: 'DONOR_REGISTERED',
      entity: 'donor',
      entityId: input.id,
      at: donor.createdAt,
      details: { bloodGroup: input.bloodGroup },
    });
  });
  return donor;
};

export interface CollectionInput {
  /** The donation's DIN (13 characters, with or without its check character, or DS001 data). */
  din: string;
  donorId: string;
  /** DS003 product code of the primary bag, e.g. E9001V00 (whole blood). */
  productCode: string;
  collectedAt?: Date | undefined;
  volumeMl?: number | undefined;
}

/** A donation taken at the user's site: the DIN identifies both the donation and its first unit. */
export const collectDonation = async (
  deps: CommandDeps,
  input: CollectionInput,
  user: AuthUser,
): Promise<RecordedUnitEvent> => {
  const din = parseUnitIdentity(input.din).key;
  const donor = await getDonor(deps.db, input.donorId);
  if (!donor)
    throw new DomainError('DONOR_NOT_FOUND', `no donor ${input.donorId}`, {
      donorId: input.donorId,
    });
  const { componentClass } = classifyProduct(deps.products, input.productCode);
  const collectedAt = input.collectedAt ?? deps.clock();
  const { jurisdiction, ruleOverrides } = deps.lifecycle;
  const expiresAt = shelfLifeExpiry(componentClass, { collectedAt }, jurisdiction, ruleOverrides);
  const event = {
    type: 'COLLECTED' as const,
    din,
    donorId: donor.id,
    donationId: din,
    componentClass,
    productCode: input.productCode,
    bloodGroup: donor.bloodGroup,
    collectedAt,
    expiresAt,
    ...(input.volumeMl ? { volumeMl: input.volumeMl } : {}),
  };
  const [recorded] = await recordUnitEvents(deps, [{ din, event, ctx: eventContext(deps, user) }]);
  if (!recorded) throw new Error(`no event recorded for ${din}`);
  return recorded;
};

/**
 * ISBT 128 identifies a component by its DIN plus its product code (ST-001 §2.4): the unit key of
 * a component is `<DIN>-<product code>`, e.g. `G123417654321-E9010V00`.
 */
export const componentKey = (din: string, productCode: string): string => `${din}-${productCode}`;

export interface SplitInput {
  components: { productCode: string; volumeMl?: number | undefined }[];
}

/** Splits a donation into components (each starts quarantined) and closes the parent as processed. */
export const splitDonation = async (
  deps: CommandDeps,
  user: AuthUser,
  parentDin: string,
  input: SplitInput,
): Promise<RecordedUnitEvent[]> => {
  const parent = await requireUnit(deps.db, parentDin);
  assertActsAtSite(user, parent.siteId);
  const parentState = parseUnitState(parent.state);
  const collectedAt = parentState.collectedAt;
  const { jurisdiction, ruleOverrides } = deps.lifecycle;
  const components = input.components.map((c) => {
    const { componentClass } = classifyProduct(deps.products, c.productCode);
    const din = componentKey(parent.din, c.productCode);
    const event = {
      type: 'COMPONENT_CREATED' as const,
      din,
      parentDin: parent.din,
      donorId: parent.donorId,
      donationId: parent.donationId,
      componentClass,
      productCode: c.productCode,
      division: c.productCode.slice(6, 8),
      bloodGroup: { abo: parent.abo, rhd: parent.rhd },
      collectedAt,
      expiresAt: shelfLifeExpiry(componentClass, { collectedAt }, jurisdiction, ruleOverrides),
      tests: parentState.tests,
      ...(c.volumeMl ? { volumeMl: c.volumeMl } : {}),
    };
    return { din, event };
  });
  if (new Set(components.map((c) => c.din)).size !== components.length) {
    throw new DomainError(
      'DUPLICATE_COMPONENT',
      'each component of a split needs its own product code',
    );
  }
  const ctx = recordedNow(user);
  const parentEvent = { type: 'PROCESSED' as const, componentDins: components.map((c) => c.din) };
  return recordUnitEvents(deps, [
    ...components.map((c) => ({ ...c, ctx })),
    { din: parent.din, event: parentEvent, ctx },
  ]);
};

export const recordTestResults = (
  deps: CommandDeps,
  user: AuthUser,
  din: string,
  results: readonly { test: string; result: TestResult }[],
): Promise<RecordedUnitEvent[]> =>
  changeUnits(
    deps,
    user,
    results.map((r) => ({ din, event: { type: 'TEST_RESULT' as const, ...r } })),
  );

export const startProcessing = (
  deps: CommandDeps,
  user: AuthUser,
  din: string,
): Promise<RecordedUnitEvent> => changeUnit(deps, user, din, { type: 'PROCESSING_STARTED' });
