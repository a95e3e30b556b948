-- Projection of each unit's current state, folded from its ledger events and updated in the same
-- transaction as the event that changes it. `state` holds the full core UnitState; the columns
-- beside it are copies that lists, filters and lookback can index.
CREATE TABLE units (
  din text PRIMARY KEY,
  status text NOT NULL,
  component_class text NOT NULL,
  product_code text NOT NULL,
  abo text NOT NULL CHECK (abo IN ('O', 'A', 'B', 'AB')),
  rhd text NOT NULL CHECK (rhd IN ('pos', 'neg')),
  site_id text NOT NULL REFERENCES sites (id),
  location_id text,
  expires_at timestamptz NOT NULL,
  donor_id text NOT NULL REFERENCES donors (id),
  donation_id text NOT NULL REFERENCES donations (id),
  parent_din text REFERENCES units (din),
  -- The patient a unit is reserved for, issued to or transfused into (latest).
  patient_id text,
  state jsonb NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  updated_at timestamptz NOT NULL
);
