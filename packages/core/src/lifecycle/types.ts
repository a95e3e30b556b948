import { z } from 'zod';
import { bloodGroupSchema } from '../blood-group.js';
import { componentClassSchema } from '../components/component-class.js';
import { recipientFactorsSchema } from '../compat/recipient.js';
import { discardReasonCatalogue, type DiscardReason } from './discard-reasons.js';

/**
 * Contract of the unit lifecycle (shared by the server's ledger and the digital twin).
 * A unit's state is a pure fold of its events: `applyUnitEvent(state, event, ctx)`.
 */
export const unitStatuses = [
  'collected', // whole-blood donation taken, not yet in the processing lab
  'in_processing', // being separated into components
  'quarantined', // awaiting mandatory test results (ISBT 128 `Mq` until released)
  'available', // released, labelled, in stock
  'reserved', // crossmatched/reserved for one patient until an expiry
  'issued', // left the blood bank for one patient
  'in_transfusion', // bedside check passed, transfusion started
  'in_transit', // shipped between sites, not yet received
  'held', // temperature excursion, lookback, or manual hold
  // final fates: exactly one per unit, never left
  'transfused',
  'discarded',
  'expired',
  'processed', // a whole-blood donation fully divided into components
] as const;
export const unitStatusSchema = z.enum(unitStatuses);
export type UnitStatus = z.infer<typeof unitStatusSchema>;

export const finalStatuses = [
  'transfused',
  'discarded',
  'expired',
  'processed',
] as const satisfies readonly UnitStatus[];

/** Discard reason codes (stable, reportable): see discard-reasons.ts for what each one means. */
export const discardReasons = Object.keys(discardReasonCatalogue) as [
  DiscardReason,
  ...DiscardReason[],
];
export const discardReasonSchema = z.enum(discardReasons);

export const holdReasons = ['TEMPERATURE_EXCURSION', 'LOOKBACK', 'QUALITY', 'MANUAL'] as const;
export const holdReasonSchema = z.enum(holdReasons);

const isoTime = z.coerce.date();

export const testResultSchema = z.enum(['negative', 'positive', 'indeterminate']);
export type TestResult = z.infer<typeof testResultSchema>;

/** Every event a unit can undergo. `type` names are the ledger's event types. */
export const unitEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('COLLECTED'),
    /** Canonical unit key (`UnitIdentity.key`): the 13-character DIN or a national donation code. */
    din: z.string().min(1),
    donorId: z.string().min(1),
    donationId: z.string().min(1),
    componentClass: componentClassSchema,
    productCode: z.string().min(1),
    bloodGroup: bloodGroupSchema,
    collectedAt: isoTime,
    expiresAt: isoTime,
    volumeMl: z.number().positive().optional(),
  }),
  z.object({ type: z.literal('PROCESSING_STARTED') }),
  /** A component created from a parent unit (split); the component starts quarantined. */
  z.object({
    type: z.literal('COMPONENT_CREATED'),
    din: z.string().min(1),
    parentDin: z.string().min(1),
    donorId: z.string().min(1),
    donationId: z.string().min(1),
    componentClass: componentClassSchema,
    productCode: z.string().min(1),
    division: z.string().default('00'),
    bloodGroup: bloodGroupSchema,
    collectedAt: isoTime,
    expiresAt: isoTime,
    volumeMl: z.number().positive().optional(),
    /** Donation test results already known, carried over from the parent. */
    tests: z.record(z.string(), testResultSchema).optional(),
  }),
  /** The parent whole-blood unit after all its components were created. */
  z.object({ type: z.literal('PROCESSED'), componentDins: z.array(z.string()).min(1) }),
  z.object({
    type: z.literal('TEST_RESULT'),
    test: z.string().min(1), // e.g. HBsAg, anti-HCV, anti-HIV, syphilis, ALT, NAT, ABO/RhD confirm
    result: testResultSchema,
  }),
  /** Release from test quarantine after all tests passed: labelled and available. */
  z.object({ type: z.literal('RELEASED') }),
  z.object({ type: z.literal('STORED'), locationId: z.string().min(1) }),
  z.object({ type: z.literal('REMOVED_FROM_STORAGE') }),
  z.object({
    type: z.literal('RESERVED'),
    patientId: z.string().min(1),
    patientGroup: bloodGroupSchema,
    until: isoTime,
    /** Sex/age/child status that change the compatible groups (platelets, emergency RhD). */
    patientFactors: recipientFactorsSchema.optional(),
  }),
  z.object({ type: z.literal('RESERVATION_RELEASED') }),
  z.object({
    type: z.literal('ISSUED'),
    patientId: z.string().min(1),
    /**
     * Required for routine issue (PATIENT_GROUP_REQUIRED). May be left out only for an emergency
     * release before the patient is grouped: the unknown-group emergency rules then apply.
     */
    patientGroup: bloodGroupSchema.optional(),
    /** Emergency release of uncrossmatched blood, signed by the ordering physician. */
    emergency: z.boolean().default(false),
    patientFactors: recipientFactorsSchema.optional(),
  }),
  /**
   * Gamma/X-ray irradiation (TA-GvHD prevention): red cells and platelets become their irradiated
   * class; the expiry is recomputed from the jurisdiction rules and never extended.
   */
  z.object({
    type: z.literal('IRRADIATED'),
    /** The ISBT 128 product code of the relabelled component, when it changes. */
    productCode: z.string().min(1).optional(),
  }),
  /** Frozen plasma or cryoprecipitate thawed: the thawed class, expiry counted from the thaw. */
  z.object({
    type: z.literal('THAWED'),
    /** The ISBT 128 product code of the relabelled component, when it changes. */
    productCode: z.string().min(1).optional(),
  }),
  z.object({ type: z.literal('BEDSIDE_CHECKED'), patientId: z.string().min(1) }),
  z.object({ type: z.literal('TRANSFUSION_STARTED'), patientId: z.string().min(1) }),
  z.object({ type: z.literal('TRANSFUSION_ENDED'), volumeMl: z.number().nonnegative().optional() }),
  z.object({
    type: z.literal('REACTION_REPORTED'),
    reactionType: z.string().min(1),
    severity: z.enum(['non-severe', 'severe', 'life-threatening', 'death']),
    imputability: z.number().int().min(0).max(3),
  }),
  z.object({ type: z.literal('RETURNED_TO_STOCK'), minutesOutOfStorage: z.number().nonnegative() }),
  z.object({
    type: z.literal('SHIPPED'),
    toSite: z.string().min(1),
    shipmentId: z.string().min(1),
  }),
  z.object({ type: z.literal('RECEIVED'), shipmentId: z.string().min(1) }),
  z.object({ type: z.literal('HELD'), reason: holdReasonSchema, note: z.string().optional() }),
  z.object({ type: z.literal('HOLD_RELEASED'), note: z.string().optional() }),
  z.object({
    type: z.literal('DISCARDED'),
    reason: discardReasonSchema,
    note: z.string().optional(),
  }),
  z.object({ type: z.literal('EXPIRED') }),
]);
export type UnitEvent = z.input<typeof unitEventSchema>;
export type ParsedUnitEvent = z.output<typeof unitEventSchema>;
export type UnitEventType = ParsedUnitEvent['type'];

/** Where and when an event happens, and who does it. */
export interface EventContext {
  at: Date;
  siteId: string;
  actor: string;
}
