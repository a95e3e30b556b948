import { DomainError } from '@hemonet/core';
import { canReadSite } from '../../../auth/site-scope.js';
import type { AuthUser } from '../../../auth/user.js';
import { assertCanSeeUnit, requireUnit } from '../../../commands/unit-context.js';
import { readUnitEvents } from '../../../db/repos/ledger-repo.js';
import { traceUnit, type TraceEvent } from '../../../db/repos/traceability-repo.js';
import { listUnits } from '../../../db/repos/unit-queries-repo.js';
import { currentUser } from '../../auth-hook.js';
import { pageSchema, toPage } from '../../pagination.js';
import type { RouteModule } from '../../types.js';
import { dinParams, traceSchema, unitListQuery, unitSchema } from './schema.js';
import { unitView } from './views.js';

const tags = ['units'];

/** Patient identifiers in events at sites the user may not read are withheld. */
const redactPatient = (user: AuthUser, e: TraceEvent): TraceEvent => {
  if (canReadSite(user, e.siteId)) return e;
  const {
    patientId: _patientId,
    patientGroup: _group,
    patientFactors: _factors,
    ...payload
  } = e.payload;
  return { ...e, payload };
};

export const unitRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/units',
    {
      config: { permission: 'units:read' },
      schema: {
        tags,
        summary: "City-wide stock (other sites' patient-linked units are not listed)",
        querystring: unitListQuery,
        response: { 200: pageSchema(unitSchema) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const { site, status, component, location, ...q } = request.query;
      const rows = await listUnits(deps.db, {
        ...q,
        siteId: site,
        statuses: status,
        componentClass: component,
        locationId: location,
        patientSiteScope: user.role === 'auditor' ? null : user.siteId,
        limit: q.limit + 1,
      });
      return toPage(rows.map(unitView), q);
    },
  );
  app.get(
    '/api/units/:din',
    {
      config: { permission: 'units:read' },
      schema: { tags, summary: 'One unit', params: dinParams, response: { 200: unitSchema } },
    },
    async (request) => {
      const unit = await requireUnit(deps.db, request.params.din);
      assertCanSeeUnit(currentUser(request), unit);
      return unitView(unit);
    },
  );
  app.get(
    '/api/units/:din/trace',
    {
      config: { permission: 'units:read' },
      schema: {
        tags,
        summary: 'Vein-to-vein history: who, where, when, what',
        params: dinParams,
        response: { 200: traceSchema },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const trace = await traceUnit(deps.db, request.params.din);
      if (!trace) throw new DomainError('UNIT_NOT_FOUND', `no unit ${request.params.din}`);
      assertCanSeeUnit(user, trace.unit);
      const parentEvents = trace.unit.parentDin
        ? await readUnitEvents(deps.db, trace.unit.parentDin)
        : [];
      return {
        ...trace,
        unit: unitView(trace.unit),
        collection: parentEvents.map(({ seq, type, at, siteId, actor, payload, hash }) => ({
          seq,
          type,
          at,
          siteId,
          actor,
          payload: payload as Record<string, unknown>,
          hash,
        })),
        events: trace.events.map((e) => redactPatient(user, e)),
      };
    },
  );
};
