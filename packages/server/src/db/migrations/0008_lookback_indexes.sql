-- Lookback from a donor or a donation to every component (split children carry the same donor
-- and donation), and trace from a unit to its children; patient lookups for haemovigilance.
-- INCLUDE columns let lookback answer from the index alone.
CREATE INDEX units_donor_idx ON units (donor_id) INCLUDE (din, status, site_id, location_id, patient_id);
CREATE INDEX units_donation_idx ON units (donation_id) INCLUDE (din, status, site_id, location_id, patient_id);
CREATE INDEX units_parent_idx ON units (parent_din) WHERE parent_din IS NOT NULL;
CREATE INDEX units_patient_idx ON units (patient_id) WHERE patient_id IS NOT NULL;
