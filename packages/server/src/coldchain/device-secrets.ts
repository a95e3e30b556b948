import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits: too much entropy to guess, so a single SHA-256 protects the stored copy. */
export const generateDeviceSecret = (): string => randomBytes(32).toString('base64url');

export const hashDeviceSecret = (secret: string | Uint8Array): string =>
  createHash('sha256').update(secret).digest('hex');

/** Constant-time comparison of a presented secret with the stored hash. */
export function verifyDeviceSecret(presented: string | Uint8Array, storedHash: string): boolean {
  const a = Buffer.from(hashDeviceSecret(presented), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
