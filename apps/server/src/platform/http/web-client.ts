import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../web/dist');

/** Serves the built React client; any non-API GET falls back to index.html for client-side routing. */
export async function registerWebClient(app: FastifyInstance): Promise<void> {
  if (!existsSync(resolve(WEB_DIST, 'index.html'))) {
    app.log.warn({ dir: WEB_DIST }, 'web client is not built: run `npm run build`');
    return;
  }
  await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false, cacheControl: false });
  app.get('/assets/*', (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    return reply.header('cache-control', 'public, max-age=31536000, immutable').sendFile(`assets/${path}`);
  });
  app.get('/*', (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    if (path.startsWith('api/') || path === 'api') return reply.callNotFound();
    if (/^[\w.-]+\.(svg|png|ico|txt|webmanifest)$/.test(path) && existsSync(resolve(WEB_DIST, path))) {
      return reply.sendFile(path);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
