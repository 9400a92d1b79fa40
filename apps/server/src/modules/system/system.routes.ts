import { sql } from 'kysely';
import client from 'prom-client';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { migrationsAreCurrent } from '../../platform/db/migrate.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';

const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry, prefix: 'atrium_' });
const httpDuration = new client.Histogram({
  name: 'atrium_http_request_duration_seconds',
  help: 'HTTP request duration by route and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [registry],
});

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
    schema: { tags: ['system'], summary: 'Prometheus metrics' },
    handler: async (_request, reply) => {
      return reply.type(registry.contentType).send(await registry.metrics());
    },
  });
}
