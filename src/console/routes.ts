/**
 * Serves the built console at / (index.html uncached, hashed assets cached for a year, brotli or
 * gzip when the browser accepts it) and the public demo-key list its sign-in page reads. Without
 * a build, / explains how to make one.
 */
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Type } from 'typebox';
import type { HttpServer } from '../platform/http/server.ts';
import { readOfferedDemoKeys } from './demo-keys.ts';

export interface ConsoleOptions {
  /** Folder of the Vite build (web/dist). */
  readonly distDir: string;
  /** Where the sign-in page's demo keys come from. */
  readonly demoKeys?: () => ReturnType<typeof readOfferedDemoKeys>;
}

/** Registers the console's static files and its demo-key route. */
export async function registerConsoleRoutes(app: HttpServer, options: ConsoleOptions): Promise<void> {
  const demoKeys = options.demoKeys ?? (() => readOfferedDemoKeys());
  app.get('/v1/console/demo-keys', {
    schema: {
      tags: ['console'],
      summary: 'Demo API keys offered on the sign-in page; empty unless the server runs the demo (PARCELGRID_DEMO=1)',
      response: { 200: Type.Object({ data: Type.Array(Type.Object({ party_code: Type.String(), key: Type.String() })) }) },
    },
    config: { access: 'public' },
  }, async () => ({ data: demoKeys() }));

  if (!existsSync(join(options.distDir, 'index.html'))) {
    app.get('/', { schema: { hide: true }, config: { access: 'public' } }, async (_request, reply) =>
      reply.type('text/plain; charset=utf-8').send('The web console is not built. Run `npm run build:web` (or `npm start`, which builds it) and reload.\n'),
    );
    return;
  }
  await app.register(async (scope) => {
    // @fastify/static takes no route config, so its routes are marked public here.
    scope.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: 'public' };
    });
    await scope.register(fastifyStatic, {
      root: options.distDir,
      prefix: '/',
      wildcard: false,
      // The build writes .br and .gz beside each file (web/vite.config.ts); the browser gets the
      // smallest it accepts, and nothing is compressed per request.
      preCompressed: true,
      schemaHide: true,
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.includes(join('dist', 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  });
}
