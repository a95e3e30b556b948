import { z } from 'zod';
import { storageKinds } from '../../../db/repos/storage-locations-repo.js';
import { pageQuery } from '../../pagination.js';
import { siteIdSchema } from '../sites/schema.js';

export const locationIdSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/);
export const storageKindSchema = z.enum(storageKinds);

export const locationSchema = z.object({
  id: locationIdSchema,
  siteId: siteIdSchema,
  name: z.string(),
  kind: storageKindSchema,
});

export const newLocationBody = z.object({
  id: locationIdSchema,
  siteId: siteIdSchema,
  name: z.string().min(1).max(200),
  kind: storageKindSchema,
});

export const locationListQuery = z.object({
  ...pageQuery,
  site: siteIdSchema.optional(),
  kind: storageKindSchema.optional(),
});
