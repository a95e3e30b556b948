import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with scrypt (RFC 7914) from node:crypto. The cost parameters are stored in the
 * hash string, so they can be raised later without invalidating existing passwords.
 * Format: `scrypt$<N>$<r>$<p>$<salt base64url>$<key base64url>`.
 */
const defaultCost = { N: 16_384, r: 8, p: 1 } as const;
const keyLength = 64;
const saltLength = 16;

const deriveKey = (password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    // 128·N·r bytes are needed; leave headroom over Node's 32 MiB default.
    const maxmem = 256 * (options.N ?? defaultCost.N) * (options.r ?? defaultCost.r) + 1024 * 1024;
    scrypt(password, salt, keyLength, { ...options, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });

export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(saltLength);
  const key = await deriveKey(password, salt, defaultCost);
  const { N, r, p } = defaultCost;
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
};

export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await deriveKey(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
};

/** A random password for generated accounts (demo users, `hemonet user add` without --password). */
export const randomPassword = (): string => randomBytes(12).toString('base64url');
