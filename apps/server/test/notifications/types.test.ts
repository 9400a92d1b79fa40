import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/db/time.ts';
import { type Session, signedIn } from '../support/factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { call, inbox, ok, post, unread } from './helpers.ts';

let app: TestApp;
let ana: Session;
let ben: Session;
let carl: Session;
let admin: Session;

const person = async (name: string, extra: Parameters<typeof signedIn>[1] = {}) =>
  signedIn(app, { name, handle: `${name.split(' ')[0]?.toLowerCase()}-${newId().slice(-8)}`, ...extra });

beforeAll(async () => {
  app = await createTestApp();
  ana = await person('Ana Ruiz');
  ben = await person('Ben Li');
  carl = await person('Carl Diaz');
  admin = await person('Ada Admin', { role: 'admin' });
});
afterAll(async () => {
  await app.close();
});

/** Every notification of `who` since the last read-all, then marks them read. */
async function fresh(who: Session) {
  const items = await inbox(app, who, 'status=unread');
  await ok(call(app, who, 'POST', '/api/v1/notifications/read-all'));
  return items;
}

const comment = async (who: Session, postId: string, body: string, parentId?: string) =>
  (
    await ok(
      call(app, who, 'POST', `/api/v1/posts/${postId}/comments`, { body, ...(parentId ? { parentId } : {}) }),
    )
  ).json() as {
    id: string;
  };

