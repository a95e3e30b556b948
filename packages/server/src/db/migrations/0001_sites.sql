-- Sites of the network: the regional blood center(s) and every hospital blood bank.
-- The site code is the primary key: it appears in MQTT topics and in every high-volume row,
-- and `region` is the distribution key when tables are sharded (Citus) beyond one machine.
CREATE TABLE sites (
  id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{1,32}$'),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('center', 'hospital')),
  region text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
