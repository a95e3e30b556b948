-- Patients of a hospital, pseudonymous to the network: the hospital's own record number (MRN)
-- stays meaningful only at that hospital. A patient belongs to exactly one site.
CREATE TABLE patients (
  id text PRIMARY KEY,
  site_id text NOT NULL REFERENCES sites (id),
  mrn text NOT NULL,
  sex text NOT NULL CHECK (sex IN ('female', 'male', 'unknown')),
  birth_year integer CHECK (birth_year BETWEEN 1880 AND 2200),
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  UNIQUE (site_id, mrn)
);

-- Every blood group determination of a patient, never overwritten: electronic issue needs two
-- concordant typings, one of them current (AABB electronic crossmatch prerequisites).
CREATE TABLE patient_blood_groups (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  patient_id text NOT NULL REFERENCES patients (id),
  abo text NOT NULL CHECK (abo IN ('O', 'A', 'B', 'AB')),
  rhd text NOT NULL CHECK (rhd IN ('pos', 'neg')),
  sample_id text NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by text NOT NULL
);
CREATE INDEX patient_blood_groups_patient_idx ON patient_blood_groups (patient_id, id);
