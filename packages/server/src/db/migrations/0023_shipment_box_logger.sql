-- A shipment may travel in a transport box with a logger (issue 4, item 6). On receipt the box's
-- readings over the journey decide each unit's fate; the decision and its evidence are kept per
-- unit so the receiver, the unit's trace and its thermal history show why it was held or accepted.
ALTER TABLE shipments ADD COLUMN box_device_id text REFERENCES devices (id);

CREATE TABLE shipment_journey_checks (
  shipment_id text NOT NULL,
  din text NOT NULL,
  box_device_id text NOT NULL REFERENCES devices (id),
  checked_at timestamptz NOT NULL,
  decision text NOT NULL CHECK (decision IN ('accept', 'hold')),
  reasons jsonb NOT NULL,
  evidence jsonb NOT NULL,
  PRIMARY KEY (shipment_id, din),
  FOREIGN KEY (shipment_id, din) REFERENCES shipment_units (shipment_id, din)
);
CREATE INDEX shipment_journey_checks_din_idx ON shipment_journey_checks (din);
