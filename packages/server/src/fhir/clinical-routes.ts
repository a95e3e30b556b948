import { assertCanReadSite, canReadSite } from '../auth/site-scope.js';
import type { AuthUser } from '../auth/user.js';
import {
  eventsOfPatientUnits,
  eventsOfUnit,
  reactionsOfPatient,
  type UnitEventRow,
} from '../db/repos/fhir-repo.js';
import { getPatient } from '../db/repos/patients-repo.js';
import type { Queryable } from '../db/sql-client.js';
import { currentUser } from '../http/auth-hook.js';
import type { AppDeps, HemonetApp } from '../http/types.js';
import { toAdverseEvent, toDispenses, toProcedures } from './clinical.js';
import { bundleFor } from './respond.js';
import { dispenseSearch, pageOf, patientSearch } from './search.js';
import type { FhirResource } from './systems.js';

const tags = ['fhir'];

/**
 * Whether the patient's data may be read: false for an unknown patient (an empty searchset),
 * FORBIDDEN_SITE for another site's patient (auditors read all).
 */
const patientReadable = async (db: Queryable, user: AuthUser, patientId: string) => {
  const patient = await getPatient(db, patientId);
  if (!patient) return false;
  assertCanReadSite(user, patient.siteId);
  return true;
};

/** Events grouped by unit (input ordered by din, then seq), mapped unit by unit. */
const perUnit = (
  events: readonly UnitEventRow[],
  map: (unitEvents: UnitEventRow[]) => FhirResource[],
): FhirResource[] => {
  const byDin = new Map<string, UnitEventRow[]>();
  for (const e of events) {
    const unitEvents = byDin.get(e.din);
    if (unitEvents) unitEvents.push(e);
    else byDin.set(e.din, [e]);
  }
  return [...byDin.values()].flatMap(map);
};

/** Issues of one unit, limited to those at sites the user may read (they name a patient). */
const dispensesOfProduct = async (db: Queryable, user: AuthUser, din: string) => {
  const events = await eventsOfUnit(db, din);
  return toDispenses(events.filter((e) => canReadSite(user, e.siteId)));
};

const patientUnitResources = async (
  db: Queryable,
  user: AuthUser,
  patientId: string,
  map: (unitEvents: UnitEventRow[], patientId: string) => FhirResource[],
): Promise<FhirResource[]> => {
  if (!(await patientReadable(db, user, patientId))) return [];
  const events = await eventsOfPatientUnits(db, patientId);
  return perUnit(events, (unitEvents) => map(unitEvents, patientId));
};

export const clinicalRoutes = (fhir: HemonetApp, deps: AppDeps): void => {
  fhir.get(
    '/BiologicallyDerivedProductDispense',
    {
      config: { permission: 'patients:read' },
      schema: { tags, summary: 'Issues of a unit or to a patient', querystring: dispenseSearch },
    },
    async (request) => {
      const user = currentUser(request);
      const q = request.query;
      const found =
        'product' in q
          ? await dispensesOfProduct(deps.db, user, q.product)
          : await patientUnitResources(deps.db, user, q.patient, toDispenses);
      return bundleFor(request, pageOf(found, request.query), request.query);
    },
  );
  fhir.get(
    '/Procedure',
    {
      config: { permission: 'patients:read' },
      schema: { tags, summary: "A patient's transfusions", querystring: patientSearch },
    },
    async (request) => {
      const { patient } = request.query;
      const found = await patientUnitResources(
        deps.db,
        currentUser(request),
        patient,
        toProcedures,
      );
      return bundleFor(request, pageOf(found, request.query), request.query);
    },
  );
  fhir.get(
    '/AdverseEvent',
    {
      config: { permission: 'haemovigilance:read' },
      schema: { tags, summary: "A patient's transfusion reactions", querystring: patientSearch },
    },
    async (request) => {
      const { patient, _count, _offset } = request.query;
      const readable = await patientReadable(deps.db, currentUser(request), patient);
      const reactions = readable
        ? await reactionsOfPatient(deps.db, patient, { limit: _count + 1, offset: _offset })
        : [];
      return bundleFor(request, reactions.map(toAdverseEvent), request.query);
    },
  );
};
