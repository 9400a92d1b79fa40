import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('first-run onboarding', () => {
  it('is open while no admin exists, creates the first admin once, then disappears (404)', async () => {
    expect((await app.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: true });
    const bad = await app.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { name: 'A', email: 'nope', password: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    const ok = await app.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { name: 'Grace Hopper', email: 'grace@example.com', password: 'a long enough password' },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().person.role).toBe('admin');
    expect(ok.json().abilities.administer).toBe(true);
    expect(String(ok.headers['set-cookie'])).toMatch(/atrium_session=/);
    expect((await app.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: false });
    const again = await app.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { name: 'Mallory', email: 'mallory@example.com', password: 'a long enough password' },
    });
    expect(again.statusCode).toBe(404);
    const audit = await app.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'admin.first_admin_created')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
