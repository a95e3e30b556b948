import { aboGroups, bloodGroupSchema, rhdTypes } from '@hemonet/core';
import { z } from 'zod';
import { pageQuery } from '../../pagination.js';
import { actionResultSchema } from '../units/schema.js';

export const donorIdSchema = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'a pseudonymous donor id');

export const donorSchema = z.object({
  id: donorIdSchema,
  bloodGroup: bloodGroupSchema,
  createdAt: z.date(),
});
export const newDonorBody = z.object({ id: donorIdSchema, bloodGroup: bloodGroupSchema });
export const donorListQuery = z.object({
  ...pageQuery,
  abo: z.enum(aboGroups).optional(),
  rhd: z.enum(rhdTypes).optional(),
});

export const donationSchema = z.object({
  id: z.string(),
  donorId: z.string(),
  siteId: z.string(),
  collectedAt: z.date(),
});
export const donationListQuery = z.object({
  ...pageQuery,
  order: z.enum(['asc', 'desc']).default('desc'),
  donor: z.string().optional(),
  site: z.string().optional(),
});

export const newDonationBody = z.object({
  din: z
    .string()
    .min(13)
    .max(20)
    .describe('13-character DIN, DIN + keyboard check character, or DS001 data'),
  donorId: donorIdSchema,
  productCode: z
    .string()
    .regex(/^[EF][0-9]{4}[0-9A-Za-z][0-9A-Z][0-9a-z]$/)
    .describe('DS003 product code of the collection bag, e.g. E9001V00'),
  collectedAt: z.coerce.date().optional(),
  volumeMl: z.number().positive().max(1000).optional(),
});
export const collectedSchema = actionResultSchema;