describe('every notification type, made by the real commands', () => {
  it('mention in a post, and only the newly mentioned on an edit', async () => {
    const p = await post(app, ana, { body: `Hello @${ben.person.handle}, see this plan` });
    const [mention, ...rest] = await fresh(ben);
    expect(rest).toEqual([]);
    expect(mention).toMatchObject({
      type: 'mention',
      text: 'Ana Ruiz mentioned you in a post',
      url: `/posts/${p.id}`,
      postId: p.id,
      actorCount: 1,
      space: null,
      readAt: null,
    });
    expect(mention?.actors.map((a) => a.id)).toEqual([ana.person.id]);
    expect(mention?.excerpt).toContain('see this plan');
    await ok(
      call(app, ana, 'PATCH', `/api/v1/posts/${p.id}`, {
        body: `Hello @${ben.person.handle} and @${carl.person.handle}`,
      }),
    );
    expect(await fresh(ben)).toEqual([]);
    expect((await fresh(carl)).map((n) => n.type)).toEqual(['mention']);
  });

  it('reply to my post, reply to my comment (grouped per post for the post author), mention in a comment', async () => {
    const p = await post(app, ana, { body: 'Thoughts?' });
    const first = await comment(ben, p.id, 'Looks good');
    const [reply] = await inbox(app, ana, 'status=unread');
    expect(reply).toMatchObject({
      type: 'reply',
      text: 'Ben Li replied to your post',
      url: `/posts/${p.id}#comment-${first.id}`,
      excerpt: 'Looks good',
    });
    const second = await comment(carl, p.id, `Agreed with @${admin.person.handle}`, first.id);
    const forBen = await fresh(ben);
    expect(forBen).toHaveLength(1);
    expect(forBen[0]).toMatchObject({
      type: 'reply',
      text: 'Carl Diaz replied to your comment',
      url: `/posts/${p.id}#comment-${second.id}`,
    });
    const forAna = await fresh(ana);
    expect(forAna).toHaveLength(1);
    expect(forAna[0]).toMatchObject({
      type: 'reply',
      actorCount: 2,
      text: 'Carl Diaz and Ben Li replied to your post',
    });
    expect((await fresh(admin)).map((n) => [n.type, n.text])).toEqual([
      ['mention', 'Carl Diaz mentioned you in a comment'],
    ]);
  });

  it('answer to my question, and my answer accepted', async () => {
    const q = await post(app, ana, { kind: 'question', body: 'How do I file expenses?' });
    const answer = await comment(ben, q.id, 'Use the finance portal');
    expect((await fresh(ana)).map((n) => [n.type, n.text])).toEqual([
      ['answer', 'Ben Li answered your question'],
    ]);
    await ok(call(app, ana, 'PUT', `/api/v1/posts/${q.id}/accepted-answer`, { commentId: answer.id }));
    const [accepted, ...rest] = await fresh(ben);
    expect(rest).toEqual([]);
    expect(accepted).toMatchObject({
      type: 'answer_accepted',
      text: 'Ana Ruiz accepted your answer',
      url: `/posts/${q.id}#comment-${answer.id}`,
      excerpt: 'Use the finance portal',
    });
  });

  it('reaction on my post and a new follower', async () => {
    const p = await post(app, ana, { body: 'Shipped!' });
    await ok(call(app, ben, 'PUT', `/api/v1/posts/${p.id}/reactions/celebrate`));
    await ok(call(app, carl, 'PUT', `/api/v1/people/${ana.person.handle}/follow`));
    const items = await fresh(ana);
    items.sort((a, b) => a.type.localeCompare(b.type));
    expect(items.map((n) => [n.type, n.text, n.url])).toEqual([
      ['new_follower', 'Carl Diaz started following you', `/people/${carl.person.handle}`],
      ['reaction', 'Ben Li reacted to your post', `/posts/${p.id}`],
    ]);
  });

  it('invitation, join request to the space admins, request approved', async () => {
    const space = await buildSpace(app, ana, { name: 'Finance Club', visibility: 'private' });
    await addMember(app, space, admin, 'admin');
    const invited = await ok(
      call(app, ana, 'POST', `/api/v1/spaces/${space.handle}/invitations`, { personId: ben.person.id }),
    );
    expect(invited.statusCode).toBe(201);
    const [invitation] = await fresh(ben);
    expect(invitation).toMatchObject({
      type: 'invitation',
      text: 'Ana Ruiz invited you to join Finance Club',
      url: '/spaces',
      space: { id: space.id, name: 'Finance Club' },
    });
    const request = (
      await ok(call(app, carl, 'POST', `/api/v1/spaces/${space.handle}/join-requests`, { message: 'hi' }))
    ).json() as { id: string };
    for (const manager of [ana, admin]) {
      const [asked] = await fresh(manager);
      expect(asked).toMatchObject({
        type: 'join_request',
        text: 'Carl Diaz asked to join Finance Club',
        url: `/spaces/${space.handle}/requests`,
      });
    }
    await ok(call(app, admin, 'POST', `/api/v1/spaces/${space.handle}/join-requests/${request.id}/approve`));
    const [approved] = await fresh(carl);
    expect(approved).toMatchObject({
      type: 'request_approved',
      text: 'Your request to join Finance Club was approved',
      url: `/spaces/${space.handle}`,
    });
    expect(approved?.actors.map((a) => a.id)).toEqual([admin.person.id]);
    expect(await fresh(ana)).toEqual([]);
  });

  it('praise received, and an announcement to every active reader', async () => {
    await fresh(ben);
    await fresh(carl);
    await ok(
      call(app, ana, 'POST', '/api/v1/posts', {
        target: { type: 'company' },
        kind: 'praise',
        body: `Thanks @${carl.person.handle}`,
        praise: { recipientIds: [ben.person.id, carl.person.id], badge: 'mentor' },
      }),
    );
    expect((await fresh(ben)).map((n) => [n.type, n.text])).toEqual([['praise', 'Ana Ruiz praised you']]);
    // Praised and mentioned: one notification, the praise.
    expect((await fresh(carl)).map((n) => n.type)).toEqual(['praise']);

    const announcement = await post(app, admin, {
      kind: 'announcement',
      body: 'Office closed Friday',
      announcement: {},
    });
    for (const reader of [ana, ben, carl]) {
      const [item, ...rest] = await fresh(reader);
      expect(rest).toEqual([]);
      expect(item).toMatchObject({
        type: 'announcement',
        text: 'Ada Admin posted an announcement',
        postId: announcement.id,
        excerpt: 'Office closed Friday',
      });
    }
    expect(await fresh(admin)).toEqual([]);

    const space = await buildSpace(app, ana, { name: 'Design Guild' });
    await addMember(app, space, ben);
    await ok(
      call(app, ana, 'POST', '/api/v1/posts', {
        target: { type: 'space', id: space.id },
        kind: 'announcement',
        body: 'New brand colours',
      }),
    );
    expect((await fresh(ben)).map((n) => [n.type, n.text, n.space?.name])).toEqual([
      ['announcement', 'Ana Ruiz posted an announcement in Design Guild', 'Design Guild'],
    ]);
    // Not a member of the open space: not in its audience.
    expect(await fresh(carl)).toEqual([]);
  });

  it('poll closed, for its author and its voters, when the closing job runs', async () => {
    const closesAt = new Date(Date.now() + 3_600_000).toISOString();
    const poll = await post(app, ana, {
      kind: 'poll',
      body: 'Lunch?',
      poll: { options: ['Pizza', 'Sushi'], closesAt },
    });
    const options = (poll.poll as { options: Array<{ id: string }> }).options;
    await ok(call(app, ben, 'PUT', `/api/v1/posts/${poll.id}/vote`, { optionIds: [options[0]?.id] }));
    await app.drainEvents();
    await app.drainJobs();
    expect(await unread(app, ana)).toBe(0);
    await app.drainJobs(new Date(Date.now() + 2 * 3_600_000));
    expect((await fresh(ana)).map((n) => [n.type, n.text, n.url])).toEqual([
      ['poll_closed', 'Your poll has closed', `/posts/${poll.id}`],
    ]);
    expect((await fresh(ben)).map((n) => [n.type, n.text])).toEqual([
      ['poll_closed', 'A poll you voted in has closed'],
    ]);
    expect(await fresh(carl)).toEqual([]);
  });
});
