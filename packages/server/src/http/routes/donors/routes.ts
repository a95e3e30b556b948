import { DomainError } from '@hemonet/core';
import { z } from 'zod';
import { collectDonation, registerDonor } from '../../../commands/collection.js';
import { getDonor, listDonations, listDonors } from '../../../db/repos/donor-directory-repo.js';
import { currentUser } from '../../auth-hook.js';
import { pageSchema, toPage } from '../../pagination.js';
import type { RouteModule } from '../../types.js';
import { actionResult } from '../units/views.js';
import {
  collectedSchema,
  donationListQuery,
  donationSchema,
  donorIdSchema,
  donorListQuery,
  donorSchema,
  newDonationBody,
  newDonorBody,
} from './schema.js';

const tags = ['donors and donations'];

export const donorRoutes: RouteModule = (app, deps) => {
  app.post(
    '/api/donors',
    {
      config: { permission: 'donors:write' },
      schema: {
        tags,
        summary: 'Register a pseudonymous donor',
        body: newDonorBody,
        response: { 201: donorSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await registerDonor(deps, request.body, currentUser(request))),
  );
  app.get(
    '/api/donors',
    {
      config: { permission: 'donors:read' },
      schema: {
        tags,
        summary: 'List donors',
        querystring: donorListQuery,
        response: { 200: pageSchema(donorSchema) },
      },
    },
    async (request) =>
      toPage(
        await listDonors(deps.db, { ...request.query, limit: request.query.limit + 1 }),
        request.query,
      ),
  );
  app.get(
    '/api/donors/:donorId',
    {
      config: { permission: 'donors:read' },
      schema: {
        tags,
        summary: 'One donor',
        params: z.object({ donorId: donorIdSchema }),
        response: { 200: donorSchema },
      },
    },
    async (request) => {
      const donor = await getDonor(deps.db, request.params.donorId);
      if (!donor) throw new DomainError('DONOR_NOT_FOUND', `no donor ${request.params.donorId}`);
      return donor;
    },
  );
  app.post(
    '/api/donations',
    {
      config: { permission: 'donors:write' },
      schema: {
        tags,
        summary: 'Record a collection: the DIN becomes a unit in the ledger',
        body: newDonationBody,
        response: { 201: collectedSchema },
      },
    },
    async (request, reply) => {
      const recorded = await collectDonation(deps, request.body, currentUser(request));
      return reply.status(201).send(actionResult(recorded.din, [recorded]));
    },
  );
  app.get(
    '/api/donations',
    {
      config: { permission: 'donors:read' },
      schema: {
        tags,
        summary: 'List donations (newest first by default)',
        querystring: donationListQuery,
        response: { 200: pageSchema(donationSchema) },
      },
    },
    async (request) => {
      const { donor, site, ...q } = request.query;
      return toPage(
        await listDonations(deps.db, { ...q, donorId: donor, siteId: site, limit: q.limit + 1 }),
        q,
      );
    },
  );
};
