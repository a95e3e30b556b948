import type { Role } from '../../auth/roles.js';
import type { Queryable } from '../sql-client.js';

export interface UserRecord {
  id: string;
  username: string;
  role: Role;
  siteId: string;
  createdAt: Date;
  disabled: boolean;
}

interface UserRow {
  id: string;
  username: string;
  role: Role;
  site_id: string;
  created_at: Date | string;
  disabled_at: Date | string | null;
}

const toUser = (r: UserRow): UserRecord => ({
  id: r.id,
  username: r.username,
  role: r.role,
  siteId: r.site_id,
  createdAt: new Date(r.created_at),
  disabled: r.disabled_at !== null,
});

const columns = 'id, username, role, site_id, created_at, disabled_at';

export interface NewUser {
  id: string;
  username: string;
  passwordHash: string;
  role: Role;
  siteId: string;
  createdAt: Date;
}

export const insertUser = async (db: Queryable, u: NewUser): Promise<UserRecord> => {
  const { rows } = await db.query<UserRow>(
    `INSERT INTO users (id, username, password_hash, role, site_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${columns}`,
    [u.id, u.username, u.passwordHash, u.role, u.siteId, u.createdAt],
  );
  return toUser(rows[0]!);
};

export const findUserCredentials = async (
  db: Queryable,
  username: string,
): Promise<(UserRecord & { passwordHash: string }) | null> => {
  const { rows } = await db.query<UserRow & { password_hash: string }>(
    `SELECT ${columns}, password_hash FROM users WHERE username = $1`,
    [username],
  );
  const row = rows[0];
  return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
};

export const findUserByUsername = async (
  db: Queryable,
  username: string,
): Promise<UserRecord | null> => {
  const { rows } = await db.query<UserRow>(`SELECT ${columns} FROM users WHERE username = $1`, [
    username,
  ]);
  return rows[0] ? toUser(rows[0]) : null;
};

export interface UserFilter {
  siteId?: string | undefined;
  role?: Role | undefined;
  limit: number;
  offset: number;
}

/** Users in a stable order (username is unique). */
export const listUsers = async (db: Queryable, f: UserFilter): Promise<UserRecord[]> => {
  const { rows } = await db.query<UserRow>(
    `SELECT ${columns} FROM users
     WHERE ($1::text IS NULL OR site_id = $1) AND ($2::text IS NULL OR role = $2)
     ORDER BY username LIMIT $3 OFFSET $4`,
    [f.siteId ?? null, f.role ?? null, f.limit, f.offset],
  );
  return rows.map(toUser);
};

export const disableUser = async (db: Queryable, username: string, at: Date): Promise<boolean> => {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE users SET disabled_at = $2 WHERE username = $1 AND disabled_at IS NULL RETURNING id`,
    [username, at],
  );
  return rows.length > 0;
};

/** Replace a user's password hash (password change or admin reset). */
export const setPasswordHash = async (
  db: Queryable,
  userId: string,
  passwordHash: string,
): Promise<void> => {
  await db.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [userId, passwordHash]);
};

/** Many users in one statement (demo seeding). */
export const insertUsers = async (db: Queryable, users: readonly NewUser[]): Promise<void> => {
  if (users.length === 0) return;
  await db.query(
    `INSERT INTO users (id, username, password_hash, role, site_id, created_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])`,
    [
      users.map((u) => u.id),
      users.map((u) => u.username),
      users.map((u) => u.passwordHash),
      users.map((u) => u.role),
      users.map((u) => u.siteId),
      users.map((u) => u.createdAt),
    ],
  );
};
