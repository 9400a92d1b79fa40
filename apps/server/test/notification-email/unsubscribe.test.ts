import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsubscribeToken } from '../../src/modules/notification-email/unsubscribe-tokens.ts';
import { newId } from '../../src/platform/db/time.ts';
import { buildPerson, sessionFor } from '../support/factories.ts';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { HOUR, jobOf, mailTo, mention, oneClickToken, setDelivery } from './email-helpers.ts';

let app: TestApp;
let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
  app = await createTestApp({ SMTP_URL: sink.url });
});
afterAll(async () => {
  await app.close();
  await sink.close();
});

type Person = Awaited<ReturnType<typeof buildPerson>>;

const tokenFor = (person: Person, scope: Parameters<typeof unsubscribeToken>[2]) =>
  unsubscribeToken(app.config.sessionSecret, person.id, scope);

async function preferencesOf(person: Person) {
  return app.ctx.db
    .selectFrom('notification_preferences')
    .select(['type', 'space_id', 'delivery'])
    .where('person_id', '=', person.id)
    .orderBy('type')
    .orderBy('space_id')
    .execute();
}

async function digestOf(person: Person) {
  const row = await app.ctx.db
    .selectFrom('notification_settings')
    .select('digest')
    .where('person_id', '=', person.id)
    .executeTakeFirst();
  return row?.digest;
}

const post = (
  url: string,
  payload?: string | Record<string, unknown>,
  headers: Record<string, string> = {},
) => app.app.inject({ method: 'POST', url, headers, ...(payload === undefined ? {} : { payload }) });

describe('one-click unsubscribe (RFC 8058)', () => {
  it('the List-Unsubscribe URL, posted as a form without a session, turns that type off', async () => {
    const author = await buildPerson(app);
    const reader = await buildPerson(app);
    await mention(app, author, reader);
    const mail = await sink.nextTo(reader.email);
    const url = new URL(/<([^>]+)>/.exec(mail.headers['list-unsubscribe'] ?? '')?.[1] ?? '');
    const res = await post(`${url.pathname}${url.search}`, 'List-Unsubscribe=One-Click', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ unsubscribed: 'mention' });
    expect(await preferencesOf(reader)).toEqual([{ type: 'mention', space_id: '', delivery: 'in_app' }]);
    const audit = await app.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'data'])
      .where('target_id', '=', reader.id)
      .execute();
    expect(audit).toEqual([
      { action: 'notification.unsubscribed', actor_id: reader.id, data: '{"scope":"mention"}' },
    ]);
    const events = await app.ctx.db
      .selectFrom('events')
      .select('payload')
      .where('name', '=', 'person.notification_settings_changed')
      .where('subject_id', '=', reader.id)
      .execute();
    expect(events.map((e) => JSON.parse(e.payload))).toEqual([
      { changed: ['preferences'], unsubscribed: 'mention' },
    ]);
    // No more mention emails.
    await mention(app, author, reader);
    await app.drainJobs(new Date(Date.now() + 8 * 24 * HOUR));
    expect(mailTo(sink, reader)).toHaveLength(1);
  });

  it('also accepts the one-click POST as multipart form data', async () => {
    const reader = await buildPerson(app);
    const boundary = 'x-boundary-1';
    const res = await post(
      `/api/v1/unsubscribe?token=${encodeURIComponent(tokenFor(reader, 'reply'))}`,
      `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
      { 'content-type': `multipart/form-data; boundary=${boundary}` },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ unsubscribed: 'reply' });
  });

  it('the web page posts JSON; a signed-in browser needs no CSRF header, and doing it twice is fine', async () => {
    const reader = await buildPerson(app);
    const { cookie } = (await sessionFor(app, reader)).headers;
    for (let i = 0; i < 2; i++) {
      const res = await post('/api/v1/unsubscribe', { token: tokenFor(reader, 'praise') }, { cookie });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ unsubscribed: 'praise' });
    }
    expect(await preferencesOf(reader)).toEqual([{ type: 'praise', space_id: '', delivery: 'in_app' }]);
  });

  it('a type link also silences the per-space overrides that email, but not in-app ones', async () => {
    const reader = await buildPerson(app);
    const now = new Date().toISOString();
    await app.ctx.db
      .insertInto('notification_preferences')
      .values([
        {
          person_id: reader.id,
          type: 'reply',
          space_id: 'space-a',
          delivery: 'email_immediate',
          updated_at: now,
        },
        { person_id: reader.id, type: 'reply', space_id: 'space-b', delivery: 'in_app', updated_at: now },
        { person_id: reader.id, type: 'reply', space_id: 'space-c', delivery: 'off', updated_at: now },
      ])
      .execute();
    const res = await post('/api/v1/unsubscribe', { token: tokenFor(reader, 'reply') });
    expect(res.statusCode, res.body).toBe(200);
    expect(await preferencesOf(reader)).toEqual([
      { type: 'reply', space_id: '', delivery: 'in_app' },
      { type: 'reply', space_id: 'space-a', delivery: 'in_app' },
      { type: 'reply', space_id: 'space-b', delivery: 'in_app' },
      { type: 'reply', space_id: 'space-c', delivery: 'off' },
    ]);
  });

  it('the digest link turns digests off and cancels the waiting one', async () => {
    const author = await buildPerson(app);
    const reader = await buildPerson(app);
    await setDelivery(app, reader, 'mention', 'email_digest');
    await mention(app, author, reader);
    expect((await jobOf(app, `digest:${reader.id}`))?.status).toBe('pending');
    const res = await post(`/api/v1/unsubscribe?token=${encodeURIComponent(tokenFor(reader, 'digest'))}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ unsubscribed: 'digest' });
    expect(await digestOf(reader)).toBe('off');
    expect(await jobOf(app, `digest:${reader.id}`)).toBeUndefined();
    await app.drainEvents();
    await app.drainJobs(new Date(Date.now() + 8 * 24 * HOUR));
    expect(mailTo(sink, reader)).toEqual([]);
  });

  it('the "all" link stops every email (types stay in the notification center) and the digest', async () => {
    const reader = await buildPerson(app);
    const res = await post('/api/v1/unsubscribe', { token: tokenFor(reader, 'all') });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ unsubscribed: 'all' });
    const prefs = await preferencesOf(reader);
    expect(prefs.length).toBe(12);
    expect(prefs.every((p) => p.delivery === 'in_app')).toBe(true);
    expect(await digestOf(reader)).toBe('off');
  });
});

