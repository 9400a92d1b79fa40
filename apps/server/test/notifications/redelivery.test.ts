import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollClosedKey } from '../../src/modules/notifications/handlers/poll-closed-job.ts';
import { signedIn } from '../support/factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { call, inbox, ok, post, rowsFor } from './helpers.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

/** Hands an already delivered event to one handler again, as an at-least-once outbox may. */
async function redeliver(eventName: string, subjectId: string, handler: string): Promise<void> {
  const event = await app.ctx.db
    .selectFrom('events')
    .select('id')
    .where('name', '=', eventName)
    .where('subject_id', '=', subjectId)
    .executeTakeFirstOrThrow();
  const changed = await app.ctx.db
    .updateTable('event_deliveries')
    .set({ status: 'pending', locked_until: null })
    .where('event_id', '=', event.id)
    .where('handler', '=', handler)
    .executeTakeFirst();
  expect(Number(changed.numUpdatedRows)).toBe(1);
  await app.drainEvents();
}

async function createdEventsFor(notificationIds: readonly string[]) {
  return app.ctx.db
    .selectFrom('events')
    .select('id')
    .where('name', '=', 'notification.created')
    .where('subject_id', 'in', [...notificationIds])
    .execute();
}

describe('an event delivered again', () => {
  it('a mention already read is not made again', async () => {
    const ana = await signedIn(app, { name: 'Ana' });
    const ben = await signedIn(app, { name: 'Ben' });
    const p = await post(app, ana, { body: `Hi @${ben.person.handle}` });
    const [first] = await inbox(app, ben);
    expect(first?.type).toBe('mention');
    await ok(call(app, ben, 'POST', `/api/v1/notifications/${first?.id}/read`));
    await redeliver('post.created', p.id, 'notifications.post-created');
    const rows = await rowsFor(app, ben.person.id);
    expect(rows.map((r) => [r.type, r.read_at !== null])).toEqual([['mention', true]]);
    expect(await createdEventsFor(rows.map((r) => r.id))).toHaveLength(1);
  });

  it('a mention read through "read all" is not made again either', async () => {
    const ana = await signedIn(app, { name: 'Ana' });
    const ben = await signedIn(app, { name: 'Ben' });
    const p = await post(app, ana, { body: `Hi @${ben.person.handle}` });
    expect(await inbox(app, ben)).toHaveLength(1);
    await ok(call(app, ben, 'POST', '/api/v1/notifications/read-all'));
    await redeliver('post.created', p.id, 'notifications.post-created');
    expect(await rowsFor(app, ben.person.id)).toHaveLength(1);
  });

  it('a reply folds into its group once, unread or read', async () => {
    const ana = await signedIn(app, { name: 'Ana' });
    const ben = await signedIn(app, { name: 'Ben' });
    const p = await post(app, ben, { body: 'My post' });
    const comment = (
      await ok(call(app, ana, 'POST', `/api/v1/posts/${p.id}/comments`, { body: 'A reply' }))
    ).json();
    await app.drainEvents();
    const [before] = await rowsFor(app, ben.person.id);
    await redeliver('comment.created', comment.id, 'notifications.comment-created');
    const [unreadRow, ...others] = await rowsFor(app, ben.person.id);
    expect(others).toEqual([]);
    expect(unreadRow?.updated_at).toBe(before?.updated_at);
    expect(unreadRow?.actor_count).toBe(1);
    expect(await createdEventsFor([before?.id ?? ''])).toHaveLength(1);
    await ok(call(app, ben, 'POST', `/api/v1/notifications/${before?.id}/read`));
    await redeliver('comment.created', comment.id, 'notifications.comment-created');
    expect(await rowsFor(app, ben.person.id)).toHaveLength(1);
    // A new reply after reading still starts a new notification.
    await ok(call(app, ana, 'POST', `/api/v1/posts/${p.id}/comments`, { body: 'Another reply' }));
    await app.drainEvents();
    expect(await rowsFor(app, ben.person.id)).toHaveLength(2);
  });

  it('a poll whose closing job has run is not closed a second time', async () => {
    const ana = await signedIn(app, { name: 'Ana' });
    const closesAt = new Date(Date.now() + 3_600_000).toISOString();
    const poll = await post(app, ana, {
      kind: 'poll',
      body: 'Lunch?',
      poll: { options: ['Pizza', 'Sushi'], closesAt },
    });
    await app.drainEvents();
    const later = new Date(Date.now() + 2 * 3_600_000);
    await app.drainJobs(later);
    await app.drainEvents();
    await redeliver('post.created', poll.id, 'notifications.post-created');
    const job = await app.ctx.db
      .selectFrom('scheduled_jobs')
      .select('status')
      .where('job_key', '=', pollClosedKey(poll.id))
      .executeTakeFirst();
    expect(job?.status).toBe('done');
    await app.drainJobs(later);
    const closed = await app.ctx.db
      .selectFrom('events')
      .select('id')
      .where('name', '=', 'poll.closed')
      .where('subject_id', '=', poll.id)
      .execute();
    expect(closed).toHaveLength(1);
  });
});
