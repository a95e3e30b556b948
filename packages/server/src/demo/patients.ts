import { randomUUID } from 'node:crypto';
import type { BloodGroup } from '@hemonet/core';
import { pickWeighted } from '../bench/random.js';
import type { Patient } from '../db/repos/patients-repo.js';

/** ABO/RhD frequencies of a Han Chinese population (Heliyon 2022; RhD-negative raised to show it). */
export const GROUP_WEIGHTS: readonly (readonly [BloodGroup, number])[] = [
  [{ abo: 'O', rhd: 'pos' }, 33.5],
  [{ abo: 'A', rhd: 'pos' }, 28.2],
  [{ abo: 'B', rhd: 'pos' }, 27.7],
  [{ abo: 'AB', rhd: 'pos' }, 8.7],
  [{ abo: 'O', rhd: 'neg' }, 0.8],
  [{ abo: 'A', rhd: 'neg' }, 0.5],
  [{ abo: 'B', rhd: 'neg' }, 0.4],
  [{ abo: 'AB', rhd: 'neg' }, 0.2],
];

export interface DemoPatient extends Patient {
  bloodGroup: BloodGroup;
}

/** A small inpatient list per hospital, each typed twice (two samples) as issue requires. */
export const demoPatients = (
  hospitals: readonly string[],
  perHospital: number,
  random: () => number,
  at: Date,
): DemoPatient[] =>
  hospitals.flatMap((siteId) =>
    Array.from({ length: perHospital }, (_, i): DemoPatient => ({
      id: randomUUID(),
      siteId,
      mrn: `MRN-${siteId}-${String(i + 1).padStart(3, '0')}`,
      sex: random() < 0.5 ? 'female' : 'male',
      birthYear: 1935 + Math.floor(random() * 85),
      createdAt: at,
      bloodGroup: pickWeighted(random, GROUP_WEIGHTS),
    })),
  );