describe('GET /api/v1/unsubscribe', () => {
  it('says what a link would turn off and changes nothing', async () => {
    const reader = await buildPerson(app);
    const res = await app.app.inject({
      method: 'GET',
      url: `/api/v1/unsubscribe?token=${encodeURIComponent(tokenFor(reader, 'digest'))}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ scope: 'digest', valid: true });
    expect(await preferencesOf(reader)).toEqual([]);
    expect(await digestOf(reader)).toBeUndefined();
  });

  it('reports a forged link as invalid', async () => {
    const reader = await buildPerson(app);
    const forged = unsubscribeToken('another-secret-another-secret-0123456789', reader.id, 'all');
    const res = await app.app.inject({
      method: 'GET',
      url: `/api/v1/unsubscribe?token=${encodeURIComponent(forged)}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ scope: null, valid: false });
  });

  it('400 without a token', async () => {
    const res = await app.app.inject({ method: 'GET', url: '/api/v1/unsubscribe' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('bad unsubscribe requests', () => {
  it('forged or tampered tokens answer 400 token_invalid and change nothing', async () => {
    const reader = await buildPerson(app);
    const victim = await buildPerson(app);
    const genuine = tokenFor(reader, 'mention');
    const [version, personId, , signature] = genuine.split('.');
    const forgeries = [
      unsubscribeToken('another-secret-another-secret-0123456789', reader.id, 'all'),
      `${version}.${personId}.all.${signature}`,
      `${version}.${victim.id}.mention.${signature}`,
      `u0.${personId}.mention.${signature}`,
      `${genuine.slice(0, -2)}xx`,
      'not-a-token',
      `${version}.${personId}.nonsense.${signature}`,
    ];
    for (const token of forgeries) {
      const res = await post('/api/v1/unsubscribe', { token });
      expect(res.statusCode, token).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'token_invalid', status: 400 });
    }
    expect(await preferencesOf(reader)).toEqual([]);
    expect(await preferencesOf(victim)).toEqual([]);
  });

  it('400 when no token is given, or the body is not JSON or a form', async () => {
    const missing = await post('/api/v1/unsubscribe', {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'validation_failed' });
    const empty = await post('/api/v1/unsubscribe');
    expect(empty.statusCode).toBe(400);
    const text = await post('/api/v1/unsubscribe', 'token=abc', { 'content-type': 'text/plain' });
    expect(text.statusCode).toBe(415);
    const extra = await post('/api/v1/unsubscribe', { token: 'x', admin: true });
    expect(extra.statusCode).toBe(400);
  });

  it('404 for a genuine link whose person no longer exists', async () => {
    const res = await post('/api/v1/unsubscribe', {
      token: unsubscribeToken(app.config.sessionSecret, newId(), 'mention'),
    });
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found' });
  });

  it('form bodies are accepted on this route only', async () => {
    const reader = await buildPerson(app);
    const res = await app.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read-all',
      payload: 'a=b',
      headers: {
        ...(await sessionFor(app, reader)).headers,
        'content-type': 'application/x-www-form-urlencoded',
      },
    });
    expect(res.statusCode).toBe(415);
  });
});

describe('emails carry working links', () => {
  it('the footer link of an email opens the page, whose token the API accepts', async () => {
    const author = await buildPerson(app);
    const reader = await buildPerson(app);
    await mention(app, author, reader);
    const mail = await sink.nextTo(reader.email);
    const page = /http:\/\/atrium\.test\/unsubscribe\?token=(\S+)/.exec(mail.text)?.[1] ?? '';
    const check = await app.app.inject({ method: 'GET', url: `/api/v1/unsubscribe?token=${page}` });
    expect(check.json()).toEqual({ scope: 'mention', valid: true });
    expect(decodeURIComponent(page)).toBe(oneClickToken(mail));
  });
});
