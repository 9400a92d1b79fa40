import { LIVE_CLOSE_CODES } from '@atrium/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayOf } from '../../src/modules/live/gateway.ts';
import type { SpaceRow } from '../../src/modules/spaces/spaces.repository.ts';
import { call } from '../people/helpers.ts';
import { type Session, sessionFor, signedIn } from '../support/factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import {
  browserHeaders,
  connect,
  eventsAbout,
  type LiveSocket,
  listen,
  settle,
  subscribe,
} from './live-support.ts';

let t: TestApp;
let url: string;
let owner: Session;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  url = await listen(t);
  owner = await signedIn(t, { name: 'Olga Owner' });
  admin = await signedIn(t, { name: 'Ada Admin', role: 'admin' });
});
afterAll(async () => {
  await t.close();
});

async function post(who: Session, space: SpaceRow) {
  const res = await call(t, who, 'POST', '/api/v1/posts', {
    target: { type: 'space', id: space.id },
    body: 'News',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

/** A private space with two members, each with a socket listening on it. */
async function teamWithSockets() {
  const space = await buildSpace(t, owner, { visibility: 'private' });
  const leaver = await signedIn(t, { name: 'Leo Leaver' });
  const stayer = await signedIn(t, { name: 'Stella Stayer' });
  await addMember(t, space, leaver);
  await addMember(t, space, stayer);
  const leaverSocket = await connect(url, browserHeaders(leaver));
  const stayerSocket = await connect(url, browserHeaders(stayer));
  for (const socket of [leaverSocket, stayerSocket]) {
    expect(await subscribe(socket, `space:${space.id}`)).toMatchObject({ type: 'subscribed' });
  }
  return { space, leaver, stayer, leaverSocket, stayerSocket };
}

const closeAll = async (...sockets: LiveSocket[]) => {
  for (const socket of sockets) await socket.close();
};

describe('revocation: access that ends stops deliveries at once', () => {
  it('after leaving, the next post in the space is not delivered, and the subscription is dropped', async () => {
    const { space, leaver, leaverSocket, stayerSocket } = await teamWithSockets();
    const left = await call(t, leaver, 'POST', `/api/v1/spaces/${space.handle}/leave`);
    expect(left.statusCode, left.body).toBe(204);
    const created = await post(owner, space);
    await settle(t, leaverSocket, stayerSocket);
    expect(eventsAbout(leaverSocket, created.id)).toEqual([]);
    expect(eventsAbout(stayerSocket, created.id).map((e) => e.name)).toEqual(['post.created']);
    expect(await leaverSocket.next('unsubscribed')).toEqual({
      type: 'unsubscribed',
      channel: `space:${space.id}`,
      reason: 'access_lost',
    });
    expect(stayerSocket.frames.filter((f) => f.type === 'unsubscribed')).toEqual([]);
    await closeAll(leaverSocket, stayerSocket);
  });

  it('after a removal, nothing more is delivered and the subscription is dropped', async () => {
    const { space, leaver, leaverSocket, stayerSocket } = await teamWithSockets();
    const removed = await call(
      t,
      owner,
      'DELETE',
      `/api/v1/spaces/${space.handle}/members/${leaver.person.id}`,
    );
    expect(removed.statusCode, removed.body).toBe(204);
    const created = await post(owner, space);
    await settle(t, leaverSocket, stayerSocket);
    expect(eventsAbout(leaverSocket, created.id)).toEqual([]);
    expect(eventsAbout(stayerSocket, created.id)).toHaveLength(1);
    expect(await leaverSocket.next('unsubscribed')).toMatchObject({ reason: 'access_lost' });
    await closeAll(leaverSocket, stayerSocket);
  });

  it('a space made secret drops the subscriptions of readers who are not members', async () => {
    const space = await buildSpace(t, owner, { visibility: 'open' });
    const reader = await signedIn(t, { name: 'Rita Reader' });
    const socket = await connect(url, browserHeaders(reader));
    const ownerSocket = await connect(url, browserHeaders(owner));
    expect(await subscribe(socket, `space:${space.id}`)).toMatchObject({ type: 'subscribed' });
    expect(await subscribe(ownerSocket, `space:${space.id}`)).toMatchObject({ type: 'subscribed' });
    const before = await post(owner, space);
    await settle(t, socket);
    expect(await subscribe(socket, `post:${before.id}`)).toMatchObject({ type: 'subscribed' });
    const changed = await call(t, owner, 'PATCH', `/api/v1/spaces/${space.handle}`, { visibility: 'secret' });
    expect(changed.statusCode, changed.body).toBe(200);
    const after = await post(owner, space);
    await settle(t, socket, ownerSocket);
    expect(eventsAbout(socket, after.id)).toEqual([]);
    expect(eventsAbout(ownerSocket, after.id)).toHaveLength(1);
    const dropped = socket.frames
      .filter((f) => f.type === 'unsubscribed')
      .map((f) => f.type === 'unsubscribed' && f.channel);
    expect(dropped.sort()).toEqual([`post:${before.id}`, `space:${space.id}`].sort());
    expect(ownerSocket.frames.filter((f) => f.type === 'unsubscribed')).toEqual([]);
    await closeAll(socket, ownerSocket);
  });

  it('deactivation closes every socket of the person with 4001', async () => {
    const person = await signedIn(t, { name: 'Dina Deactivated' });
    const other = await sessionFor(t, person.person);
    const first = await connect(url, browserHeaders(person));
    const second = await connect(url, browserHeaders(other));
    const res = await call(t, admin, 'POST', `/api/v1/admin/people/${person.person.id}/deactivate`);
    expect(res.statusCode, res.body).toBe(200);
    await t.drainEvents();
    expect((await first.closed).code).toBe(LIVE_CLOSE_CODES.unauthenticated);
    expect((await second.closed).code).toBe(LIVE_CLOSE_CODES.unauthenticated);
  });

  it('signing out closes that session’s sockets only', async () => {
    const person = await signedIn(t, { name: 'Sam Signout' });
    const laptop = await sessionFor(t, person.person);
    const phoneSocket = await connect(url, browserHeaders(person));
    const laptopSocket = await connect(url, browserHeaders(laptop));
    const out = await call(t, person, 'POST', '/api/v1/auth/sign-out');
    expect(out.statusCode).toBe(204);
    await t.drainEvents();
    expect((await phoneSocket.closed).code).toBe(LIVE_CLOSE_CODES.unauthenticated);
    await settle(t, laptopSocket);
    expect(laptopSocket.ws.readyState).toBe(laptopSocket.ws.OPEN);
    await laptopSocket.close();
  });

  it('revoking a session or a token closes its sockets only', async () => {
    const person = await signedIn(t, { name: 'Rory Revoke' });
    const other = await sessionFor(t, person.person);
    const created = await call(t, person, 'POST', '/api/v1/me/tokens', {
      name: 'cli',
      scopes: ['read'],
      expiresInDays: null,
    });
    const { token, secret } = created.json() as { token: { id: string }; secret: string };
    const tokenSocket = await connect(url, { authorization: `Bearer ${secret}` });
    const otherSocket = await connect(url, browserHeaders(other));
    const keptSocket = await connect(url, browserHeaders(person));
    expect((await call(t, person, 'DELETE', `/api/v1/me/tokens/${token.id}`)).statusCode).toBe(204);
    const sessions = await call(t, person, 'GET', '/api/v1/me/sessions');
    const otherSession = (sessions.json() as { items: Array<{ id: string; current: boolean }> }).items.find(
      (s) => !s.current,
    );
    if (!otherSession) throw new Error(sessions.body);
    expect((await call(t, person, 'DELETE', `/api/v1/me/sessions/${otherSession.id}`)).statusCode).toBe(204);
    await t.drainEvents();
    expect((await tokenSocket.closed).code).toBe(LIVE_CLOSE_CODES.unauthenticated);
    expect((await otherSocket.closed).code).toBe(LIVE_CLOSE_CODES.unauthenticated);
    await settle(t, keptSocket);
    expect(keptSocket.ws.readyState).toBe(keptSocket.ws.OPEN);
    await keptSocket.close();
  });

  it('a session that expired while its socket was open is closed by the credential sweep', async () => {
    const person = await signedIn(t, { name: 'Eve Expiry' });
    const other = await sessionFor(t, person.person);
    const expiring = await connect(url, browserHeaders(other));
    const kept = await connect(url, browserHeaders(person));
    // Time passes: the other session runs out (nothing is recorded when a session simply expires).
    await t.ctx.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('person_id', '=', person.person.id)
      .where('id', '!=', (await currentSessionId(person)) ?? '')
      .execute();
    const gateway = gatewayOf(t.ctx);
    if (!gateway) throw new Error('no gateway');
    expect(await gateway.sweepCredentials()).toBeGreaterThanOrEqual(1);
    expect((await expiring.closed).code).toBe(LIVE_CLOSE_CODES.unauthenticated);
    await settle(t, kept);
    expect(kept.ws.readyState).toBe(kept.ws.OPEN);
    await kept.close();
  });
});

async function currentSessionId(who: Session): Promise<string | undefined> {
  const res = await call(t, who, 'GET', '/api/v1/me/sessions');
  return (res.json() as { items: Array<{ id: string; current: boolean }> }).items.find((s) => s.current)?.id;
}
