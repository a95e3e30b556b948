import type { BloodGroup } from '@hemonet/core';
import type { Queryable } from '../sql-client.js';

export const sexes = ['female', 'male', 'unknown'] as const;
export type Sex = (typeof sexes)[number];

export interface Patient {
  id: string;
  siteId: string;
  mrn: string;
  sex: Sex;
  birthYear: number | null;
  createdAt: Date;
}

export interface BloodGroupTyping {
  bloodGroup: BloodGroup;
  sampleId: string;
  recordedAt: Date;
  recordedBy: string;
}

const columns = `id, site_id AS "siteId", mrn, sex, birth_year AS "birthYear", created_at AS "createdAt"`;

export const insertPatient = async (db: Queryable, p: Patient, actor: string): Promise<boolean> => {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO patients (id, site_id, mrn, sex, birth_year, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id`,
    [p.id, p.siteId, p.mrn, p.sex, p.birthYear, p.createdAt, actor],
  );
  return rows.length > 0;
};

export const getPatient = async (db: Queryable, id: string): Promise<Patient | null> => {
  const { rows } = await db.query<Patient>(`SELECT ${columns} FROM patients WHERE id = $1`, [id]);
  return rows[0] ?? null;
};

export interface PatientFilter {
  siteId?: string | undefined;
  mrn?: string | undefined;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export const listPatients = async (db: Queryable, f: PatientFilter): Promise<Patient[]> => {
  const dir = f.order === 'desc' ? 'DESC' : 'ASC';
  const { rows } = await db.query<Patient>(
    `SELECT ${columns} FROM patients
     WHERE ($1::text IS NULL OR site_id = $1) AND ($2::text IS NULL OR mrn = $2)
     ORDER BY created_at ${dir}, id ${dir} LIMIT $3 OFFSET $4`,
    [f.siteId ?? null, f.mrn ?? null, f.limit, f.offset],
  );
  return rows;
};

export const insertTyping = async (
  db: Queryable,
  patientId: string,
  t: BloodGroupTyping,
): Promise<void> => {
  await db.query(
    `INSERT INTO patient_blood_groups (patient_id, abo, rhd, sample_id, recorded_at, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [patientId, t.bloodGroup.abo, t.bloodGroup.rhd, t.sampleId, t.recordedAt, t.recordedBy],
  );
};

/** Every typing of a patient, oldest first. */
export const listTypings = async (
  db: Queryable,
  patientId: string,
): Promise<BloodGroupTyping[]> => {
  const { rows } = await db.query<{
    abo: BloodGroup['abo'];
    rhd: BloodGroup['rhd'];
    sample_id: string;
    recorded_at: Date;
    recorded_by: string;
  }>(
    `SELECT abo, rhd, sample_id, recorded_at, recorded_by FROM patient_blood_groups WHERE patient_id = $1 ORDER BY id`,
    [patientId],
  );
  return rows.map((r) => ({
    bloodGroup: { abo: r.abo, rhd: r.rhd },
    sampleId: r.sample_id,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
  }));
};
