/**
 * Assembles the HTTP server every capability registers its routes on: TypeBox schemas,
 * problem+json errors, API version header, access control, idempotency and the OpenAPI document.
 */
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { DomainError } from '../errors.ts';
import { installAccessControl, type Authenticate } from './access.ts';
import { installIdempotency } from './idempotency.ts';
import { problemFor, toDomainError } from './problem.ts';
import { lazyRequestLogger } from './request-logger.ts';

/** The dated API version this server speaks; clients may pin it with the header below. */
export const API_VERSION = '2026-11';
export const VERSION_HEADER = 'parcelgrid-version';
/** Large enough for a batch of 1,000 tracking events. */
const BODY_LIMIT_BYTES = 4 * 1024 * 1024;

export interface HttpServerOptions {
  readonly db: Kysely<object>;
  readonly authenticate: Authenticate;
  readonly logger: FastifyBaseLogger | boolean;
}

export type HttpServer = Awaited<ReturnType<typeof createHttpServer>>;

/** Creates the server; capabilities then register their routes on it. */
export async function createHttpServer(options: HttpServerOptions) {
  const app = Fastify({
    ...(typeof options.logger === 'boolean' ? { logger: options.logger } : { loggerInstance: options.logger, childLoggerFactory: lazyRequestLogger }),
    bodyLimit: BODY_LIMIT_BYTES,
    // Per-request access lines would dominate the logs at ingest rates; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Awaited so its route hook sees every route registered after it.
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'parcelgrid API',
        version: API_VERSION,
        description: 'The city delivery platform API. Errors are application/problem+json with a stable `code`.',
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } } },
      security: [{ apiKey: [] }],
    },
  });

  app.addHook('onRequest', async (request, reply) => {
    const asked = request.headers[VERSION_HEADER];
    if (asked !== undefined && asked !== API_VERSION) {
      throw new DomainError('unsupported_version', `${VERSION_HEADER} "${String(asked)}" is not supported; this server speaks ${API_VERSION}`);
    }
    reply.header(VERSION_HEADER, API_VERSION);
  });
  installAccessControl(app, options.authenticate);
  installIdempotency(app, options.db);

  app.setErrorHandler((error, request, reply) => {
    const domainError = toDomainError(error);
    if (domainError.code === 'internal') request.log.error({ err: error }, 'request failed');
    const problem = problemFor(domainError);
    return reply.code(problem.status).type('application/problem+json').send(problem);
  });
  app.setNotFoundHandler((request, reply) => {
    const problem = problemFor(new DomainError('not_found', `no route ${request.method} ${request.url.split('?')[0]}`));
    return reply.code(404).type('application/problem+json').send(problem);
  });

  app.get('/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true }, config: { access: 'public' } }, async () => ({ ok: true }));
  return app;
}

export type { FastifyInstance };
