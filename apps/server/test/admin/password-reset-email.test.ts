import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, DEFAULT_PASSWORD, signedIn } from '../support/factories.ts';
import { type SmtpSink, startSmtpSink, tokenFromLink } from '../support/smtp-sink.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { call } from './helpers.ts';

const NEW_PASSWORD = 'another long passphrase';
let sink: SmtpSink;
let app: TestApp;
beforeAll(async () => {
  sink = await startSmtpSink();
  app = await createTestApp({ SMTP_URL: sink.url });
});
afterAll(async () => {
  await app.close();
  await sink.close();
});

const signIn = (email: string, password: string) =>
  call(app, undefined, 'POST', '/api/v1/auth/sign-in', { email, password });

describe('password reset by email, end to end through SMTP', () => {
  it('emails a link; confirming sets the password, ends sessions, and the link works once', async () => {
    const session = await signedIn(app, { email: 'reset.me@example.com', name: 'Rita Reset' });
    const res = await call(app, undefined, 'POST', '/api/v1/auth/password-reset', {
      email: 'Reset.Me@example.com',
    });
    expect(res.statusCode).toBe(202);
    await app.drainEvents();
    const mail = await sink.nextTo('reset.me@example.com');
    expect(mail.subject).toBe('Reset your Atrium password');
    expect(mail.text).toContain('Hello Rita Reset');
    const token = tokenFromLink(mail.text, 'http://atrium.test/reset-password');

    const confirm = await call(app, undefined, 'POST', '/api/v1/auth/password-reset/confirm', {
      token,
      password: NEW_PASSWORD,
    });
    expect(confirm.statusCode).toBe(204);
    expect((await call(app, session, 'GET', '/api/v1/me')).statusCode).toBe(401);
    expect((await signIn('reset.me@example.com', DEFAULT_PASSWORD)).statusCode).toBe(401);
    expect((await signIn('reset.me@example.com', NEW_PASSWORD)).statusCode).toBe(200);

    const reused = await call(app, undefined, 'POST', '/api/v1/auth/password-reset/confirm', {
      token,
      password: 'yet another passphrase',
    });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().code).toBe('token_invalid');
    expect((await signIn('reset.me@example.com', NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('answers the same 202 for an unknown email and sends nothing', async () => {
    const known = await buildPerson(app, { email: 'known.person@example.com' });
    const unknown = await call(app, undefined, 'POST', '/api/v1/auth/password-reset', {
      email: 'nobody.here@example.com',
    });
    const knownRes = await call(app, undefined, 'POST', '/api/v1/auth/password-reset', {
      email: known.email,
    });
    expect(unknown.statusCode).toBe(202);
    expect(unknown.json()).toEqual(knownRes.json());
    await app.drainEvents();
    await sink.nextTo(known.email);
    await expect(sink.nextTo('nobody.here@example.com', 300)).rejects.toThrow(/no email/);
    expect(sink.messages.some((m) => m.to.includes('nobody.here@example.com'))).toBe(false);
  });
});
