import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/** OpenAPI 3.1 generated from the route schemas, at /api/openapi.json, with a docs UI at /api/docs. */
export async function registerDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Atrium API',
        version: '1',
        description:
          'The REST API of Atrium. Authenticate with the session cookie (and the x-csrf-token header on unsafe ' +
          'methods) or with a personal API token as `Authorization: Bearer atr_…`. Errors are RFC 9457 problem+json.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'atrium_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    hideUntagged: false,
    transform: ({ schema, url, route }) => {
      const auth = route.config?.auth;
      const transformed = { ...(schema ?? {}) } as Record<string, unknown>;
      if (auth && auth !== 'public') transformed.security = [{ session: [] }, { bearer: [] }];
      if (auth) transformed['x-auth'] = auth;
      return { schema: transformed, url };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.route({
    method: 'GET',
    url: '/api/openapi.json',
    config: { auth: 'public' },
    schema: { hide: true },
    handler: async () => app.swagger(),
  });
}
