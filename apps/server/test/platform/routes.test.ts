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
    // Public API routes are few and deliberate; anything new here needs a reason.
    for (const url of open) expect(url).toMatch(/^\/api\/v1\/(auth|setup|invitations)/);
    const api = await app.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = api.json() as { paths: Record<string, Record<string, { 'x-auth'?: string }>> };
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, auth: op['x-auth'] })),
    );
    expect(operations.length).toBeGreaterThan(10);
    const missing = operations.filter((op) => op.auth === undefined);
    expect(missing).toEqual([]);
  });

  it('documents every /api/v1 route in OpenAPI 3.1', async () => {
    const res = await app.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/auth/sign-in',
      '/api/v1/me',
      '/api/v1/me/tokens',
      '/api/v1/me/sessions/{id}',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const ui = await app.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
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
