-- Cold-chain devices: each watches one storage location (or travels in a transport box) of one
-- site and publishes SenML readings on hemonet/{site}/devices/{id}/readings with its own secret.
-- Only a SHA-256 of the secret is kept: secrets are 256-bit random, so a fast hash suffices.
CREATE TABLE devices (
  id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{1,64}$'),
  site_id text NOT NULL REFERENCES sites (id),
  kind text NOT NULL CHECK (kind IN ('fridge', 'freezer', 'platelet_agitator', 'transport_box', 'room')),
  location_id text REFERENCES storage_locations (id),
  component_class text,
  name text NOT NULL,
  reporting_interval_s integer NOT NULL CHECK (reporting_interval_s > 0),
  excursion_delay_s integer NOT NULL CHECK (excursion_delay_s >= 0),
  secret_hash text NOT NULL CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
  secret_rotated_at timestamptz NOT NULL,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX devices_site_idx ON devices (site_id);
CREATE INDEX devices_location_idx ON devices (location_id);

-- Live status of each device: what the alarm engine folded so far (its state, by reading time),
-- when it was last heard from, and how many payloads it sent that were rejected (device faults).
CREATE TABLE device_status (
  device_id text PRIMARY KEY REFERENCES devices (id),
  last_seen_at timestamptz,
  last_reading_at timestamptz,
  last_temperature double precision,
  accepted_count bigint NOT NULL DEFAULT 0,
  rejected_count bigint NOT NULL DEFAULT 0,
  last_reject_code text,
  last_reject_at timestamptz,
  monitor_state jsonb NOT NULL
);
