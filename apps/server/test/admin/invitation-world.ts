import { expect } from 'vitest';
import { type Session, signedIn } from '../support/factories.ts';
import { type SmtpSink, startSmtpSink, tokenFromLink } from '../support/smtp-sink.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { call } from './helpers.ts';

export const PASSWORD = 'a brand new passphrase';

export interface InvitationWorld {
  sink: SmtpSink;
  app: TestApp;
  /** Named "Ada Admin"; example.com is an internal domain. */
  admin: Session;
  member: Session;
  close(): Promise<void>;
}

/** An app sending mail to a real SMTP sink, an admin, a member, and example.com as internal domain. */
export async function invitationWorld(): Promise<InvitationWorld> {
  const sink = await startSmtpSink();
  const app = await createTestApp({ SMTP_URL: sink.url });
  const admin = await signedIn(app, { role: 'admin', name: 'Ada Admin' });
  const member = await signedIn(app);
  const res = await call(app, admin, 'POST', '/api/v1/admin/internal-domains', { domain: 'example.com' });
  expect(res.statusCode).toBe(201);
  return {
    sink,
    app,
    admin,
    member,
    async close() {
      await app.close();
      await sink.close();
    },
  };
}

/** Invites an address, delivers the outbox, and returns the token from the email's link. */
export async function invite(world: InvitationWorld, email: string, role?: string) {
  const body = role ? { email, role } : { email };
  const res = await call(world.app, world.admin, 'POST', '/api/v1/admin/invitations', body);
  expect(res.statusCode, res.body).toBe(201);
  await world.app.drainEvents();
  const mail = await world.sink.nextTo(email.toLowerCase());
  return {
    invitation: res.json(),
    mail,
    token: tokenFromLink(mail.text, 'http://atrium.test/invitations/accept'),
  };
}

export const accept = (world: InvitationWorld, token: string, extra: Record<string, unknown> = {}) =>
  call(world.app, undefined, 'POST', '/api/v1/invitations/accept', {
    token,
    name: 'New Person',
    password: PASSWORD,
    ...extra,
  });
