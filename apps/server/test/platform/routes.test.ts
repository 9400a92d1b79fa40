import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../support/factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('route table', () => {
  it('every registered route declares its auth', async () => {
    expect(app.routeTable.length).toBeGreaterThan(10);
    expect(app.routeTable.filter((r) => r.auth === undefined)).toEqual([]);
    const open = app.routeTable
      .filter((r) => r.url.startsWith('/api/v1') && r.auth === 'public')
      .map((r) => r.url);
    // Public API routes are few and deliberate; anything new here needs a reason (unsubscribe: the
    // signed link is the credential, and mail clients post it without a session).
    for (const url of open)
      expect(url).toMatch(/^\/api\/v1\/(auth\/|setup$|invitations\/|space-invitations\/|unsubscribe$)/);
    const api = await app.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = api.json() as { paths: Record<string, Record<string, { 'x-auth'?: string }>> };
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, auth: op['x-auth'] })),
    );
    expect(operations.length).toBeGreaterThan(10);
    const missing = operations.filter((op) => op.auth === undefined);
    expect(missing).toEqual([]);
  });

  it('answers 401 to an anonymous call on every non-public API route, before looking at the input', async () => {
    const guarded = app.routeTable.filter(
      (r) => r.url.startsWith('/api/v1') && r.auth !== 'public' && r.method !== 'HEAD',
    );
    expect(guarded.length).toBeGreaterThan(30);
    for (const route of guarded) {
      const res = await app.app.inject({
        method: route.method as 'GET',
        url: route.url.replace(/:[a-zA-Z]+/g, 'x'),
        ...(route.method === 'GET' ? {} : { payload: { garbage: true } }),
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(res.json().code).toBe('unauthenticated');
    }
    const admin = app.routeTable.filter((r) => r.url.startsWith('/api/v1/admin'));
    expect(admin.length).toBeGreaterThan(10);
    expect(admin.filter((r) => r.auth !== 'admin')).toEqual([]);
  });

  it('documents every /api/v1 route in OpenAPI 3.1', async () => {
    const res = await app.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    const api = app.routeTable.filter((r) => r.url.startsWith('/api/v1') && r.method !== 'HEAD');
    const missing = api
      .map((r) => `${r.method} ${r.url.replace(/:([a-zA-Z]+)/g, '{$1}')}`)
      .filter((key) => !documented.has(key));
    expect(missing).toEqual([]);
    const ui = await app.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
  });
});

describe('metrics with a token', () => {
  it('answers only to the configured bearer token', async () => {
    const secured = await createTestApp({ METRICS_TOKEN: 'a-long-metrics-token-1234' });
    try {
      const get = (headers: Record<string, string>) =>
        secured.app.inject({ method: 'GET', url: '/metrics', headers, remoteAddress: '10.2.3.4' });
      expect((await get({})).statusCode).toBe(404);
      expect((await get({ authorization: 'Bearer wrong-token-wrong-token' })).statusCode).toBe(404);
      expect((await get({ authorization: 'Bearer a-long-metrics-token-1234' })).statusCode).toBe(200);
    } finally {
      await secured.close();
    }
  });
});

describe('HTTP platform', () => {
  it('answers health, readiness and metrics', async () => {
    expect((await app.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await app.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', database: 'ok', migrations: 'current' });
    const metrics = await app.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toContain('atrium_http_request_duration_seconds');
    // Without a METRICS_TOKEN only loopback may scrape.
    const remote = await app.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.2.3.4' });
    expect(remote.statusCode).toBe(404);
  });

  it('sets security headers, a strict CSP and a request id', async () => {
    const res = await app.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown API paths with a problem+json 404', async () => {
    const res = await app.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().code).toBe('not_found');
  });

  it('bounds JSON depth and body size, and rejects bad cursors and wrong methods cleanly', async () => {
    const session = await signedIn(app);
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i++) deep = { a: deep };
    const tooDeep = await app.app.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      headers: session.headers,
      payload: { name: 'x', scopes: ['read'], expiresInDays: null, extra: deep },
    });
    expect(tooDeep.statusCode).toBe(400);
    expect(tooDeep.json().code).toBe('too_deep');
    const huge = await app.app.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      headers: { ...session.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('payload_too_large');
    const sql = await app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: "x'OR'1'='1'--@example.com", password: "' OR '1'='1" },
    });
    expect(sql.statusCode).toBe(401);
    const method = await app.app.inject({ method: 'PATCH', url: '/api/v1/auth/sign-in', payload: {} });
    expect(method.statusCode).toBe(404);
    expect(method.statusCode).toBeLessThan(500);
  });
});
