import type { AdverseReaction } from '../db/repos/haemovigilance-repo.js';
import { reference, systems, type FhirResource } from './systems.js';

/** One ledger event of a unit, as the clinical mappers read it. */
export interface UnitEventRecord {
  seq: number;
  din: string;
  type: string;
  at: Date;
  siteId: string;
  payload: Record<string, unknown>;
}

const patientOf = (e: UnitEventRecord): string | null =>
  typeof e.payload.patientId === 'string' ? e.payload.patientId : null;

const product = (din: string) => reference('BiologicallyDerivedProduct', din);
const patient = (id: string) => reference('Patient', id);

const matchStatusSystem = 'http://hl7.org/fhir/biologicallyderivedproductdispense-match-status';

type MatchStatus = 'crossmatched' | 'selected' | 'unmatched';

interface Dispense {
  issue: UnitEventRecord;
  patientId: string;
  matchStatus: MatchStatus;
  returnedAt: Date | null;
}

/**
 * Emergency release is uncrossmatched (unmatched); a unit reserved for the same patient before
 * the issue was crossmatched; otherwise it was selected by ABO/RhD (electronic issue).
 */
const matchStatusOf = (issue: UnitEventRecord, reservedFor: string | null): MatchStatus => {
  if (issue.payload.emergency === true) return 'unmatched';
  return reservedFor !== null && reservedFor === patientOf(issue) ? 'crossmatched' : 'selected';
};

/** Every issue of one unit (events in ledger order), with its return to stock if any. */
const dispensesOf = (events: readonly UnitEventRecord[]): Dispense[] => {
  const out: Dispense[] = [];
  let reservedFor: string | null = null;
  let open: Dispense | null = null;
  for (const e of events) {
    if (e.type === 'RESERVED') reservedFor = patientOf(e);
    if (e.type === 'RESERVATION_RELEASED') reservedFor = null;
    const patientId = patientOf(e);
    if (e.type === 'ISSUED' && patientId) {
      open = { issue: e, patientId, matchStatus: matchStatusOf(e, reservedFor), returnedAt: null };
      out.push(open);
      reservedFor = null;
    }
    if (e.type === 'RETURNED_TO_STOCK' && open) {
      open.returnedAt = e.at;
      open = null;
    }
  }
  return out;
};

/**
 * Issue events as R5 BiologicallyDerivedProductDispense (status issued, or returned), all of
 * them or only those to one patient.
 */
export const toDispenses = (
  events: readonly UnitEventRecord[],
  patientId?: string,
): FhirResource[] =>
  dispensesOf(events)
    .filter((d) => patientId === undefined || d.patientId === patientId)
    .map((d) => ({
      resourceType: 'BiologicallyDerivedProductDispense',
      id: `issue-${d.issue.seq}`,
      status: d.returnedAt ? 'returned' : 'issued',
      product: product(d.issue.din),
      patient: patient(d.patientId),
      matchStatus: { coding: [{ system: matchStatusSystem, code: d.matchStatus }] },
      location: { display: d.issue.siteId },
      whenHandedOver: d.issue.at.toISOString(),
      ...(d.returnedAt ? { note: [{ text: `returned ${d.returnedAt.toISOString()}` }] } : {}),
    }));

/** SNOMED CT 116859006 |Transfusion of blood product (procedure)|. */
const transfusionCode = {
  coding: [{ system: systems.snomed, code: '116859006', display: 'Transfusion of blood product' }],
};

interface Transfusion {
  start: UnitEventRecord;
  patientId: string;
  endedAt: Date | null;
}

const transfusionsOf = (events: readonly UnitEventRecord[]): Transfusion[] => {
  const out: Transfusion[] = [];
  let open: Transfusion | null = null;
  for (const e of events) {
    const patientId = patientOf(e);
    if (e.type === 'TRANSFUSION_STARTED' && patientId) {
      open = { start: e, patientId, endedAt: null };
      out.push(open);
    }
    if (e.type === 'TRANSFUSION_ENDED' && open) {
      open.endedAt = e.at;
      open = null;
    }
  }
  return out;
};

/**
 * Transfusions of one unit (events in ledger order) as R5 Procedure with `used` → the product,
 * all of them or only those of one patient.
 */
export const toProcedures = (
  events: readonly UnitEventRecord[],
  patientId?: string,
): FhirResource[] =>
  transfusionsOf(events)
    .filter((t) => patientId === undefined || t.patientId === patientId)
    .map((t) => ({
      resourceType: 'Procedure',
      id: `transfusion-${t.start.seq}`,
      status: t.endedAt ? 'completed' : 'in-progress',
      code: transfusionCode,
      subject: patient(t.patientId),
      occurrencePeriod: {
        start: t.start.at.toISOString(),
        ...(t.endedAt ? { end: t.endedAt.toISOString() } : {}),
      },
      location: { display: t.start.siteId },
      used: [{ reference: product(t.start.din) }],
    }));

/** A reported transfusion reaction as an R5 AdverseEvent (actual, with the unit as suspect). */
export const toAdverseEvent = (r: AdverseReaction): FhirResource => {
  const serious = r.severity !== 'non-severe';
  return {
    resourceType: 'AdverseEvent',
    id: r.id,
    status: 'completed',
    actuality: 'actual',
    code: { text: r.reactionType },
    subject: patient(r.patientId),
    recordedDate: r.reportedAt.toISOString(),
    location: { display: r.siteId },
    seriousness: {
      coding: [{ system: systems.seriousness, code: serious ? 'serious' : 'non-serious' }],
      text: r.severity,
    },
    suspectEntity: [
      {
        instance: { reference: product(r.din) },
        // Imputability on the ISBT haemovigilance scale as recorded (0 = excluded … 3 = certain).
        causality: { entityRelatedness: { text: `imputability ${r.imputability}` } },
      },
    ],
    ...(r.description ? { note: [{ text: r.description }] } : {}),
  };
};
