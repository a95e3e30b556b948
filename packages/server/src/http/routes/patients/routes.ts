import { bloodGroupSchema } from '@hemonet/core';
import { z } from 'zod';
import {
  patientBloodGroup,
  readablePatient,
  recordTyping,
  registerPatient,
} from '../../../commands/patients.js';
import { listPatients, sexes } from '../../../db/repos/patients-repo.js';
import { currentUser } from '../../auth-hook.js';
import { pageQuery, pageSchema, toPage } from '../../pagination.js';
import type { RouteModule } from '../../types.js';

const tags = ['patients'];

const groupSummary = z.object({
  bloodGroup: bloodGroupSchema.nullable(),
  typings: z.number(),
  confirmed: z.boolean().describe('Two concordant typings from different samples'),
  discrepancy: z.boolean(),
});

const patientSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  mrn: z.string(),
  sex: z.enum(sexes),
  birthYear: z.number().nullable(),
  createdAt: z.date(),
});

const patientParams = z.object({ patientId: z.uuid() });

export const patientRoutes: RouteModule = (app, deps) => {
  app.post(
    '/api/patients',
    {
      config: { permission: 'patients:write' },
      schema: {
        tags,
        summary: 'Register a patient at your site',
        body: z.object({
          mrn: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/),
          sex: z.enum(sexes),
          birthYear: z.number().int().min(1880).max(2200).optional(),
        }),
        response: { 201: patientSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await registerPatient(deps, request.body, currentUser(request))),
  );
  app.get(
    '/api/patients',
    {
      config: { permission: 'patients:read' },
      schema: {
        tags,
        summary: 'Patients of your site',
        querystring: z.object({
          ...pageQuery,
          mrn: z.string().optional(),
          site: z.string().optional().describe('Auditors only'),
        }),
        response: { 200: pageSchema(patientSchema) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const { site, ...q } = request.query;
      const siteId = user.role === 'auditor' ? site : user.siteId;
      return toPage(await listPatients(deps.db, { ...q, siteId, limit: q.limit + 1 }), q);
    },
  );
  app.get(
    '/api/patients/:patientId',
    {
      config: { permission: 'patients:read' },
      schema: {
        tags,
        summary: 'One patient with the blood group on record',
        params: patientParams,
        response: { 200: patientSchema.extend({ bloodGroup: groupSummary }) },
      },
    },
    async (request) => {
      const patient = await readablePatient(
        deps.db,
        currentUser(request),
        request.params.patientId,
      );
      return { ...patient, bloodGroup: await patientBloodGroup(deps.db, patient.id) };
    },
  );
  app.post(
    '/api/patients/:patientId/blood-groups',
    {
      config: { permission: 'patients:write' },
      schema: {
        tags,
        summary: 'Record a blood group typing of a patient sample',
        params: patientParams,
        body: z.object({ bloodGroup: bloodGroupSchema, sampleId: z.string().min(1).max(64) }),
        response: { 201: groupSummary },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordTyping(deps, currentUser(request), request.params.patientId, request.body),
        ),
  );
};
