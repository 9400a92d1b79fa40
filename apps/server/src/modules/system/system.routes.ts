import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import client from 'prom-client';
import { Type } from 'typebox';
import { safeEqual } from '../../platform/auth/secrets.ts';
import type { AppContext } from '../../platform/context.ts';
import { migrationsAreCurrent } from '../../platform/db/migrate.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { notFound } from '../../platform/http/errors.ts';

const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry, prefix: 'atrium_' });
const httpDuration = new client.Histogram({
  name: 'atrium_http_request_duration_seconds',
  help: 'HTTP request duration by route and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [registry],
});

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** Traffic figures are operational data: a scraper with the token, or a local one when none is set. */
function metricsAllowed(request: FastifyRequest, token: string | undefined): boolean {
  if (token === undefined) return LOOPBACK.test(request.socket.remoteAddress ?? '');
  const sent = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  return sent !== undefined && safeEqual(sent, token);
}

export function registerSystemRoutes(app: App, ctx: AppContext): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    httpDuration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  defineRoute(app, {
    method: 'GET',
    url: '/healthz',
    auth: 'public',
    schema: {
      tags: ['system'],
      summary: 'Liveness',
      response: { 200: Type.Object({ status: Type.Literal('ok') }) },
    },
    handler: async () => ({ status: 'ok' as const }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/readyz',
    auth: 'public',
    schema: {
      tags: ['system'],
      summary: 'Readiness: database reachable and migrations current',
      response: {
        200: Type.Object({ status: Type.String(), database: Type.String(), migrations: Type.String() }),
        503: Type.Object({ status: Type.String(), database: Type.String(), migrations: Type.String() }),
      },
    },
    handler: async (_request, reply) => {
      let database = 'ok';
      let migrations = 'unknown';
      try {
        await sql`select 1`.execute(ctx.db);
        migrations = (await migrationsAreCurrent(ctx.db)) ? 'current' : 'pending';
      } catch {
        database = 'unreachable';
      }
      const ready = database === 'ok' && migrations === 'current';
      return reply
        .status(ready ? 200 : 503)
        .send({ status: ready ? 'ready' : 'not_ready', database, migrations });
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/metrics',
    auth: 'public',
    schema: {
      tags: ['system'],
      summary: 'Prometheus metrics (Bearer METRICS_TOKEN, or from loopback when no token is configured)',
    },
    handler: async (request, reply) => {
      if (!metricsAllowed(request, ctx.config.metricsToken)) throw notFound();
      return reply.type(registry.contentType).send(await registry.metrics());
    },
  });
}
