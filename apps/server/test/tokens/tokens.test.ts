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

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

describe('personal API tokens', () => {
  it('401 without a session', async () => {
    expect((await app.app.inject({ method: 'GET', url: '/api/v1/me/tokens' })).statusCode).toBe(401);
    const create = await app.app.inject({ method: 'POST', url: '/api/v1/me/tokens', payload: {} });
    expect(create.statusCode).toBe(401);
  });

  it('400 on bad input', async () => {
    const session = await signedIn(app);
    for (const payload of [
      { name: '', scopes: ['read'], expiresInDays: null },
      { name: 'x', scopes: [], expiresInDays: null },
      { name: 'x', scopes: ['admin'], expiresInDays: null },
      { name: 'x'.repeat(10_000), scopes: ['read'], expiresInDays: 5 },
      { name: 'x', scopes: ['read'], expiresInDays: 0 },
    ]) {
      const res = await app.app.inject({
        method: 'POST',
        url: '/api/v1/me/tokens',
        headers: session.headers,
        payload,
      });
      expect(res.statusCode).toBe(400);
    }
    const list = await app.app.inject({ method: 'GET', url: '/api/v1/me/tokens', headers: session.headers });
    expect(list.json().items).toHaveLength(0);
  });

  it('creates a hashed token usable as Bearer with its scopes, records last use, and revokes it', async () => {
    const session = await signedIn(app);
    const res = await app.app.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      headers: session.headers,
      payload: { name: 'CI', scopes: ['read'], expiresInDays: 30 },
    });
    expect(res.statusCode).toBe(201);
    const { token, secret } = res.json();
    expect(secret).toMatch(/^atr_/);
    const stored = await app.ctx.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', token.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(secret);

    const me = await app.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(secret) });
    expect(me.statusCode).toBe(200);
    expect(me.json().person.id).toBe(session.person.id);
    expect(me.json().csrfToken).toBeNull();

    // read scope cannot write, and tokens cannot manage tokens or sessions
    const write = await app.app.inject({
      method: 'PUT',
      url: '/api/v1/me/password',
      headers: bearer(secret),
      payload: {},
    });
    expect(write.statusCode).toBe(403);
    const mint = await app.app.inject({ method: 'GET', url: '/api/v1/me/tokens', headers: bearer(secret) });
    expect(mint.statusCode).toBe(403);

    const list = await app.app.inject({ method: 'GET', url: '/api/v1/me/tokens', headers: session.headers });
    expect(list.json().items[0].lastUsedAt).not.toBeNull();

    const revoke = await app.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/tokens/${token.id}`,
      headers: session.headers,
    });
    expect(revoke.statusCode).toBe(204);
    const after = await app.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(secret) });
    expect(after.statusCode).toBe(401);
  });

  it('refuses expired tokens and unknown bearer values', async () => {
    const session = await signedIn(app);
    const res = await app.app.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      headers: session.headers,
      payload: { name: 'old', scopes: ['read', 'write'], expiresInDays: 1 },
    });
    const { token, secret } = res.json();
    await app.ctx.db
      .updateTable('api_tokens')
      .set({ expires_at: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', token.id)
      .execute();
    expect(
      (await app.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(secret) })).statusCode,
    ).toBe(401);
    expect(
      (await app.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer('atr_nope') })).statusCode,
    ).toBe(401);
  });

  it('404 when revoking someone else’s token', async () => {
    const owner = await signedIn(app);
    const other = await signedIn(app);
    const res = await app.app.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      headers: owner.headers,
      payload: { name: 'mine', scopes: ['read'], expiresInDays: null },
    });
    const del = await app.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/tokens/${res.json().token.id}`,
      headers: other.headers,
    });
    expect(del.statusCode).toBe(404);
  });
});

describe('my sessions and password', () => {
  it('lists sessions with the current one marked, and revokes another', async () => {
    const first = await signedIn(app);
    const second = await app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: first.person.email, password: 'correct horse battery staple' },
    });
    expect(second.statusCode).toBe(200);
    const list = await app.app.inject({ method: 'GET', url: '/api/v1/me/sessions', headers: first.headers });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Array<{ id: string; current: boolean }>;
    expect(items).toHaveLength(2);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    const other = items.find((s) => !s.current);
    const revoke = await app.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${other?.id}`,
      headers: first.headers,
    });
    expect(revoke.statusCode).toBe(204);
    const cookie = String(second.headers['set-cookie']).match(/atrium_session=([^;]+)/)?.[1];
    const me = await app.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `atrium_session=${cookie}` },
    });
    expect(me.statusCode).toBe(401);
    const missing = await app.app.inject({
      method: 'DELETE',
      url: '/api/v1/me/sessions/nope',
      headers: first.headers,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('changing the password ends my other sessions but keeps this one', async () => {
    const current = await signedIn(app);
    const other = await app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: current.person.email, password: 'correct horse battery staple' },
    });
    const otherCookie = String(other.headers['set-cookie']).match(/atrium_session=([^;]+)/)?.[1];
    const wrong = await app.app.inject({
      method: 'PUT',
      url: '/api/v1/me/password',
      headers: current.headers,
      payload: { currentPassword: 'nope', newPassword: 'a brand new password' },
    });
    expect(wrong.statusCode).toBe(400);
    const short = await app.app.inject({
      method: 'PUT',
      url: '/api/v1/me/password',
      headers: current.headers,
      payload: { currentPassword: 'correct horse battery staple', newPassword: 'short' },
    });
    expect(short.statusCode).toBe(400);
    const ok = await app.app.inject({
      method: 'PUT',
      url: '/api/v1/me/password',
      headers: current.headers,
      payload: { currentPassword: 'correct horse battery staple', newPassword: 'a brand new password' },
    });
    expect(ok.statusCode).toBe(204);
    expect(
      (await app.app.inject({ method: 'GET', url: '/api/v1/me', headers: current.headers })).statusCode,
    ).toBe(200);
    const gone = await app.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `atrium_session=${otherCookie}` },
    });
    expect(gone.statusCode).toBe(401);
  });
});
