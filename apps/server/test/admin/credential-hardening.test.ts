import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD, signedIn } from '../support/factories.ts';
import { tokenFromLink } from '../support/smtp-sink.ts';
import { createTestApp } from '../support/test-app.ts';
import { apiToken, call } from './helpers.ts';
import { accept, type InvitationWorld, invitationWorld, invite } from './invitation-world.ts';

let world: InvitationWorld;
beforeAll(async () => {
  world = await invitationWorld();
});
afterAll(async () => {
  await world.close();
});

const allEventPayloads = async () =>
  (await world.app.ctx.db.selectFrom('events').select('payload').execute()).map((e) => e.payload).join('\n');

describe('no secret is stored outside a hash', () => {
  it('keeps invitation and reset tokens out of the events table while the emailed links work', async () => {
    const { token } = await invite(world, 'secretless@example.com');
    const reset = await call(world.app, undefined, 'POST', '/api/v1/auth/password-reset', {
      email: world.member.person.email,
    });
    expect(reset.statusCode).toBe(202);
    await world.app.drainEvents();
    const mail = await world.sink.nextTo(world.member.person.email);
    const resetToken = tokenFromLink(mail.text, 'http://atrium.test/reset-password');
    const payloads = await allEventPayloads();
    expect(payloads).not.toContain(token);
    expect(payloads).not.toContain(resetToken);
    expect(payloads).not.toMatch(/#token=/);
    expect((await accept(world, token)).statusCode).toBe(201);
  });

  it('records the same event for unknown emails and sends them nothing', async () => {
    const before = world.sink.messages.length;
    const res = await call(world.app, undefined, 'POST', '/api/v1/auth/password-reset', {
      email: 'nobody-here@example.com',
    });
    expect(res.statusCode).toBe(202);
    await world.app.drainEvents();
    expect(world.sink.messages.length).toBe(before);
  });
});

describe('invitations do not outlive their sender', () => {
  it('revokes pending invitations when the inviting admin is deactivated', async () => {
    const second = await signedIn(world.app, { role: 'admin', name: 'Second Admin' });
    const res = await call(world.app, second, 'POST', '/api/v1/admin/invitations', {
      email: 'sock@example.com',
      role: 'admin',
    });
    expect(res.statusCode).toBe(201);
    await world.app.drainEvents();
    const mail = await world.sink.nextTo('sock@example.com');
    const token = tokenFromLink(mail.text, 'http://atrium.test/invitations/accept');
    const off = await call(
      world.app,
      world.admin,
      'POST',
      `/api/v1/admin/people/${second.person.id}/deactivate`,
    );
    expect(off.statusCode).toBe(200);
    expect((await accept(world, token)).statusCode).toBe(400);
    const list = await call(world.app, world.admin, 'GET', '/api/v1/admin/invitations?status=revoked');
    expect(list.json().items.map((i: { email: string }) => i.email)).toContain('sock@example.com');
  });

  it('revokes them when the inviter loses the admin role', async () => {
    const third = await signedIn(world.app, { role: 'admin', name: 'Third Admin' });
    await call(world.app, third, 'POST', '/api/v1/admin/invitations', { email: 'later@example.com' });
    await world.app.drainEvents();
    const mail = await world.sink.nextTo('later@example.com');
    const token = tokenFromLink(mail.text, 'http://atrium.test/invitations/accept');
    const demote = await call(world.app, world.admin, 'PUT', `/api/v1/admin/people/${third.person.id}/role`, {
      role: 'user',
    });
    expect(demote.statusCode).toBe(200);
    expect((await accept(world, token)).statusCode).toBe(400);
  });
});

describe('API tokens and account recovery', () => {
  it('a completed password reset revokes the account’s API tokens', async () => {
    const person = await signedIn(world.app);
    const secret = await apiToken(world.app, person.person.id);
    const me = () =>
      world.app.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${secret}` },
      });
    expect((await me()).statusCode).toBe(200);
    await call(world.app, undefined, 'POST', '/api/v1/auth/password-reset', { email: person.person.email });
    await world.app.drainEvents();
    const mail = await world.sink.nextTo(person.person.email);
    const token = tokenFromLink(mail.text, 'http://atrium.test/reset-password');
    const confirm = await call(world.app, undefined, 'POST', '/api/v1/auth/password-reset/confirm', {
      token,
      password: 'a recovered password',
    });
    expect(confirm.statusCode).toBe(204);
    expect((await me()).statusCode).toBe(401);
  });

  it('an admin’s API token may read the admin API but not change it', async () => {
    const target = await signedIn(world.app);
    const secret = await apiToken(world.app, world.admin.person.id);
    const bearer = { headers: { authorization: `Bearer ${secret}` } };
    const read = await world.app.app.inject({ method: 'GET', url: '/api/v1/admin/people', ...bearer });
    expect(read.statusCode).toBe(200);
    const promote = await world.app.app.inject({
      method: 'PUT',
      url: `/api/v1/admin/people/${target.person.id}/role`,
      payload: { role: 'admin' },
      ...bearer,
    });
    expect(promote.statusCode).toBe(403);
    const invite = await world.app.app.inject({
      method: 'POST',
      url: '/api/v1/admin/invitations',
      payload: { email: 'via-token@example.com' },
      ...bearer,
    });
    expect(invite.statusCode).toBe(403);
  });
});

describe('first-run onboarding under a race', () => {
  it('lets exactly one of two simultaneous requests become the first admin', async () => {
    const fresh = await createTestApp();
    try {
      const setup = (email: string) =>
        fresh.app.inject({
          method: 'POST',
          url: '/api/v1/setup',
          payload: { name: 'Racer', email, password: DEFAULT_PASSWORD },
        });
      const results = await Promise.all([setup('one@example.com'), setup('two@example.com')]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 404]);
      const admins = await fresh.ctx.db
        .selectFrom('people')
        .select('id')
        .where('role', '=', 'admin')
        .execute();
      expect(admins).toHaveLength(1);
    } finally {
      await fresh.close();
    }
  });
});
