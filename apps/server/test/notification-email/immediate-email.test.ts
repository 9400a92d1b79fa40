import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '../../src/modules/notifications/commands/notify.ts';
import { buildPerson, sessionFor } from '../support/factories.ts';
import { buildPost } from '../support/post-factories.ts';
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
  setDoNotDisturb,
  setSettings,
  utcClock,
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

describe('immediate email', () => {
  it('a mention emails the mentioned person at once, in HTML and text, with one-click unsubscribe headers', async () => {
    const author = await buildPerson(app, { name: 'Ana <b>Ruiz</b>' });
    const reader = await buildPerson(app);
    const post = await mention(app, author, reader);
    const mail = await sink.nextTo(reader.email);
    expect(mail.subject).toBe('Ana <b>Ruiz</b> mentioned you in a post');
    expect(mail.text).toContain('Ana <b>Ruiz</b> mentioned you in a post');
    expect(mail.text).toContain(`http://atrium.test/posts/${post.id}`);
    expect(mail.text).toContain('see this');
    // Names are escaped in HTML, never markup.
    expect(mail.html).toContain('Ana &lt;b&gt;Ruiz&lt;/b&gt; mentioned you');
    expect(mail.html).not.toContain('<b>Ruiz</b>');
    expect(mail.html).toContain(`href="http://atrium.test/posts/${post.id}"`);
    const listUnsubscribe = mail.headers['list-unsubscribe'] ?? '';
    expect(listUnsubscribe).toMatch(/^<http:\/\/atrium\.test\/api\/v1\/unsubscribe\?token=[^>]+>$/);
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(oneClickToken(mail)).toContain('.mention.');
    expect(mail.text).toMatch(/http:\/\/atrium\.test\/unsubscribe\?token=\S+/);
    expect(mail.html).toContain('http://atrium.test/unsubscribe?token=');
    const [row] = await notificationsOf(app, reader);
    expect(row?.emailed_at).not.toBeNull();
    expect(mailTo(sink, author)).toEqual([]);
  });

  it('a notification folded into an already emailed one sends nothing more', async () => {
    const author = await buildPerson(app);
    const other = await buildPerson(app);
    const reader = await buildPerson(app);
    await setDelivery(app, reader, 'reaction', 'email_immediate');
    const post = await buildPost(app, reader);
    for (const who of [author, other]) {
      const res = await app.app.inject({
        method: 'PUT',
        url: `/api/v1/posts/${post.id}/reactions/like`,
        headers: (await sessionFor(app, who)).headers,
      });
      expect(res.statusCode, res.body).toBeLessThan(300);
      await app.drainEvents();
    }
    const rows = await notificationsOf(app, reader);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.actor_count).toBe(2);
    expect(mailTo(sink, reader)).toHaveLength(1);
  });

  it('do-not-disturb holds the immediate email back for the next digest', async () => {
    const author = await buildPerson(app);
    const reader = await buildPerson(app);
    await setDoNotDisturb(app, reader);
    await mention(app, author, reader);
    expect(mailTo(sink, reader)).toEqual([]);
    const job = await jobOf(app, `digest:${reader.id}`);
    expect(job?.status).toBe('pending');
    await app.drainJobs(new Date(Date.parse(job?.run_at ?? '') + 1000));
    const [digest] = mailTo(sink, reader);
    expect(digest?.subject).toBe('Your daily Atrium digest: 1 new notification');
    expect(digest?.text).toContain('mentioned you in a post');
    expect(digest?.headers['list-unsubscribe']).toContain('/api/v1/unsubscribe?token=');
    const [row] = await notificationsOf(app, reader);
    expect(row?.digested_at).not.toBeNull();
    expect(row?.emailed_at).toBeNull();
  });

  it('during quiet hours the email waits for their end, then gathers everything that waited', async () => {
    const author = await buildPerson(app);
    const reader = await buildPerson(app);
    const now = new Date();
    // Quiet hours around now, in the reader's zone (UTC-3 all year).
    const zone = 'America/Sao_Paulo';
    const local = (at: Date) => new Date(at.getTime() - 3 * HOUR);
    await setSettings(app, reader, {
      quietStart: utcClock(local(new Date(now.getTime() - HOUR))),
      quietEnd: utcClock(local(new Date(now.getTime() + 2 * HOUR))),
      timeZone: zone,
    });
    await mention(app, author, reader);
    await mention(app, author, reader);
    expect(mailTo(sink, reader)).toEqual([]);
    const job = await jobOf(app, `email-deferred:${reader.id}`);
    expect(job).toMatchObject({ kind: 'email.deferred', status: 'pending' });
    const endsAt = Date.parse(job?.run_at ?? '');
    // The end of the window, to the minute.
    const expected = Math.floor((now.getTime() + 2 * HOUR) / 60_000) * 60_000;
    expect(endsAt).toBe(expected);
    await app.drainJobs(new Date(endsAt - 60_000));
    expect(mailTo(sink, reader)).toEqual([]);
    await app.drainJobs(new Date(endsAt + 1000));
    const mails = mailTo(sink, reader);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('2 new notifications in Atrium');
    const rows = await notificationsOf(app, reader);
    expect(rows.every((r) => r.emailed_at !== null)).toBe(true);
  });

  it('a recipient deactivated before the email goes out gets nothing', async () => {
    const author = await buildPerson(app);
    const reader = await buildPerson(app);
    const post = await buildPost(app, author);
    await notify(app.ctx, mentionDraft(reader.id, author.id, post.id));
    await app.ctx.db
      .updateTable('people')
      .set({ status: 'deactivated', deactivated_at: new Date().toISOString() })
      .where('id', '=', reader.id)
      .execute();
    await app.drainEvents();
    await app.drainJobs(new Date(Date.now() + 8 * 24 * HOUR));
    expect(mailTo(sink, reader)).toEqual([]);
  });

  it('an external person is never emailed company content, even if a notification names it', async () => {
    const author = await buildPerson(app);
    const external = await buildPerson(app, { kind: 'external' });
    const post = await buildPost(app, author, { body: 'Company-only roadmap' });
    await notify(app.ctx, mentionDraft(external.id, author.id, post.id));
    await app.drainEvents();
    await app.drainJobs(new Date(Date.now() + 8 * 24 * HOUR));
    expect(mailTo(sink, external)).toEqual([]);
  });

  it('an external person mentioned in a shared space is emailed what they may read', async () => {
    const owner = await buildPerson(app);
    const external = await buildPerson(app, { kind: 'external' });
    const space = await buildSpace(app, owner, { audience: 'external', visibility: 'private' });
    await addMember(app, space, external);
    await mention(app, owner, external, { target: { type: 'space', id: space.id } });
    const mail = await sink.nextTo(external.email);
    expect(mail.text).toContain(`(in ${space.name})`);
  });
});

const mentionDraft = (recipientId: string, actorId: string, postId: string) => ({
  recipientId,
  type: 'mention' as const,
  actorId,
  subjectType: 'post',
  subjectId: postId,
  postId,
  spaceId: null,
  data: {},
  key: `mention:post:${postId}`,
  fold: false,
});
