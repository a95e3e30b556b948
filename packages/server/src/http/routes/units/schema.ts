import { aboGroups, componentClassSchema, rhdTypes, unitStatusSchema } from '@hemonet/core';
import { z } from 'zod';
import { pageQuery, sortQuery } from '../../pagination.js';

/** A unit key: the 13-character DIN, `<DIN>-<product code>` for a component, or `NDC:<code>`. */
export const dinSchema = z.string().regex(/^[A-Za-z0-9:*=-]{1,64}$/, 'not a unit identifier');
export const dinParams = z.object({ din: dinSchema });

export const bloodGroupView = z.object({ abo: z.enum(aboGroups), rhd: z.enum(rhdTypes) });

export const unitSchema = z.object({
  din: z.string(),
  status: unitStatusSchema,
  componentClass: componentClassSchema,
  productCode: z.string(),
  bloodGroup: bloodGroupView,
  siteId: z.string(),
  locationId: z.string().nullable(),
  expiresAt: z.date(),
  donationId: z.string(),
  parentDin: z.string().nullable(),
  patientId: z.string().nullable(),
  updatedAt: z.date(),
});
export type UnitView = z.infer<typeof unitSchema>;

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item));

export const unitListQuery = z.object({
  ...pageQuery,
  site: z.string().optional(),
  status: csv(unitStatusSchema).optional().describe('One status or several, comma-separated'),
  component: componentClassSchema.optional(),
  abo: z.enum(aboGroups).optional(),
  rhd: z.enum(rhdTypes).optional(),
  location: z.string().optional(),
  expiresAfter: z.coerce.date().optional(),
  expiresBefore: z.coerce.date().optional(),
  sort: sortQuery(['expiresAt', 'din', 'updatedAt']),
});

export const traceEventSchema = z.object({
  seq: z.number(),
  type: z.string(),
  at: z.date(),
  siteId: z.string(),
  actor: z.string(),
  payload: z.record(z.string(), z.unknown()),
  hash: z.string(),
});

const relatedSchema = z.object({
  din: z.string(),
  status: unitStatusSchema,
  siteId: z.string(),
  productCode: z.string(),
});

export const traceSchema = z.object({
  unit: unitSchema,
  /** For a component: the donation's own events (collection, tests, processing) before the split. */
  collection: z.array(traceEventSchema),
  events: z.array(traceEventSchema),
  parent: relatedSchema.nullable(),
  children: z.array(relatedSchema),
});

/** What every unit operation answers: the unit's new state and the ledger events written. */
export const actionResultSchema = z.object({
  din: z.string(),
  status: unitStatusSchema,
  siteId: z.string(),
  locationId: z.string().nullable(),
  events: z.array(
    z.object({
      din: z.string(),
      seq: z.number(),
      type: z.string(),
      at: z.date(),
      hash: z.string(),
    }),
  ),
});
