import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/platform/auth/secrets.ts';
import type { Session } from '../support/factories.ts';
import { signedIn } from '../support/factories.ts';
import type { SmtpSink } from '../support/smtp-sink.ts';
import { tokenFromLink } from '../support/smtp-sink.ts';
import type { TestApp } from '../support/test-app.ts';
import { createTestApp } from '../support/test-app.ts';
import { auditRows, call, countRows } from './helpers.ts';
import {
  accept as acceptWith,
  type InvitationWorld,
  invitationWorld,
  invite as inviteWith,
} from './invitation-world.ts';

let world: InvitationWorld;
let sink: SmtpSink;
let app: TestApp;
let admin: Session;
let member: Session;
beforeAll(async () => {
  world = await invitationWorld();
  ({ sink, app, admin, member } = world);
});
afterAll(async () => {
  await world.close();
});

const invite = (email: string, role?: string) => inviteWith(world, email, role);
const accept = (token: string, extra: Record<string, unknown> = {}) => acceptWith(world, token, extra);

describe('invitation by email, end to end through SMTP', () => {
  it('invites a member of an internal domain, emails the link, previews and accepts once', async () => {
    const { invitation, mail, token } = await invite('Grace@Example.COM');
    expect(invitation).toMatchObject({
      email: 'grace@example.com',
      kind: 'member',
      role: 'user',
      status: 'pending',
      acceptedAt: null,
      invitedBy: { id: admin.person.id, name: 'Ada Admin' },
    });
    expect(Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt)).toBeCloseTo(
      7 * 24 * 3600e3,
      -4,
    );
    expect(mail.subject).toBe('Ada Admin invited you to Atrium');
    expect(mail.html).toContain('http://atrium.test/invitations/accept#token=');
    // Only the hash is stored.
    const stored = await app.ctx.db
      .selectFrom('invitations')
      .selectAll()
      .where('id', '=', invitation.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(sha256(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    const preview = await call(app, undefined, 'POST', '/api/v1/invitations/preview', { token });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({
      email: 'grace@example.com',
      kind: 'member',
      invitedBy: { name: 'Ada Admin' },
    });

    const res = await accept(token, { name: 'Grace Hopper' });
    expect(res.statusCode).toBe(201);
    expect(res.json().person).toMatchObject({
      email: 'grace@example.com',
      name: 'Grace Hopper',
      kind: 'member',
      role: 'user',
    });
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const session = cookies.find((c) => c.startsWith('atrium_session='));
    expect(session).toMatch(/HttpOnly/);
    const me = await app.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: session?.split(';')[0] ?? '' },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().person.email).toBe('grace@example.com');
    expect(me.json().csrfToken).toBe(res.json().csrfToken);

    const people = await countRows(app, 'people');
    const reused = await accept(token, { name: 'Mallory' });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().code).toBe('token_invalid');
    expect(await countRows(app, 'people')).toBe(people);
    const reusedPreview = await call(app, undefined, 'POST', '/api/v1/invitations/preview', { token });
    expect(reusedPreview.statusCode).toBe(400);

    const list = await call(app, admin, 'GET', '/api/v1/admin/invitations?status=accepted');
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(invitation.id);
    expect(list.json().items.find((i: { id: string }) => i.id === invitation.id).acceptedAt).not.toBeNull();
    expect(await auditRows(app, 'invitation.accepted')).toHaveLength(1);
  });

  it('decides the kind by exact domain match, never by suffix', async () => {
    for (const email of [
      'eve@evil-example.com',
      'eve@example.com.evil.io',
      'eve@sub.example.com',
      'eve@notexample.com',
      'eve@example.co',
    ]) {
      const res = await call(app, admin, 'POST', '/api/v1/admin/invitations', { email });
      expect(res.statusCode, email).toBe(201);
      expect(res.json().kind, email).toBe('external');
    }
    const exact = await call(app, admin, 'POST', '/api/v1/admin/invitations', { email: 'bob@EXAMPLE.com' });
    expect(exact.json().kind).toBe('member');
    const tricky = await call(app, admin, 'POST', '/api/v1/admin/invitations', {
      email: 'x@example.com@evil.io',
    });
    expect(tricky.statusCode).toBe(400);
  });

  it('creates external people as external and refuses external admins', async () => {
    const refused = await call(app, admin, 'POST', '/api/v1/admin/invitations', {
      email: 'boss@partner.io',
      role: 'admin',
    });
    expect(refused.statusCode).toBe(409);
    const { invitation, token } = await invite('Pat@Partner.io');
    expect(invitation.kind).toBe('external');
    const preview = await call(app, undefined, 'POST', '/api/v1/invitations/preview', { token });
    expect(preview.json().kind).toBe('external');
    const res = await accept(token, { name: 'Pat Partner' });
    expect(res.statusCode).toBe(201);
    expect(res.json().person).toMatchObject({ kind: 'external', role: 'user' });
    expect(res.json().abilities.administer).toBe(false);
  });

  it('gives invited admins the admin role', async () => {
    const { token } = await invite('second.admin@example.com', 'admin');
    const res = await accept(token);
    expect(res.statusCode).toBe(201);
    expect(res.json().person.role).toBe('admin');
    expect(res.json().abilities.administer).toBe(true);
  });

  it('refuses expired, revoked and foreign tokens with 400 token_invalid and creates nobody', async () => {
    const expired = await invite('late@example.com');
    await app.ctx.db
      .updateTable('invitations')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', expired.invitation.id)
      .execute();
    const revoked = await invite('revoked@example.com');
    const del = await call(app, admin, 'DELETE', `/api/v1/admin/invitations/${revoked.invitation.id}`);
    expect(del.statusCode).toBe(204);

    // A password-reset token of this site, and an invitation token of another site.
    await call(app, undefined, 'POST', '/api/v1/auth/password-reset', { email: member.person.email });
    await app.drainEvents();
    const resetToken = tokenFromLink(
      (await sink.nextTo(member.person.email)).text,
      'http://atrium.test/reset-password',
    );
    const other = await createTestApp({ SMTP_URL: sink.url });
    try {
      const otherAdmin = await signedIn(other, { role: 'admin' });
      const res = await call(other, otherAdmin, 'POST', '/api/v1/admin/invitations', {
        email: 'foreign@example.com',
      });
      expect(res.statusCode).toBe(201);
      await other.drainEvents();
      const foreign = tokenFromLink(
        (await sink.nextTo('foreign@example.com')).text,
        'http://atrium.test/invitations/accept',
      );

      const people = await countRows(app, 'people');
      for (const token of [expired.token, revoked.token, resetToken, foreign, `inv_${'A'.repeat(43)}`]) {
        const preview = await call(app, undefined, 'POST', '/api/v1/invitations/preview', { token });
        expect(preview.statusCode).toBe(400);
        expect(preview.json().code).toBe('token_invalid');
        const res2 = await accept(token);
        expect(res2.statusCode).toBe(400);
        expect(res2.json().code).toBe('token_invalid');
      }
      expect(await countRows(app, 'people')).toBe(people);
      expect(await countRows(app, 'sessions')).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
    const statuses = await call(app, admin, 'GET', '/api/v1/admin/invitations?status=expired');
    expect(statuses.json().items.map((i: { id: string }) => i.id)).toEqual([expired.invitation.id]);
    const revokedList = await call(app, admin, 'GET', '/api/v1/admin/invitations?status=revoked');
    expect(revokedList.json().items.map((i: { id: string }) => i.id)).toEqual([revoked.invitation.id]);
    // An expired invitation can be replaced by a new one.
    const again = await call(app, admin, 'POST', '/api/v1/admin/invitations', { email: 'late@example.com' });
    expect(again.statusCode).toBe(201);
  });

  it('does not email an invitation revoked before delivery', async () => {
    const res = await call(app, admin, 'POST', '/api/v1/admin/invitations', { email: 'quick@example.com' });
    await call(app, admin, 'DELETE', `/api/v1/admin/invitations/${res.json().id}`);
    await app.drainEvents();
    await expect(sink.nextTo('quick@example.com', 300)).rejects.toThrow(/no email/);
  });
});
