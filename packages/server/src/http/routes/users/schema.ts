import { z } from 'zod';
import { roleSchema } from '../../../auth/roles.js';
import { pageQuery } from '../../pagination.js';
import { siteIdSchema } from '../sites/schema.js';

export const usernameSchema = z.string().regex(/^[A-Za-z0-9._@-]{1,100}$/);

export const userRecordSchema = z.object({
  id: z.string(),
  username: usernameSchema,
  role: roleSchema,
  siteId: siteIdSchema,
  createdAt: z.date(),
  disabled: z.boolean(),
});

export const newUserBody = z.object({
  username: usernameSchema,
  role: roleSchema,
  siteId: siteIdSchema,
  password: z
    .string()
    .min(12)
    .max(200)
    .optional()
    .describe('Generated and returned once when absent'),
});

export const addedUserSchema = z.object({ user: userRecordSchema, password: z.string() });

export const userListQuery = z.object({
  ...pageQuery,
  site: siteIdSchema.optional(),
  role: roleSchema.optional(),
});

export const passwordResetSchema = z.object({
  username: usernameSchema,
  password: z.string().describe('The new generated password, shown once'),
});
