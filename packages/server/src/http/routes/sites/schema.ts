import { z } from 'zod';
import { canonicalTimeZone, defaultTimeZone } from '../../../time-zone.js';
import { pageQuery, sortQuery } from '../../pagination.js';

export const siteKindSchema = z.enum(['center', 'hospital']);
export const siteIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/);

/** An IANA zone name the runtime knows, stored in its canonical spelling. */
export const timeZoneSchema = z
  .string()
  .refine((name) => canonicalTimeZone(name) !== null, {
    message: 'unknown time zone: give an IANA name such as Asia/Shanghai, Europe/Berlin or UTC',
  })
  .transform((name) => canonicalTimeZone(name) ?? name);

export const siteSchema = z.object({
  id: siteIdSchema,
  name: z.string(),
  kind: siteKindSchema,
  region: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  timeZone: z.string().describe('IANA time zone: local times printed for the site (labels)'),
});

export const newSiteBody = z.object({
  id: siteIdSchema,
  name: z.string().min(1).max(200),
  kind: siteKindSchema,
  region: z.string().min(1).max(100),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  timeZone: timeZoneSchema
    .default(defaultTimeZone)
    .describe(`IANA time zone of the site (default ${defaultTimeZone})`),
});

export const siteListQuery = z.object({
  ...pageQuery,
  kind: siteKindSchema.optional(),
  region: z.string().optional(),
  sort: sortQuery(['id', 'name', 'kind']),
});

export const travelTimeSchema = z.object({
  fromSiteId: siteIdSchema,
  toSiteId: siteIdSchema,
  minutes: z
    .number()
    .int()
    .positive()
    .max(24 * 60),
});

export const travelTimesBody = z.object({
  travelTimes: z.array(travelTimeSchema).min(1).max(10_000),
});

export const travelTimeListQuery = z.object({
  ...pageQuery,
  from: siteIdSchema.optional(),
  to: siteIdSchema.optional(),
});
