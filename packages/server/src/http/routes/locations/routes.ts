import { DomainError } from '@hemonet/core';
import { z } from 'zod';
import { createStorageLocation } from '../../../commands/sites.js';
import {
  getStorageLocation,
  listStorageLocations,
} from '../../../db/repos/storage-locations-repo.js';
import { currentUser } from '../../auth-hook.js';
import { pageSchema, toPage } from '../../pagination.js';
import type { RouteModule } from '../../types.js';
import { locationIdSchema, locationListQuery, locationSchema, newLocationBody } from './schema.js';

const tags = ['storage locations'];

export const locationRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/locations',
    {
      config: { permission: 'sites:read' },
      schema: {
        tags,
        summary: 'Storage locations (fridges, freezers, agitators, rooms, transport boxes)',
        querystring: locationListQuery,
        response: { 200: pageSchema(locationSchema) },
      },
    },
    async (request) => {
      const { site, ...q } = request.query;
      return toPage(
        await listStorageLocations(deps.db, { ...q, siteId: site, limit: q.limit + 1 }),
        q,
      );
    },
  );
  app.get(
    '/api/locations/:locationId',
    {
      config: { permission: 'sites:read' },
      schema: {
        tags,
        summary: 'One storage location',
        params: z.object({ locationId: locationIdSchema }),
        response: { 200: locationSchema },
      },
    },
    async (request) => {
      const location = await getStorageLocation(deps.db, request.params.locationId);
      if (!location)
        throw new DomainError(
          'LOCATION_NOT_FOUND',
          `no storage location ${request.params.locationId}`,
        );
      return location;
    },
  );
  app.post(
    '/api/locations',
    {
      config: { permission: 'sites:write' },
      schema: {
        tags,
        summary: 'Create a storage location at a site you administer',
        body: newLocationBody,
        response: { 201: locationSchema },
      },
    },
    async (request, reply) => {
      await createStorageLocation(deps, request.body, currentUser(request));
      return reply.status(201).send(request.body);
    },
  );
};
