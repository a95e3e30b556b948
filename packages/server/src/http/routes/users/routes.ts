import { z } from 'zod';
import { isNetworkAdmin } from '../../../auth/site-admin.js';
import { resetPasswordAs } from '../../../commands/passwords.js';
import { addUserAs, disableAccount } from '../../../commands/users.js';
import { listUsers } from '../../../db/repos/users-repo.js';
import { currentUser } from '../../auth-hook.js';
import { pageSchema, toPage } from '../../pagination.js';
import type { RouteModule } from '../../types.js';
import {
  addedUserSchema,
  newUserBody,
  passwordResetSchema,
  userListQuery,
  userRecordSchema,
  usernameSchema,
} from './schema.js';

const tags = ['users'];

export const userRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/users',
    {
      config: { permission: 'users:read' },
      schema: {
        tags,
        summary: 'List users (a hospital admin sees its own site)',
        querystring: userListQuery,
        response: { 200: pageSchema(userRecordSchema) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const { site, role, limit, offset } = request.query;
      const seesAll = user.role === 'auditor' || (await isNetworkAdmin(deps.db, user));
      const siteId = seesAll ? site : user.siteId;
      return toPage(await listUsers(deps.db, { siteId, role, limit: limit + 1, offset }), {
        limit,
        offset,
      });
    },
  );
  app.post(
    '/api/users',
    {
      config: { permission: 'users:write' },
      schema: {
        tags,
        summary: 'Add a user; the password is shown once',
        body: newUserBody,
        response: { 201: addedUserSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addUserAs(deps, request.body, currentUser(request))),
  );
  app.post(
    '/api/users/:username/disable',
    {
      config: { permission: 'users:write' },
      schema: {
        tags,
        summary: 'Disable a user and revoke all its sessions',
        params: z.object({ username: usernameSchema }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await disableAccount(deps, request.params.username, currentUser(request));
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/users/:username/password-reset',
    {
      config: { permission: 'users:write' },
      schema: {
        tags,
        summary: 'Give a user a new generated password (shown once) and revoke all its sessions',
        params: z.object({ username: usernameSchema }),
        response: { 200: passwordResetSchema },
      },
    },
    async (request) => resetPasswordAs(deps, request.params.username, currentUser(request)),
  );
};
