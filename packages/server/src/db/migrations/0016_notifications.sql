-- Notifications addressed to a site (lookback holds, adverse reactions to the supplier, ...).
CREATE TABLE notifications (
  id text PRIMARY KEY,
  site_id text NOT NULL REFERENCES sites (id),
  kind text NOT NULL,
  subject text NOT NULL,
  body jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  acknowledged_at timestamptz,
  acknowledged_by text
);
CREATE INDEX notifications_site_idx ON notifications (site_id, created_at);
