-- Adverse transfusion reactions (EU 2005/61/EC Art. 5, Annex II): the facility notifies the
-- supplying blood establishment; imputability 0-3 (0 excluded/unlikely .. 3 certain).
CREATE TABLE adverse_reactions (
  id text PRIMARY KEY,
  din text NOT NULL REFERENCES units (din),
  patient_id text NOT NULL REFERENCES patients (id),
  site_id text NOT NULL REFERENCES sites (id),
  supplier_site_id text NOT NULL REFERENCES sites (id),
  reaction_type text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('non-severe', 'severe', 'life-threatening', 'death')),
  imputability integer NOT NULL CHECK (imputability BETWEEN 0 AND 3),
  description text NOT NULL DEFAULT '',
  reported_at timestamptz NOT NULL,
  reported_by text NOT NULL
);
CREATE INDEX adverse_reactions_site_idx ON adverse_reactions (site_id, reported_at);
CREATE INDEX adverse_reactions_supplier_idx ON adverse_reactions (supplier_site_id, reported_at);

-- Near misses: an error caught before harm, such as a bedside check where the patient and the
-- unit do not match an issue. Written even though the unit event itself was refused.
CREATE TABLE near_misses (
  id text PRIMARY KEY,
  site_id text NOT NULL REFERENCES sites (id),
  kind text NOT NULL,
  din text NOT NULL,
  patient_id text NOT NULL,
  expected_patient_id text,
  detail text NOT NULL,
  at timestamptz NOT NULL,
  actor text NOT NULL
);
CREATE INDEX near_misses_site_idx ON near_misses (site_id, at);
