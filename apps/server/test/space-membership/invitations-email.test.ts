import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/platform/auth/secrets.ts';
import { type Session, signedIn } from '../support/factories.ts';
import { type SmtpSink, startSmtpSink, tokenFromLink } from '../support/smtp-sink.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { addMember, auditActions, buildSpace, call, memberRole } from './helpers.ts';

const LINK = 'http://atrium.test/spaces/invitations/accept';
const PASSWORD = 'a brand new passphrase';
let sink: SmtpSink;
let app: TestApp;
let owner: Session;

beforeAll(async () => {
  sink = await startSmtpSink();
  app = await createTestApp({ SMTP_URL: sink.url });
  owner = await signedIn(app, { name: 'Olga Owner' });
  const admin = await signedIn(app, { role: 'admin' });
  expect(
    (await call(app, admin, 'POST', '/api/v1/admin/internal-domains', { domain: 'example.com' })).statusCode,
  ).toBe(201);
});
afterAll(async () => {
  await app.close();
  await sink.close();
});

async function invite(handle: string, email: string, role?: string) {
  const res = await call(
    app,
    owner,
    'POST',
    `/api/v1/spaces/${handle}/invitations`,
    role ? { email, role } : { email },
  );
  expect(res.statusCode, res.body).toBe(201);
  await app.drainEvents();
  const mail = await sink.nextTo(email.toLowerCase());
  return { invitation: res.json(), mail, token: tokenFromLink(mail.text, LINK) };
}
const countPeople = async () =>
  Number(
    (
      await app.ctx.db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('email invitations, end to end through SMTP', () => {
  it('invite → email → preview → accept: a new external person who sees only their community', async () => {
    const community = await buildSpace(app, owner, {
      audience: 'external',
      visibility: 'secret',
      name: 'Customer Lounge',
    });
    const internal = await buildSpace(app, owner, {
      audience: 'internal',
      visibility: 'open',
      name: 'Staff Room',
    });
    const stranger = await signedIn(app, { name: 'Sam Stranger' });
    const { invitation, mail, token } = await invite(community.handle, 'Carla@Customer.io', 'moderator');
    expect(invitation).toMatchObject({
      email: 'carla@customer.io',
      person: null,
      role: 'moderator',
      status: 'pending',
    });
    expect(mail.subject).toBe('Olga Owner invited you to Customer Lounge on Atrium');
    const stored = await app.ctx.db
      .selectFrom('space_invitations')
      .selectAll()
      .where('id', '=', invitation.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(sha256(token));
    const events = await app.ctx.db.selectFrom('events').select('payload').execute();
    expect(JSON.stringify(events)).not.toContain(token);

    expect(
      (await call(app, undefined, 'POST', '/api/v1/space-invitations/preview', { token: 'short' }))
        .statusCode,
    ).toBe(400);
    const preview = await call(app, undefined, 'POST', '/api/v1/space-invitations/preview', { token });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({
      email: 'carla@customer.io',
      space: { name: 'Customer Lounge', handle: community.handle, audience: 'external' },
      invitedBy: { name: 'Olga Owner' },
      personExists: false,
    });

    const bad = await call(app, undefined, 'POST', '/api/v1/space-invitations/accept', {
      token,
      name: 'Carla',
      password: 'short',
    });
    expect(bad.statusCode).toBe(400);
    const res = await call(app, undefined, 'POST', '/api/v1/space-invitations/accept', {
      token,
      name: 'Carla Customer',
      password: PASSWORD,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().person).toMatchObject({ email: 'carla@customer.io', kind: 'external', role: 'user' });
    const cookie = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('atrium_session='));
    expect(cookie).toMatch(/HttpOnly/);
    const headers = { cookie: cookie?.split(';')[0] ?? '', 'x-csrf-token': res.json().csrfToken };
    const carlaId = res.json().person.id;
    expect(await memberRole(app, community.id, carlaId)).toEqual({ role: 'moderator', source: 'manual' });
    expect(await auditActions(app, community.id)).toEqual(
      expect.arrayContaining(['space.invitation_created', 'space.invitation_accepted']),
    );

    // What the new external person sees: their community, none of the internal world.
    const get = (url: string) => app.app.inject({ method: 'GET', url, headers });
    expect((await get(`/api/v1/spaces/${community.handle}`)).statusCode).toBe(200);
    expect((await get(`/api/v1/spaces/${internal.handle}`)).statusCode).toBe(404);
    const dir = await get('/api/v1/spaces?membership=all');
    expect(dir.json().items.map((s: { handle: string }) => s.handle)).toEqual([community.handle]);
    const peopleIds = (await get('/api/v1/people'))
      .json()
      .items.map((p: { id: string }) => p.id)
      .sort();
    expect(peopleIds).toEqual([carlaId, owner.person.id].sort());
    expect((await get(`/api/v1/people/${stranger.person.handle}`)).statusCode).toBe(404);
    expect((await get(`/api/v1/spaces/${internal.handle}/members`)).statusCode).toBe(404);

    // Single use: nothing more is created.
    const before = await countPeople();
    const again = await call(app, undefined, 'POST', '/api/v1/space-invitations/accept', {
      token,
      name: 'Mallory',
      password: PASSWORD,
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('token_invalid');
    expect(
      (await call(app, undefined, 'POST', '/api/v1/space-invitations/preview', { token })).statusCode,
    ).toBe(400);
    expect(await countPeople()).toBe(before);
  });

  it('an internal space invites only internal-domain emails, and the new person is an employee', async () => {
    const staff = await buildSpace(app, owner, { audience: 'internal', visibility: 'private' });
    expect(
      (
        await call(app, owner, 'POST', `/api/v1/spaces/${staff.handle}/invitations`, {
          email: 'out@customer.io',
        })
      ).statusCode,
    ).toBe(400);
    const { token } = await invite(staff.handle, 'newbie@example.com');
    const res = await call(app, undefined, 'POST', '/api/v1/space-invitations/accept', {
      token,
      name: 'New Bie',
      password: PASSWORD,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().person.kind).toBe('member');
    expect(await memberRole(app, staff.id, res.json().person.id)).toMatchObject({ role: 'member' });
  });

  it('revoked, expired, foreign and unknown tokens are token_invalid and create nothing', async () => {
    const community = await buildSpace(app, owner, { audience: 'external', visibility: 'private' });
    const revoked = await invite(community.handle, 'rev@customer.io');
    expect(
      (
        await call(
          app,
          owner,
          'DELETE',
          `/api/v1/spaces/${community.handle}/invitations/${revoked.invitation.id}`,
        )
      ).statusCode,
    ).toBe(204);
    const expired = await invite(community.handle, 'exp@customer.io');
    await app.ctx.db
      .updateTable('space_invitations')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', expired.invitation.id)
      .execute();
    const before = await countPeople();
    for (const token of [
      revoked.token,
      expired.token,
      'spi_definitely-not-a-real-token',
      'inv_foreign-admin-invitation-token',
    ]) {
      const preview = await call(app, undefined, 'POST', '/api/v1/space-invitations/preview', { token });
      expect(preview.statusCode).toBe(400);
      expect(preview.json().code).toBe('token_invalid');
      const res = await call(app, undefined, 'POST', '/api/v1/space-invitations/accept', {
        token,
        name: 'X',
        password: PASSWORD,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('token_invalid');
    }
    expect(await countPeople()).toBe(before);
    // Expired: a new invitation can replace it.
    expect(
      (
        await call(app, owner, 'POST', `/api/v1/spaces/${community.handle}/invitations`, {
          email: 'exp@customer.io',
        })
      ).statusCode,
    ).toBe(201);
    // An admin (site) invitation token is not a space invitation token.
    const admin = await signedIn(app, { role: 'admin' });
    await call(app, admin, 'POST', '/api/v1/admin/invitations', { email: 'foreign@customer.io' });
    await app.drainEvents();
    const foreignMail = await sink.nextTo('foreign@customer.io');
    const foreign = tokenFromLink(foreignMail.text, 'http://atrium.test/invitations/accept');
    expect(
      (
        await call(app, undefined, 'POST', '/api/v1/space-invitations/accept', {
          token: foreign,
          name: 'F',
          password: PASSWORD,
        })
      ).statusCode,
    ).toBe(400);
  });

  it('an emailed invitation for someone who has an account meanwhile: sign in and accept in-app', async () => {
    const community = await buildSpace(app, owner, { audience: 'external', visibility: 'private' });
    const { invitation, token } = await invite(community.handle, 'later@customer.io');
    const later = await signedIn(app, { kind: 'external', email: 'later@customer.io' });
    const preview = await call(app, undefined, 'POST', '/api/v1/space-invitations/preview', { token });
    expect(preview.json().personExists).toBe(true);
    expect(
      (
        await call(app, undefined, 'POST', '/api/v1/space-invitations/accept', {
          token,
          name: 'L',
          password: PASSWORD,
        })
      ).statusCode,
    ).toBe(409);
    const mine = await call(app, later, 'GET', '/api/v1/me/space-invitations');
    expect(mine.json().items.map((i: { id: string }) => i.id)).toEqual([invitation.id]);
    expect(
      (await call(app, later, 'POST', `/api/v1/me/space-invitations/${invitation.id}/accept`)).statusCode,
    ).toBe(200);
    expect(
      (await call(app, undefined, 'POST', '/api/v1/space-invitations/preview', { token })).statusCode,
    ).toBe(400);
  });

  it('an email invitation accepted after the inviter lost the admin role is token_invalid', async () => {
    const community = await buildSpace(app, owner, { audience: 'external', visibility: 'private' });
    const admin = await signedIn(app);
    await addMember(app, community, admin, 'admin');
    const res = await call(app, admin, 'POST', `/api/v1/spaces/${community.handle}/invitations`, {
      email: 'demoted@customer.io',
    });
    expect(res.statusCode).toBe(201);
    await app.drainEvents();
    const token = tokenFromLink((await sink.nextTo('demoted@customer.io')).text, LINK);
    await app.ctx.db
      .deleteFrom('space_members')
      .where('space_id', '=', community.id)
      .where('person_id', '=', admin.person.id)
      .execute();
    expect(
      (
        await call(app, undefined, 'POST', '/api/v1/space-invitations/accept', {
          token,
          name: 'D',
          password: PASSWORD,
        })
      ).statusCode,
    ).toBe(400);
  });
});
