import { isDomainError } from '@hemonet/core';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';

/** The one JSON error shape of the API: `{"error":{"code","message","details?"}}`. */
export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/**
 * Domain error code → HTTP status, in one place. Codes not listed here fall back on their suffix
 * (`*_NOT_FOUND` → 404, `*_EXISTS`/`*_CONFLICT` → 409) and otherwise mean a domain rule refused
 * the request (422).
 */
const statusByCode: Readonly<Record<string, number>> = {
  VALIDATION_FAILED: 400,
  WEAK_PASSWORD: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  FORBIDDEN_SITE: 403,
  ILLEGAL_TRANSITION: 409,
  UNIT_FINAL: 409,
  CONCURRENT_UPDATE: 409,
  RATE_LIMITED: 429,
};

export const statusForCode = (code: string): number => {
  const known = statusByCode[code];
  if (known) return known;
  if (code.endsWith('_NOT_FOUND')) return 404;
  if (code.endsWith('_EXISTS') || code.endsWith('_CONFLICT')) return 409;
  if (code.startsWith('INVALID_') || code.startsWith('MALFORMED_')) return 400;
  return 422;
};

interface MappedError {
  status: number;
  body: ErrorBody;
}

const body = (code: string, message: string, details?: Record<string, unknown>): ErrorBody => ({
  error: details ? { code, message, details } : { code, message },
});

const fromZod = (e: ZodError): MappedError => ({
  status: 400,
  body: body(
    'VALIDATION_FAILED',
    e.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '),
  ),
});

/** Fastify's own client errors (bad JSON, wrong content type, body too large, rate limit). */
const fromFastify = (e: FastifyError): MappedError | null => {
  const status = e.statusCode ?? 500;
  if (status === 429)
    return { status, body: body('RATE_LIMITED', 'too many requests, retry later') };
  if (status >= 400 && status < 500) {
    const code =
      e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'UNSUPPORTED_MEDIA_TYPE' : 'MALFORMED_REQUEST';
    return { status, body: body(code, e.message) };
  }
  return null;
};

export const mapError = (e: unknown): MappedError => {
  if (isDomainError(e)) {
    const details = Object.keys(e.details).length > 0 ? e.details : undefined;
    return { status: statusForCode(e.code), body: body(e.code, e.message, details) };
  }
  if (e instanceof ZodError) return fromZod(e);
  if (hasZodFastifySchemaValidationErrors(e)) {
    const message = e.validation.map(
      (v) => `${e.validationContext ?? ''}${v.instancePath}: ${v.message ?? ''}`,
    );
    return { status: 400, body: body('VALIDATION_FAILED', message.join('; ')) };
  }
  if (e instanceof Error && 'statusCode' in e) {
    const mapped = fromFastify(e as FastifyError);
    if (mapped) return mapped;
  }
  return { status: 500, body: body('INTERNAL_ERROR', 'internal error') };
};

export const installErrorHandling = (app: FastifyInstance): void => {
  app.setErrorHandler((error, request, reply) => {
    const { status, body: payload } = mapError(error);
    if (status >= 500) request.log.error({ err: error }, 'unhandled error');
    return reply.status(status).send(payload);
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send(
        body('ROUTE_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0] ?? ''}`),
      ),
  );
};
