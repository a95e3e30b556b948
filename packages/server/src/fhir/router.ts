import { mapError } from '../http/errors.js';
import type { AppDeps, HemonetApp, RouteModule } from '../http/types.js';
import { capabilityStatement } from './capability.js';
import { clinicalRoutes } from './clinical-routes.js';
import { operationOutcome } from './outcome.js';
import { productRoutes } from './product-routes.js';
import { fhirJson, fhirPrefix } from './systems.js';

/** Every error of the facade, the auth hook's 401/403 included, as an OperationOutcome. */
const installFhirErrors = (fhir: HemonetApp): void => {
  fhir.setErrorHandler((error, request, reply) => {
    const { status, body } = mapError(error);
    if (status >= 500) request.log.error({ err: error }, 'unhandled error');
    return reply.status(status).send(operationOutcome(status, body.error.code, body.error.message));
  });
  fhir.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    return reply
      .status(404)
      .send(operationOutcome(404, 'ROUTE_NOT_FOUND', `no route ${request.method} ${path}`));
  });
  fhir.addHook('onSend', async (_request, reply, payload) => {
    reply.header('content-type', fhirJson);
    return payload;
  });
};

const registerFhir = (fhir: HemonetApp, deps: AppDeps): void => {
  installFhirErrors(fhir);
  fhir.get(
    '/metadata',
    {
      // A FHIR server's conformance statement is public (R5 §3.2.0.15 capabilities).
      config: { public: true },
      schema: { tags: ['fhir'], summary: 'CapabilityStatement (FHIR R5)' },
    },
    () => capabilityStatement(deps.clock()),
  );
  productRoutes(fhir, deps);
  clinicalRoutes(fhir, deps);
};

/** The read-only HL7 FHIR R5 facade under `/fhir`, JSON only, with its own error shape. */
export const fhirRoutes: RouteModule = (app, deps) => {
  void app.register(
    (fhir, _options, done) => {
      registerFhir(fhir, deps);
      done();
    },
    { prefix: fhirPrefix },
  );
};
