import { LIMITS } from '@atrium/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../src/platform/db/time.ts';
import {
  type ConversationWorld,
  call,
  comment,
  conversationCounts,
  conversationWorld,
  expectRefusedAndUnchanged,
  insertPost,
} from '../support/conversation-factories.ts';
import { signedIn } from '../support/factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let w: ConversationWorld;

beforeAll(async () => {
  app = await createTestApp();
  w = await conversationWorld(app);
});
afterAll(async () => {
  await app.close();
});

const post = (who: Parameters<typeof call>[1], postId: string, payload: unknown) =>
  call(app, who, 'POST', `/api/v1/posts/${postId}/comments`, payload);

const commentRow = (id: string) =>
  app.ctx.db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const commentCount = async (postId: string) =>
  (
    await app.ctx.db
      .selectFrom('posts')
      .select('comment_count')
      .where('id', '=', postId)
      .executeTakeFirstOrThrow()
  ).comment_count;

describe('POST /posts/{id}/comments', () => {
  it('401 anonymous, before looking at the input', async () => {
    const res = await post(undefined, w.posts.company.id, { nonsense: true });
    expect(res.statusCode).toBe(401);
  });

  it('400 for an empty, blank, oversize or unexpected body, storing nothing', async () => {
    const before = await conversationCounts(app);
    const target = w.posts.company.id;
    for (const payload of [
      {},
      { body: '' },
      { body: '   \n\t ' },
      { body: 'x'.repeat(LIMITS.commentBody + 1) },
      { body: 'hello', extra: 1 },
      { body: 42 },
    ]) {
      await expectRefusedAndUnchanged(app, before, await post(w.owner, target, payload), 400);
    }
    // Code points, not UTF-16 units: the limit in emoji is accepted.
    const emoji = '😀'.repeat(LIMITS.commentBody);
    expect((await post(w.owner, target, { body: emoji })).statusCode).toBe(201);
  });

  it('404 for a missing post and for posts the viewer may not read, identical bodies', async () => {
    const before = await conversationCounts(app);
    const missing = await post(w.employee, '0190a0a0-0000-7000-8000-000000000000', { body: 'hi' });
    await expectRefusedAndUnchanged(app, before, missing, 404);
    const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined, requestId: undefined });
    for (const [who, target] of [
      [w.external, w.posts.company],
      [w.external, w.posts.internalOpen],
      [w.external, w.posts.internalPrivate],
      [w.employee, w.posts.internalPrivate],
    ] as const) {
      const res = await post(who, target.id, { body: 'let me in' });
      await expectRefusedAndUnchanged(app, before, res, 404);
      expect(strip(res.json())).toEqual(strip(missing.json()));
    }
    const deleted = await insertPost(app, w.owner, { type: 'company' }, { deleted_at: nowIso() });
    const withDeleted = await conversationCounts(app);
    await expectRefusedAndUnchanged(app, withDeleted, await post(w.owner, deleted.id, { body: 'hi' }), 404);
  });

  it('a hidden post is 404 to others and closed (403) to its author; an archived space answers 409', async () => {
    const hidden = await insertPost(app, w.owner, { type: 'company' }, { hidden_at: nowIso() });
    const before = await conversationCounts(app);
    await expectRefusedAndUnchanged(app, before, await post(w.employee, hidden.id, { body: 'hi' }), 404);
    await expectRefusedAndUnchanged(app, before, await post(w.owner, hidden.id, { body: 'hi' }), 403);
    const space = await buildSpace(app, w.owner, { visibility: 'open' });
    const archived = await insertPost(app, w.owner, { type: 'space', id: space.id });
    await app.ctx.db
      .updateTable('spaces')
      .set({ archived_at: nowIso() })
      .where('id', '=', space.id)
      .execute();
    const closed = await conversationCounts(app);
    await expectRefusedAndUnchanged(app, closed, await post(w.owner, archived.id, { body: 'hi' }), 409);
  });

  it('creates a comment: 201 view, counts, rendered markdown, event', async () => {
    const target = await insertPost(app, w.owner);
    const res = await post(w.employee, target.id, { body: 'Nice **work** <script>x</script>' });
    expect(res.statusCode).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({
      postId: target.id,
      parentId: null,
      depth: 0,
      author: { id: w.employee.person.id, handle: w.employee.person.handle, name: 'Emma Employee' },
      body: 'Nice **work** <script>x</script>',
      deleted: false,
      hidden: false,
      replyCount: 0,
      replies: [],
      repliesCursor: null,
      reactions: { counts: [], mine: [] },
      abilities: { edit: true, delete: true, hide: false, react: true, reply: true },
    });
    expect(view.bodyHtml).toContain('<strong>work</strong>');
    expect(view.bodyHtml).not.toContain('<script>');
    expect(await commentCount(target.id)).toBe(1);
    const events = await app.ctx.db
      .selectFrom('events')
      .selectAll()
      .where('name', '=', 'comment.created')
      .where('subject_id', '=', view.id)
      .execute();
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]?.payload ?? '{}')).toEqual({
      postId: target.id,
      parentId: null,
      mentionedIds: [],
    });
  });

  it('replies: depth and reply_count follow the parent; the depth limit answers 400', async () => {
    const target = await insertPost(app, w.owner);
    let parent = await comment(app, w.owner, target.id, 'level 0');
    for (let depth = 1; depth <= LIMITS.commentDepth; depth++) {
      const reply = await comment(app, w.employee, target.id, `level ${depth}`, parent.id);
      expect(reply.depth).toBe(depth);
      expect(reply.parentId).toBe(parent.id);
      expect((await commentRow(parent.id)).reply_count).toBe(1);
      parent = reply;
    }
    expect(parent.abilities).toMatchObject({ reply: false });
    const before = await conversationCounts(app);
    const res = await post(w.owner, target.id, { body: 'too deep', parentId: parent.id });
    await expectRefusedAndUnchanged(app, before, res, 400);
    expect(res.json().errors[0].path).toBe('body/parentId');
    expect(await commentCount(target.id)).toBe(LIMITS.commentDepth + 1);
  });

  it('400 for a parent that is missing, deleted, hidden or under another post', async () => {
    const target = await insertPost(app, w.owner);
    const other = await insertPost(app, w.owner);
    const elsewhere = await comment(app, w.owner, other.id, 'elsewhere');
    const deleted = await comment(app, w.owner, target.id, 'deleted');
    expect((await call(app, w.owner, 'DELETE', `/api/v1/comments/${deleted.id}`)).statusCode).toBe(204);
    const hidden = await comment(app, w.owner, target.id, 'hidden');
    expect((await call(app, w.moderator, 'PUT', `/api/v1/comments/${hidden.id}/hidden`, {})).statusCode).toBe(
      200,
    );
    const before = await conversationCounts(app);
    for (const parentId of ['no-such-comment', elsewhere.id, deleted.id, hidden.id]) {
      await expectRefusedAndUnchanged(
        app,
        before,
        await post(w.owner, target.id, { body: 'hi', parentId }),
        400,
      );
    }
  });

  it('external people comment where they read: an open external space, and their community', async () => {
    for (const target of [w.posts.externalOpen, w.posts.community]) {
      const res = await post(w.external, target.id, { body: 'From a customer' });
      expect(res.statusCode).toBe(201);
      expect(res.json().author.id).toBe(w.external.person.id);
    }
  });

  it('mentions link and are stored only for active people who can read the post and whom the author sees', async () => {
    const space = await buildSpace(app, w.owner, { visibility: 'private' });
    const target = await insertPost(app, w.owner, { type: 'space', id: space.id });
    const insider = await signedIn(app, { handle: 'insider-person', name: 'Ina Insider' });
    await addMember(app, space, insider);
    // An employee outside the private space: exists, but cannot read the post.
    await signedIn(app, { handle: 'outsider-person', name: 'Otto Outsider' });
    const gone = await signedIn(app, { handle: 'gone-person', name: 'Gone Person' });
    await addMember(app, space, gone);
    await app.ctx.db
      .updateTable('people')
      .set({ status: 'deactivated' })
      .where('id', '=', gone.person.id)
      .execute();
    const res = await post(w.owner, target.id, {
      body: 'Hi @insider-person, @outsider-person, @gone-person and @nobody-at-all',
    });
    expect(res.statusCode).toBe(201);
    const html: string = res.json().bodyHtml;
    expect(html).toContain('href="/people/insider-person"');
    expect(html).not.toMatch(/href="[^"]*outsider-person/);
    expect(html).not.toMatch(/href="[^"]*gone-person/);
    expect(html).toContain('@outsider-person');
    const mentions = await app.ctx.db
      .selectFrom('mentions')
      .selectAll()
      .where('subject_type', '=', 'comment')
      .where('subject_id', '=', res.json().id)
      .execute();
    expect(mentions.map((m) => m.person_id)).toEqual([insider.person.id]);
    expect(mentions[0]?.post_id).toBe(target.id);
    const event = await app.ctx.db
      .selectFrom('events')
      .select('payload')
      .where('name', '=', 'comment.created')
      .where('subject_id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.payload).mentionedIds).toEqual([insider.person.id]);
  });

  it('an external author cannot mention (nor detect) people they may not see, even readers of the post', async () => {
    // Employee reads the open external space but shares no space with the external person.
    const res = await post(w.external, w.posts.externalOpen.id, {
      body: `Hello @${w.employee.person.handle} and @${w.owner.person.handle}`,
    });
    expect(res.statusCode).toBe(201);
    const mentions = await app.ctx.db
      .selectFrom('mentions')
      .select('person_id')
      .where('subject_id', '=', res.json().id)
      .execute();
    // The owner shares the community with them; the employee does not.
    expect(mentions.map((m) => m.person_id)).toEqual([w.owner.person.id]);
  });
});
