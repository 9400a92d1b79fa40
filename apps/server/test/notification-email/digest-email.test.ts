import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaveSpace } from '../../src/modules/space-membership/commands/leave-space.ts';
import { buildPerson, sessionFor } from '../support/factories.ts';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import {
  HOUR,
  jobOf,
  mailTo,
  mention,
  notificationsOf,
  oneClickToken,
  setDelivery,
  setSettings,
} from './email-helpers.ts';

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

const MINUTE = 60_000;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * The first whole minute after `after` at which the zone's clock reads `hour`:00 (on the ISO weekday,
 * if given), found by walking the clock through Intl, independently of the code under test.
 */
function firstLocal(zone: string, hour: number, weekday: number | null, after: Date): number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    weekday: 'short',
    hour: 'numeric',
    minute: 'numeric',
  });
  const start = Math.floor(after.getTime() / MINUTE) * MINUTE + MINUTE;
  for (let at = start; at < start + 8 * 24 * HOUR; at += MINUTE) {
    const parts = Object.fromEntries(format.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
    if (Number(parts.hour) !== hour || Number(parts.minute) !== 0) continue;
    if (weekday === null || parts.weekday === WEEKDAYS[weekday - 1]) return at;
  }
  throw new Error('no such moment within 8 days');
}

async function digestReader(settings: Parameters<typeof setSettings>[2]) {
  const reader = await buildPerson(app);
  await setDelivery(app, reader, 'mention', 'email_digest');
  await setSettings(app, reader, settings);
  return reader;
}

