import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { HemonetApp } from './types.js';

/**
 * OpenAPI 3 generated from the zod route schemas. Protected routes carry the bearer/cookie
 * security requirement; public ones (health, metrics, login, the document itself) carry none.
 */
export const registerOpenApi = async (app: HemonetApp): Promise<void> => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Hemonet API',
        description: 'Vein-to-vein operations of a smart city blood network.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer' },
          sessionCookie: { type: 'apiKey', in: 'cookie', name: 'hemonet_session' },
        },
      },
    },
    transform: (input) => {
      const transformed = jsonSchemaTransform(input);
      const isPublic = input.route.config?.public === true;
      const security: Record<string, string[]>[] = isPublic
        ? []
        : [{ bearerAuth: [] }, { sessionCookie: [] }];
      return { ...transformed, schema: { ...transformed.schema, security } };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () =>
    app.swagger(),
  );
};
