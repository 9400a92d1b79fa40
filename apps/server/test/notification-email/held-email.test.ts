import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendImmediate } from '../../src/modules/notification-email/email-sending.ts';
import { findRecipient } from '../../src/modules/notification-email/notification-email.repository.ts';
import { buildPerson, sessionFor } from '../support/factories.ts';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { HOUR, jobOf, mailTo, mention, notificationsOf, setDelivery, setSettings } from './email-helpers.ts';

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

async function inject(
  person: Awaited<ReturnType<typeof buildPerson>>,
  method: 'PUT' | 'DELETE' | 'PATCH',
  url: string,
  payload?: object,
) {
  const res = await app.app.inject({
    method,
    url,
    headers: (await sessionFor(app, person)).headers,
    ...(payload ? { payload } : {}),
  });
  expect(res.statusCode, res.body).toBeLessThan(300);
  await app.drainEvents();
}

describe('immediate emails held by do-not-disturb with digests off', () => {
  it('go out when do-not-disturb without an end is cleared', async () => {
    const author = await buildPerson(app);
    const reader = await buildPerson(app);
    await setSettings(app, reader, { digest: 'off' });
    await inject(reader, 'PUT', '/api/v1/me/status', { availability: 'do_not_disturb' });
    await mention(app, author, reader);
    await app.drainJobs(new Date(Date.now() + 8 * 24 * HOUR));
    expect(mailTo(sink, reader)).toEqual([]);
    await inject(reader, 'DELETE', '/api/v1/me/status');
    await app.drainJobs();
    const mails = mailTo(sink, reader);
    expect(mails.map((m) => m.subject)).toEqual([expect.stringContaining('mentioned you in a post')]);
    const [row] = await notificationsOf(app, reader);
    expect(row?.emailed_at).not.toBeNull();
  });

  it('go out when do-not-disturb reaches its end', async () => {
    const author = await buildPerson(app);
    const reader = await buildPerson(app);
    await setSettings(app, reader, { digest: 'off' });
    const until = new Date(Date.now() + 3 * HOUR);
    await inject(reader, 'PUT', '/api/v1/me/status', {
      availability: 'do_not_disturb',
      until: until.toISOString(),
    });
    await mention(app, author, reader);
    const job = await jobOf(app, `email-deferred:${reader.id}`);
    expect(job).toMatchObject({ kind: 'email.deferred', status: 'pending' });
    expect(Date.parse(job?.run_at ?? '')).toBe(Date.parse((await statusUntil(reader.id)) ?? ''));
    await app.drainJobs(new Date(until.getTime() - 60_000));
    expect(mailTo(sink, reader)).toEqual([]);
    await app.drainJobs(new Date(until.getTime() + 60_000));
    expect(mailTo(sink, reader)).toHaveLength(1);
  });
});

async function statusUntil(personId: string) {
  const row = await app.ctx.db
    .selectFrom('person_status')
    .select('until')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row?.until;
}

describe('a time zone changed through the profile', () => {
  it('moves the waiting digest to the digest hour in the new zone', async () => {
    const author = await buildPerson(app);
    const reader = await buildPerson(app);
    await setSettings(app, reader, { digest: 'daily', digestHour: 8 });
    await setDelivery(app, reader, 'mention', 'email_digest');
    await mention(app, author, reader);
    const before = await jobOf(app, `digest:${reader.id}`);
    expect(new Date(before?.run_at ?? '').getUTCHours()).toBe(8);
    await inject(reader, 'PATCH', `/api/v1/people/${reader.handle}`, { timeZone: 'Asia/Tokyo' });
    const after = await jobOf(app, `digest:${reader.id}`);
    expect(after?.status).toBe('pending');
    // 08:00 in Tokyo (UTC+9, no DST) is 23:00 UTC.
    expect(new Date(after?.run_at ?? '').getUTCHours()).toBe(23);
  });
});

describe('sending', () => {
  it('two senders of the same notification send one email', async () => {
    const author = await buildPerson(app);
    const reader = await buildPerson(app);
    // Kept in the app only, so nothing but the calls below emails it.
    await setDelivery(app, reader, 'mention', 'in_app');
    await mention(app, author, reader);
    const [row] = await notificationsOf(app, reader);
    const recipient = await findRecipient(app.ctx.db, reader.id);
    if (!row || !recipient) throw new Error('missing notification');
    const now = new Date();
    await Promise.all([
      sendImmediate(app.ctx, recipient, [row.id], now),
      sendImmediate(app.ctx, recipient, [row.id], now),
    ]);
    expect(mailTo(sink, reader)).toHaveLength(1);
  });

  it('a failed send gives the notification back, so the retry sends it', async () => {
    const author = await buildPerson(app);
    const reader = await buildPerson(app);
    // Kept in the app only, so nothing but the calls below emails it.
    await setDelivery(app, reader, 'mention', 'in_app');
    await mention(app, author, reader);
    const [row] = await notificationsOf(app, reader);
    const recipient = await findRecipient(app.ctx.db, reader.id);
    if (!row || !recipient) throw new Error('missing notification');
    const mailer = app.ctx.mailer;
    const realSend = mailer.send;
    mailer.send = async () => {
      throw new Error('smtp down');
    };
    try {
      await expect(sendImmediate(app.ctx, recipient, [row.id], new Date())).rejects.toThrow('smtp down');
    } finally {
      mailer.send = realSend;
    }
    expect((await notificationsOf(app, reader))[0]?.emailed_at).toBeNull();
    await sendImmediate(app.ctx, recipient, [row.id], new Date());
    expect(mailTo(sink, reader)).toHaveLength(1);
    expect((await notificationsOf(app, reader))[0]?.emailed_at).not.toBeNull();
  });
});
