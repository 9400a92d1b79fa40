import type { FastifyInstance } from 'fastify';

/** Routes added by plugins (docs UI, static web client) are public by construction; named here once. */
function isPluginRoute(url: string): boolean {
  if (url === '/api/docs' || url.startsWith('/api/docs/')) return true;
  return !url.startsWith('/api') && !['/healthz', '/readyz', '/metrics'].includes(url);
}

/**
 * Every route must declare its auth. API routes come from defineRoute, which sets it; plugin routes
 * outside the API are marked public explicitly; anything else fails at start-up.
 */
export function enforceRouteAuth(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (route.config?.auth !== undefined) return;
    if (isPluginRoute(route.url)) {
      route.config = { ...route.config, auth: 'public' };
      return;
    }
    throw new Error(`Route ${route.method} ${route.url} has no auth declaration: use defineRoute`);
  });
}
