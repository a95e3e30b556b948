-- People who use the network. Each holds one role at one site; passwords are scrypt hashes
-- (never the password), and accounts are disabled rather than deleted so that the actor of every
-- past change stays resolvable.
CREATE TABLE users (
  id text PRIMARY KEY,
  username text NOT NULL UNIQUE CHECK (username ~ '^[A-Za-z0-9._@-]{1,100}$'),
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('center_staff', 'hospital_blood_bank', 'clinician', 'courier', 'auditor', 'admin')),
  site_id text NOT NULL REFERENCES sites (id),
  created_at timestamptz NOT NULL,
  disabled_at timestamptz
);
CREATE INDEX users_site_idx ON users (site_id, role);

-- Login sessions: only the SHA-256 of the bearer token is stored. A session ends when it expires
-- or is revoked (logout, user disabled).
CREATE TABLE sessions (
  token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  user_id text NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE revoked_at IS NULL;
