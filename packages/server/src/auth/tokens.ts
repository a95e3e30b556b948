import { createHash, randomBytes } from 'node:crypto';

/**
 * Session tokens are 256 random bits handed to the client once; only their SHA-256 is stored, so a
 * leaked sessions table cannot be replayed. A fast hash is enough: the input has full entropy.
 */
export const newSessionToken = (): string => randomBytes(32).toString('base64url');

export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');
