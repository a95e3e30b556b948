import { z } from 'zod';
import { roleSchema } from '../../../auth/roles.js';

export const loginBody = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: roleSchema,
  siteId: z.string(),
});

export const loginResponse = z.object({
  token: z.string().describe('Bearer token: send as `Authorization: Bearer <token>`'),
  expiresAt: z.date(),
  user: userSchema,
});

export const passwordChangeBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z
    .string()
    .min(1)
    .max(200)
    .describe(
      'At least 12 characters, not the current password, not the username (else 400 WEAK_PASSWORD)',
    ),
});
