-- Storage locations within a site. A unit's projection names the location it is stored in.
CREATE TABLE storage_locations (
  id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_.-]{1,64}$'),
  site_id text NOT NULL REFERENCES sites (id),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('fridge', 'freezer', 'platelet_agitator', 'room', 'transport_box')),
  created_at timestamptz NOT NULL
);
CREATE INDEX storage_locations_site_idx ON storage_locations (site_id, kind);
