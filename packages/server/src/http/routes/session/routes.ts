import { z } from 'zod';
import { changeOwnPassword } from '../../../commands/passwords.js';
import { login, logout } from '../../../commands/sessions.js';
import { currentUser, requestToken, sessionCookie } from '../../auth-hook.js';
import { errorSchema } from '../../pagination.js';
import type { RouteModule } from '../../types.js';
import { loginBody, loginResponse, passwordChangeBody, userSchema } from './schema.js';

const tags = ['session'];

export const sessionRoutes: RouteModule = (app, deps) => {
  const { max, windowMs } = deps.http.loginRateLimit;
  app.post(
    '/api/session',
    {
      config: { public: true, rateLimit: { max, timeWindow: windowMs } },
      schema: {
        tags,
        summary: 'Log in: returns a bearer token and sets the console cookie',
        body: loginBody,
        response: { 200: loginResponse, 401: errorSchema, 429: errorSchema },
      },
    },
    async (request, reply) => {
      const result = await login(deps, request.body, deps.http.sessionTtlMs);
      void reply.setCookie(sessionCookie, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: deps.http.secureCookies,
        expires: result.expiresAt,
      });
      return result;
    },
  );
  app.get(
    '/api/session',
    {
      config: { permission: 'session:own' },
      schema: { tags, summary: 'The logged-in user', response: { 200: userSchema } },
    },
    (request) => currentUser(request),
  );
  app.delete(
    '/api/session',
    {
      config: { permission: 'session:own' },
      schema: { tags, summary: 'Log out: revokes the token', response: { 204: z.null() } },
    },
    async (request, reply) => {
      const token = requestToken(request);
      if (token) await logout(deps, token);
      void reply.clearCookie(sessionCookie, { path: '/' });
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/session/password',
    {
      // Limited like login: the current password is checked here too, so this must not become a
      // faster way to guess one. (Counted per client address, separately from login.)
      config: { permission: 'session:own', rateLimit: { max, timeWindow: windowMs } },
      schema: {
        tags,
        summary: 'Change your own password; your other sessions are revoked, this one stays',
        body: passwordChangeBody,
        response: { 204: z.null(), 400: errorSchema, 401: errorSchema, 429: errorSchema },
      },
    },
    async (request, reply) => {
      // The auth hook resolved this token to the user, so it is present.
      const token = requestToken(request) ?? '';
      await changeOwnPassword(deps, currentUser(request), token, request.body);
      return reply.status(204).send(null);
    },
  );
};