describe('digest email', () => {
  it('a daily digest is due at the chosen hour in the person’s time zone and sends what is unread', async () => {
    const author = await buildPerson(app);
    const reader = await digestReader({ digest: 'daily', digestHour: 9, timeZone: 'Asia/Kolkata' });
    const before = new Date();
    const post = await mention(app, author, reader);
    expect(mailTo(sink, reader)).toEqual([]);
    const job = await jobOf(app, `digest:${reader.id}`);
    expect(job).toMatchObject({ kind: 'email.digest', status: 'pending' });
    expect(Date.parse(job?.run_at ?? '')).toBe(firstLocal('Asia/Kolkata', 9, null, before));

    const runAt = Date.parse(job?.run_at ?? '');
    await app.drainJobs(new Date(runAt - 1000));
    expect(mailTo(sink, reader)).toEqual([]);
    await app.drainJobs(new Date(runAt));
    const [mail, ...more] = mailTo(sink, reader);
    expect(more).toEqual([]);
    expect(mail?.subject).toBe('Your daily Atrium digest: 1 new notification');
    expect(mail?.text).toContain(`http://atrium.test/posts/${post.id}`);
    expect(mail?.html).toContain('Your daily digest');
    expect(mail?.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(mail ? oneClickToken(mail) : '').toContain('.digest.');
    expect((await jobOf(app, `digest:${reader.id}`))?.status).toBe('done');
    // Digested once: the next digest does not repeat it.
    await mention(app, author, reader);
    const next = await jobOf(app, `digest:${reader.id}`);
    expect(next?.status).toBe('pending');
    await app.drainJobs(new Date(Date.parse(next?.run_at ?? '') + 1000));
    const second = mailTo(sink, reader)[1];
    expect(second?.subject).toBe('Your daily Atrium digest: 1 new notification');
    expect(second?.text).not.toContain(post.id);
  });

  it('a weekly digest falls on the chosen weekday and hour in the person’s zone', async () => {
    const author = await buildPerson(app);
    const zone = 'America/New_York';
    const reader = await digestReader({ digest: 'weekly', digestHour: 18, digestWeekday: 3, timeZone: zone });
    const before = new Date();
    await mention(app, author, reader);
    const job = await jobOf(app, `digest:${reader.id}`);
    expect(Date.parse(job?.run_at ?? '')).toBe(firstLocal(zone, 18, 3, before));
    await app.drainJobs(new Date(Date.parse(job?.run_at ?? '')));
    expect(mailTo(sink, reader).map((m) => m.subject)).toEqual([
      'Your weekly Atrium digest: 1 new notification',
    ]);
  });

  it('without settings the digest is daily at 08:00 UTC', async () => {
    const author = await buildPerson(app);
    const reader = await buildPerson(app);
    await setDelivery(app, reader, 'mention', 'email_digest');
    const before = new Date();
    await mention(app, author, reader);
    const job = await jobOf(app, `digest:${reader.id}`);
    expect(Date.parse(job?.run_at ?? '')).toBe(firstLocal('UTC', 8, null, before));
  });

  it('a pending digest is never pushed later by new notifications', async () => {
    const author = await buildPerson(app);
    const reader = await digestReader({ digest: 'daily', digestHour: 9 });
    await mention(app, author, reader);
    const soon = new Date(Date.now() + 10 * MINUTE).toISOString();
    await app.ctx.db
      .updateTable('scheduled_jobs')
      .set({ run_at: soon })
      .where('job_key', '=', `digest:${reader.id}`)
      .execute();
    await mention(app, author, reader);
    expect((await jobOf(app, `digest:${reader.id}`))?.run_at).toBe(soon);
    await app.drainJobs(new Date(Date.parse(soon)));
    expect(mailTo(sink, reader).map((m) => m.subject)).toEqual([
      'Your daily Atrium digest: 2 new notifications',
    ]);
  });

  it('leaves out what became unreadable, and sends nothing when nothing readable is left', async () => {
    const owner = await buildPerson(app);
    const reader = await digestReader({ digest: 'daily' });
    const other = await digestReader({ digest: 'daily' });
    const space = await buildSpace(app, owner, { visibility: 'private', name: 'Secret M&A' });
    await addMember(app, space, reader);
    await addMember(app, space, other);
    const secret = await mention(app, owner, reader, {
      target: { type: 'space', id: space.id },
      body: `Secret plan for @${reader.handle} and @${other.handle}`,
    });
    const open = await mention(app, owner, reader);
    for (const who of [reader, other]) {
      await leaveSpace(app.ctx, { actor: who, handle: space.handle });
    }
    await app.drainEvents();
    await app.drainJobs(new Date(Date.now() + 2 * 24 * HOUR));

    const [mail, ...more] = mailTo(sink, reader);
    expect(more).toEqual([]);
    expect(mail?.subject).toBe('Your daily Atrium digest: 1 new notification');
    expect(mail?.text).toContain(open.id);
    for (const body of [mail?.text ?? '', mail?.html ?? '', mail?.subject ?? '']) {
      expect(body).not.toContain(secret.id);
      expect(body).not.toContain('Secret');
    }
    expect(mailTo(sink, other)).toEqual([]);
    // Looked at and dropped: not offered again by a later digest.
    const rows = await notificationsOf(app, other);
    expect(rows.length).toBe(1);
    expect(rows[0]?.digested_at).not.toBeNull();
  });

  it('unread only: what was read before the digest is not sent', async () => {
    const author = await buildPerson(app);
    const reader = await digestReader({ digest: 'daily' });
    await mention(app, author, reader);
    const res = await app.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read-all',
      headers: (await sessionFor(app, reader)).headers,
    });
    expect(res.statusCode, res.body).toBe(204);
    await app.drainEvents();
    await app.drainJobs(new Date(Date.now() + 2 * 24 * HOUR));
    expect(mailTo(sink, reader)).toEqual([]);
  });

  it('digest off: no digest job and no email', async () => {
    const author = await buildPerson(app);
    const reader = await digestReader({ digest: 'off' });
    await mention(app, author, reader);
    expect(await jobOf(app, `digest:${reader.id}`)).toBeUndefined();
    await app.drainJobs(new Date(Date.now() + 8 * 24 * HOUR));
    expect(mailTo(sink, reader)).toEqual([]);
  });

  it('changing the settings moves a waiting digest, and turning digests off cancels it', async () => {
    const author = await buildPerson(app);
    const reader = await digestReader({ digest: 'daily', digestHour: 8 });
    const session = await sessionFor(app, reader);
    await mention(app, author, reader);
    const put = (body: Record<string, unknown>) =>
      app.app.inject({
        method: 'PUT',
        url: '/api/v1/me/notification-settings',
        headers: session.headers,
        payload: body,
      });
    const before = new Date();
    const res = await put({ digestHour: 20, timeZone: 'Europe/Berlin' });
    expect(res.statusCode, res.body).toBe(200);
    await app.drainEvents();
    const moved = await jobOf(app, `digest:${reader.id}`);
    expect(Date.parse(moved?.run_at ?? '')).toBe(firstLocal('Europe/Berlin', 20, null, before));
    expect((await put({ digest: 'off' })).statusCode).toBe(200);
    await app.drainEvents();
    expect(await jobOf(app, `digest:${reader.id}`)).toBeUndefined();
  });
});
