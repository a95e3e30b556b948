-- A patient's units through the ledger: the FHIR dispense/procedure searches find every unit ever
-- issued to a patient, including units later returned to stock (whose projection no longer names
-- the patient). Partial: only patient-bearing event types carry `patientId`.
CREATE INDEX unit_events_patient_idx ON unit_events ((payload->>'patientId'), din)
  WHERE type IN ('RESERVED', 'ISSUED', 'BEDSIDE_CHECKED', 'TRANSFUSION_STARTED');
