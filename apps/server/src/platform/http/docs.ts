import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import type { ErrorRegistry } from '../errors/registry.ts';

/** OpenAPI generated from the route schemas at /docs (JSON at /docs/json), the AsyncAPI document at /docs/asyncapi.json and the error codes at /docs/errors.json. */
export async function registerDocs(app: FastifyInstance, deps: { version: string; publicUrl: string; asyncApi: Record<string, unknown>; errors: ErrorRegistry }): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Hey Blue! API',
        version: deps.version,
        description: 'Every error answers `{ "error": { "code", "message", "requestId", "details"? } }`; the codes are listed at /docs/errors.json. Events are described at /docs/asyncapi.json.',
      },
      servers: [{ url: deps.publicUrl }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The access token from sign-in or /auth/refresh' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
  app.get('/docs/asyncapi.json', { schema: { hide: true } }, async () => deps.asyncApi);
  app.get('/docs/errors.json', { schema: { hide: true } }, async () => ({ errors: deps.errors.list() }));
}
