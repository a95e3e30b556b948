import { DomainError } from '@hemonet/core';
import type { FastifyRequest } from 'fastify';
import { roleAllows } from '../auth/roles.js';
import type { AuthUser } from '../auth/user.js';
import { authenticate } from '../commands/sessions.js';
import type { AppDeps, HemonetApp } from './types.js';

export const sessionCookie = 'hemonet_session';

/** The token of a request: `Authorization: Bearer <token>` first, else the console's cookie. */
export const requestToken = (request: FastifyRequest): string | null => {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || null;
  return request.cookies[sessionCookie] ?? null;
};

/**
 * Deny by default: every route must declare `config.public` or `config.permission`, checked when
 * the route is registered. On each request the token is resolved to a user (401 otherwise) and
 * the role checked against the permission (403) before the body is validated.
 */
export const installAuth = (app: HemonetApp, deps: AppDeps): void => {
  app.decorateRequest('user', null);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, public: true };
    if (!route.config?.public && !route.config?.permission) {
      throw new Error(
        `route ${String(route.method)} ${route.url} declares neither public nor permission`,
      );
    }
  });
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    if (request.is404 || config.public) return;
    const token = requestToken(request);
    if (!token)
      throw new DomainError('UNAUTHENTICATED', 'a bearer token or session cookie is required');
    const user = await authenticate(deps, token);
    if (!user)
      throw new DomainError('UNAUTHENTICATED', 'the session is invalid, expired or revoked');
    request.user = user;
    if (config.permission && !roleAllows(user.role, config.permission)) {
      throw new DomainError('FORBIDDEN', `role ${user.role} may not ${config.permission}`);
    }
  });
};

/** The authenticated user of a protected route (the hook guarantees one). */
export const currentUser = (request: FastifyRequest): AuthUser => {
  if (!request.user) throw new DomainError('UNAUTHENTICATED', 'authentication required');
  return request.user;
};
