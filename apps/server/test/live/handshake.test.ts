import { LIVE_LIMITS } from '@atrium/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayOf } from '../../src/modules/live/gateway.ts';
import { type Session, signedIn } from '../support/factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import {
  browserHeaders,
  connect,
  type LiveSocket,
  listen,
  refusedUpgrade,
  SITE_ORIGIN,
} from './live-support.ts';

let t: TestApp;
let url: string;
let ana: Session;

beforeAll(async () => {
  t = await createTestApp();
  url = await listen(t);
  ana = await signedIn(t, { name: 'Ana Live' });
});
afterAll(async () => {
  await t.close();
});

async function tokenOf(session: Session, scopes: string[]): Promise<{ id: string; token: string }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/me/tokens',
    headers: session.headers,
    payload: { name: `live ${scopes.join('+')}`, scopes, expiresInDays: null },
  });
  expect(res.statusCode, res.body).toBe(201);
  const body = res.json() as { token: { id: string }; secret: string };
  return { id: body.token.id, token: body.secret };
}

describe('GET /api/v1/stream: the handshake', () => {
  it('refuses an anonymous upgrade with 401 problem+json before upgrading', async () => {
    const refused = await refusedUpgrade(url, { origin: SITE_ORIGIN });
    expect(refused.status).toBe(401);
    expect(refused.contentType).toMatch(/application\/problem\+json/);
    expect(refused.body.code).toBe('unauthenticated');
    const badCookie = await refusedUpgrade(url, { origin: SITE_ORIGIN, cookie: 'atrium_session=as_nope' });
    expect(badCookie.status).toBe(401);
    const badToken = await refusedUpgrade(url, { authorization: 'Bearer atr_nope' });
    expect(badToken.status).toBe(401);
  });

  it('refuses a cookie upgrade from another origin, or without one, with 403', async () => {
    for (const origin of ['http://evil.test', 'http://atrium.test:8080', 'https://atrium.test', 'null']) {
      const refused = await refusedUpgrade(url, browserHeaders(ana, origin));
      expect(refused.status, origin).toBe(403);
      expect(refused.contentType).toMatch(/application\/problem\+json/);
      expect(refused.body.code).toBe('forbidden');
    }
    expect((await refusedUpgrade(url, { cookie: ana.headers.cookie })).status).toBe(403);
  });

  it('opens with the session cookie from the site and says hello on the personal channel', async () => {
    const socket = await connect(url, browserHeaders(ana));
    expect(socket.hello).toEqual({
      type: 'hello',
      personId: ana.person.id,
      heartbeatMs: LIVE_LIMITS.heartbeatMs,
      channels: [`me:${ana.person.id}`],
    });
    await socket.close();
  });

  it('opens with an API token that has the read scope, from anywhere', async () => {
    const read = await tokenOf(ana, ['read']);
    const socket = await connect(url, { authorization: `Bearer ${read.token}` });
    expect(socket.hello.personId).toBe(ana.person.id);
    await socket.close();
    const writeOnly = await tokenOf(ana, ['write']);
    const refused = await refusedUpgrade(url, { authorization: `Bearer ${writeOnly.token}` });
    expect(refused.status).toBe(403);
  });

  it('answers a plain GET (no upgrade) with 426, and anonymous ones with 401', async () => {
    const plain = await t.app.inject({
      method: 'GET',
      url: '/api/v1/stream',
      headers: { ...ana.headers, origin: SITE_ORIGIN },
    });
    expect(plain.statusCode).toBe(426);
    expect(plain.headers['content-type']).toMatch(/application\/problem\+json/);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/stream' });
    expect(anonymous.statusCode).toBe(401);
  });

  it(`caps a person at ${LIVE_LIMITS.maxSocketsPerPerson} sockets (429 beyond), others unaffected`, async () => {
    const bob = await signedIn(t, { name: 'Bob Tabs' });
    const sockets: LiveSocket[] = [];
    for (let i = 0; i < LIVE_LIMITS.maxSocketsPerPerson; i++)
      sockets.push(await connect(url, browserHeaders(bob)));
    const refused = await refusedUpgrade(url, browserHeaders(bob));
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('rate_limited');
    const other = await connect(url, browserHeaders(ana));
    await other.close();
    const first = sockets.shift();
    await first?.close();
    await expect
      .poll(() => gatewayOf(t.ctx)?.socketsOf(bob.person.id))
      .toBe(LIVE_LIMITS.maxSocketsPerPerson - 1);
    const again = await connect(url, browserHeaders(bob));
    sockets.push(again);
    for (const socket of sockets) await socket.close();
  });
});
