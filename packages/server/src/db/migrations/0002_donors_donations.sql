-- Donors are pseudonymous: the network holds an opaque id and the blood group, never identity
-- (identity stays in the blood establishment's donor system; EU 2005/61/EC Annex I needs only
-- a donor identification to trace donor <-> recipient).
CREATE TABLE donors (
  id text PRIMARY KEY,
  abo text NOT NULL CHECK (abo IN ('O', 'A', 'B', 'AB')),
  rhd text NOT NULL CHECK (rhd IN ('pos', 'neg')),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE donations (
  id text PRIMARY KEY,
  donor_id text NOT NULL REFERENCES donors (id),
  site_id text NOT NULL REFERENCES sites (id),
  collected_at timestamptz NOT NULL
);

-- Lookback (21 CFR 610.46/610.47) walks from a donor to every prior donation.
CREATE INDEX donations_donor_idx ON donations (donor_id, collected_at);
