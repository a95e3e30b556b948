-- Shipments between sites (center -> hospital, hospital -> hospital). Each unit's SHIPPED and
-- RECEIVED events are in the ledger; this table groups them for dispatch and receipt scanning.
CREATE TABLE shipments (
  id text PRIMARY KEY,
  from_site_id text NOT NULL REFERENCES sites (id),
  to_site_id text NOT NULL REFERENCES sites (id),
  status text NOT NULL CHECK (status IN ('in_transit', 'partially_received', 'received')),
  shipped_at timestamptz NOT NULL,
  shipped_by text NOT NULL,
  received_at timestamptz,
  CHECK (from_site_id <> to_site_id)
);
CREATE INDEX shipments_from_idx ON shipments (from_site_id, shipped_at);
CREATE INDEX shipments_to_idx ON shipments (to_site_id, shipped_at);

CREATE TABLE shipment_units (
  shipment_id text NOT NULL REFERENCES shipments (id),
  din text NOT NULL REFERENCES units (din),
  received_at timestamptz,
  received_by text,
  PRIMARY KEY (shipment_id, din)
);
CREATE INDEX shipment_units_din_idx ON shipment_units (din);
