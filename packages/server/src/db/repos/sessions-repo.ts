import type { Role } from '../../auth/roles.js';
import type { AuthUser } from '../../auth/user.js';
import type { Queryable } from '../sql-client.js';

export interface NewSession {
  tokenHash: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
}

export const insertSession = async (db: Queryable, s: NewSession): Promise<void> => {
  await db.query(
    `INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
    [s.tokenHash, s.userId, s.createdAt, s.expiresAt],
  );
};

/** The user behind a live session: not expired, not revoked, user not disabled. */
export const findSessionUser = async (
  db: Queryable,
  tokenHash: string,
  now: Date,
): Promise<AuthUser | null> => {
  const { rows } = await db.query<{ id: string; username: string; role: Role; site_id: string }>(
    `SELECT u.id, u.username, u.role, u.site_id
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.disabled_at IS NULL`,
    [tokenHash, now],
  );
  const r = rows[0];
  return r ? { id: r.id, username: r.username, role: r.role, siteId: r.site_id } : null;
};

export const revokeSession = async (db: Queryable, tokenHash: string, at: Date): Promise<void> => {
  await db.query(
    `UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL`,
    [tokenHash, at],
  );
};

/**
 * Revoke every live session of a user (user disabled, password reset), or every one but
 * `keepTokenHash` (a password change keeps the session that made it).
 */
export const revokeUserSessions = async (
  db: Queryable,
  userId: string,
  at: Date,
  keepTokenHash: string | null = null,
): Promise<number> => {
  const { rows } = await db.query<{ token_hash: string }>(
    `UPDATE sessions SET revoked_at = $2
     WHERE user_id = $1 AND revoked_at IS NULL AND token_hash IS DISTINCT FROM $3
     RETURNING token_hash`,
    [userId, at, keepTokenHash],
  );
  return rows.length;
};
