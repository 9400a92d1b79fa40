import type { FastifyInstance } from 'fastify';
import type { AuthRequirement } from '../auth/actor.ts';

/** Routes added by plugins (docs UI, static web client) are public by construction; named here once. */
function isPluginRoute(url: string): boolean {
  if (url === '/api/docs' || url.startsWith('/api/docs/')) return true;
  return !url.startsWith('/api') && !['/healthz', '/readyz', '/metrics'].includes(url);
}

/**
 * Every route must declare its auth. API routes come from defineRoute, which sets it; plugin routes
 * outside the API are marked public explicitly; anything else fails at start-up.
 */
export function enforceRouteAuth(app: FastifyInstance): RouteRecord[] {
  const table: RouteRecord[] = [];
  app.addHook('onRoute', (route) => {
    if (route.config?.auth === undefined) {
      if (!isPluginRoute(route.url)) {
        throw new Error(`Route ${route.method} ${route.url} has no auth declaration: use defineRoute`);
      }
      route.config = { ...route.config, auth: 'public' };
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      table.push({ method: String(method), url: route.url, auth: route.config?.auth });
  });
  return table;
}

export interface RouteRecord {
  method: string;
  url: string;
  auth: AuthRequirement | undefined;
}
