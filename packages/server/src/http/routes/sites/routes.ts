import { DomainError } from '@hemonet/core';
import { z } from 'zod';
import { createSite, setTravelTimes } from '../../../commands/sites.js';
import {
  getSiteDetails,
  listSiteDetails,
  listTravelTimes,
} from '../../../db/repos/site-directory-repo.js';
import { currentUser } from '../../auth-hook.js';
import { pageSchema, toPage } from '../../pagination.js';
import type { RouteModule } from '../../types.js';
import {
  newSiteBody,
  siteIdSchema,
  siteListQuery,
  siteSchema,
  travelTimeListQuery,
  travelTimeSchema,
  travelTimesBody,
} from './schema.js';

const tags = ['sites'];

export const siteRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/sites',
    {
      config: { permission: 'sites:read' },
      schema: {
        tags,
        summary: 'List sites',
        querystring: siteListQuery,
        response: { 200: pageSchema(siteSchema) },
      },
    },
    async (request) => {
      const q = request.query;
      return toPage(await listSiteDetails(deps.db, { ...q, limit: q.limit + 1 }), q);
    },
  );
  app.get(
    '/api/sites/:siteId',
    {
      config: { permission: 'sites:read' },
      schema: {
        tags,
        summary: 'One site',
        params: z.object({ siteId: siteIdSchema }),
        response: { 200: siteSchema },
      },
    },
    async (request) => {
      const site = await getSiteDetails(deps.db, request.params.siteId);
      if (!site) throw new DomainError('SITE_NOT_FOUND', `no site ${request.params.siteId}`);
      return site;
    },
  );
  app.post(
    '/api/sites',
    {
      config: { permission: 'sites:write' },
      schema: {
        tags,
        summary: 'Create a site (network admin)',
        body: newSiteBody,
        response: { 201: siteSchema },
      },
    },
    async (request, reply) => {
      await createSite(deps, request.body, currentUser(request));
      return reply.status(201).send({ ...request.body });
    },
  );
  app.get(
    '/api/travel-times',
    {
      config: { permission: 'sites:read' },
      schema: {
        tags,
        summary: 'Courier travel times between sites',
        querystring: travelTimeListQuery,
        response: { 200: pageSchema(travelTimeSchema) },
      },
    },
    async (request) => {
      const { from, to, ...q } = request.query;
      return toPage(
        await listTravelTimes(deps.db, {
          ...q,
          fromSiteId: from,
          toSiteId: to,
          limit: q.limit + 1,
        }),
        q,
      );
    },
  );
  app.put(
    '/api/travel-times',
    {
      config: { permission: 'sites:write' },
      schema: {
        tags,
        summary: 'Set travel times (network admin)',
        body: travelTimesBody,
        response: { 200: z.object({ updated: z.number() }) },
      },
    },
    async (request) => {
      await setTravelTimes(deps, request.body.travelTimes, currentUser(request));
      return { updated: request.body.travelTimes.length };
    },
  );
};
