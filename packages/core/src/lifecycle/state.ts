import { z } from 'zod';
import { bloodGroupSchema } from '../blood-group.js';
import { componentClassSchema } from '../components/component-class.js';
import { DomainError } from '../errors.js';
import {
  discardReasonSchema,
  finalStatuses,
  holdReasonSchema,
  testResultSchema,
  unitStatusSchema,
  type UnitStatus,
} from './types.js';

const time = z.coerce.date();

/** One irradiation or thaw: the class, product code and expiry before and after it. */
export const unitModificationSchema = z.object({
  kind: z.enum(['IRRADIATED', 'THAWED']),
  at: time,
  siteId: z.string(),
  fromClass: componentClassSchema,
  toClass: componentClassSchema,
  fromProductCode: z.string(),
  productCode: z.string(),
  fromExpiresAt: time,
  expiresAt: time,
});
export type UnitModification = z.output<typeof unitModificationSchema>;

/**
 * A unit's current state: a pure fold of its events (`applyUnitEvent`). Dates are coerced, so a
 * state stored as JSON is read back with `parseUnitState`.
 */
export const unitStateSchema = z.object({
  din: z.string().min(1),
  status: unitStatusSchema,
  componentClass: componentClassSchema,
  productCode: z.string().min(1),
  division: z.string(),
  bloodGroup: bloodGroupSchema,
  donorId: z.string(),
  donationId: z.string(),
  parentDin: z.string().optional(),
  /** The site that holds the unit (the sender while in transit). */
  siteId: z.string(),
  locationId: z.string().nullable(),
  collectedAt: time,
  expiresAt: time,
  /** Worst result seen per test: a positive is never cleared by a later negative. */
  tests: z.record(z.string(), testResultSchema),
  reservation: z
    .object({ patientId: z.string(), patientGroup: bloodGroupSchema, until: time })
    .nullable(),
  issuedTo: z
    .object({
      patientId: z.string(),
      /** Absent only for an emergency release to a patient not yet grouped. */
      patientGroup: bloodGroupSchema.optional(),
      at: time,
      emergency: z.boolean(),
      bedsideCheckedAt: time.nullable(),
    })
    .nullable(),
  holdReason: holdReasonSchema.nullable(),
  statusBeforeHold: unitStatusSchema.nullable(),
  excursionReleases: z.number().int().nonnegative(),
  outOfStorageSince: time.nullable(),
  reactions: z.array(
    z.object({
      reactionType: z.string(),
      severity: z.enum(['non-severe', 'severe', 'life-threatening', 'death']),
      imputability: z.number().int(),
      at: time,
      siteId: z.string(),
    }),
  ),
  fate: z
    .object({
      status: z.enum(finalStatuses),
      at: time,
      reason: discardReasonSchema.optional(),
    })
    .nullable(),
  inTransitTo: z.object({ site: z.string(), shipmentId: z.string() }).nullable(),
  statusBeforeTransit: unitStatusSchema.nullable(),
  /**
   * Irradiation and thawing, oldest first, with what the unit was before each (vein-to-vein
   * trace of the relabelling). Absent on units never modified and on states stored before it.
   */
  modifications: z.array(unitModificationSchema).optional(),
  /** Time of the last event folded in: later events may not be earlier (EVENT_OUT_OF_ORDER). */
  lastEventAt: time.optional(),
  /** Number of events folded into this state. */
  version: z.number().int().positive(),
});
export type UnitState = z.output<typeof unitStateSchema>;

/** Reads a stored state (e.g. a jsonb projection) back, dates included. */
export const parseUnitState = (json: unknown): UnitState => {
  const parsed = unitStateSchema.safeParse(json);
  if (!parsed.success) {
    throw new DomainError('UNIT_STATE_INVALID', z.prettifyError(parsed.error), {
      issues: parsed.error.issues,
    });
  }
  return parsed.data;
};

export const isFinal = (status: UnitStatus): boolean =>
  (finalStatuses as readonly UnitStatus[]).includes(status);
