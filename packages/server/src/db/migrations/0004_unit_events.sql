-- The tamper-evident ledger: one row per change to a unit, append-only, hash-chained in `seq`
-- order across all units (one global chain). hash = sha256(RFC 8785 canonical JSON of
-- seq, prevHash, din, type, siteId, actor, at, payload); prev_hash = hash of seq - 1.
-- No foreign keys: the ledger is the record of what happened and must accept every event the
-- write path validated, and per-row FK checks would cost append throughput.
CREATE TABLE unit_events (
  seq bigint PRIMARY KEY CHECK (seq > 0),
  din text NOT NULL,
  type text NOT NULL,
  site_id text NOT NULL,
  actor text NOT NULL,
  at timestamptz NOT NULL,
  payload jsonb NOT NULL,
  prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
);

-- A unit's whole history in order (trace) without a sort.
CREATE INDEX unit_events_din_seq_idx ON unit_events (din, seq);
