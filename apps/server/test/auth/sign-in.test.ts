import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, DEFAULT_PASSWORD, signedIn } from '../support/factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

const cookieOf = (setCookie: string | string[] | undefined, name: string) => {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return all.find((c) => c.startsWith(`${name}=`));
};

describe('POST /api/v1/auth/sign-in', () => {
  it('signs in with email and password and sets an httpOnly SameSite=Lax session cookie', async () => {
    const person = await buildPerson(app, { email: 'Ada@Example.com' });
    const res = await app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'ada@example.com', password: DEFAULT_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().person.id).toBe(person.id);
    const session = cookieOf(res.headers['set-cookie'], 'atrium_session');
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).not.toMatch(/Secure/);
    const token = session?.split(';')[0];
    const me = await app.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: token ?? '' } });
    expect(me.statusCode).toBe(200);
    expect(me.json().person.email).toBe('ada@example.com');
    expect(me.json().csrfToken).toEqual(res.json().csrfToken);
  });

  it('answers the same 401 for a wrong password and an unknown email', async () => {
    await buildPerson(app, { email: 'known@example.com' });
    const wrong = await app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'known@example.com', password: 'not the password' },
    });
    const unknown = await app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'nobody@example.com', password: 'not the password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('invalid_credentials');
    expect(unknown.json().detail).toBe(wrong.json().detail);
  });

  it('rejects garbage: malformed JSON, wrong content type, missing fields, NUL bytes', async () => {
    const garbage = await app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().code).toBe('malformed_json');
    expect(garbage.headers['content-type']).toMatch(/application\/problem\+json/);
    const wrongType = await app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'text/plain' },
      payload: 'email=a',
    });
    expect(wrongType.statusCode).toBe(415);
    const missing = await app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'a@b.c' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('validation_failed');
    const nul = await app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'a\u0000@b.c', password: 'x' },
    });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().code).toBe('invalid_characters');
  });

  it('refuses a deactivated person with the same answer', async () => {
    const person = await buildPerson(app, { email: 'gone@example.com' });
    await app.ctx.db
      .updateTable('people')
      .set({ status: 'deactivated' })
      .where('id', '=', person.id)
      .execute();
    const res = await app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'gone@example.com', password: DEFAULT_PASSWORD },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('invalid_credentials');
  });

  it('rate-limits attempts on one account from one address with 429, without locking the owner out', async () => {
    await buildPerson(app, { email: 'target@example.com' });
    const attempt = (ip: string, password: string) =>
      app.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        remoteAddress: ip,
        payload: { email: 'target@example.com', password },
      });
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await attempt('10.0.0.1', `wrong-${i}`)).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.at(-1)).toBe(429);
    // The owner, elsewhere, still gets in.
    expect((await attempt('10.0.9.9', DEFAULT_PASSWORD)).statusCode).toBe(200);
  });

  it('bounds failed sign-ins per account across addresses (50 an hour)', async () => {
    await buildPerson(app, { email: 'guessed@example.com' });
    let last = 0;
    for (let i = 0; i < 51; i++) {
      const res = await app.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        remoteAddress: `10.1.${i}.1`,
        payload: { email: 'guessed@example.com', password: `guess-${i}` },
      });
      last = res.statusCode;
      if (i < 50) expect(res.statusCode).toBe(401);
    }
    expect(last).toBe(429);
  });
});

describe('GET /api/v1/me and sign-out', () => {
  it('answers 401 without a session', async () => {
    const res = await app.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
  });

  it('signs out: the session stops working', async () => {
    const session = await signedIn(app);
    const out = await app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: session.headers,
    });
    expect(out.statusCode).toBe(204);
    const me = await app.app.inject({ method: 'GET', url: '/api/v1/me', headers: session.headers });
    expect(me.statusCode).toBe(401);
  });

  it('refuses an unsafe request with a forged CSRF token', async () => {
    const session = await signedIn(app);
    const res = await app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { cookie: session.headers.cookie, 'x-csrf-token': 'forged' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
    const still = await app.app.inject({ method: 'GET', url: '/api/v1/me', headers: session.headers });
    expect(still.statusCode).toBe(200);
  });
});
