import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const remove = (who: Parameters<typeof call>[1], id: string) =>
  call(app, who, 'DELETE', `/api/v1/comments/${id}`);

interface View {
  id: string;
  deleted: boolean;
  author: unknown;
  body: string | null;
  bodyHtml: string | null;
  replyCount: number;
  replies: View[];
  abilities: Record<string, boolean>;
}

const threadOf = async (postId: string): Promise<View[]> =>
  (await call(app, w.employee, 'GET', `/api/v1/posts/${postId}/comments`)).json().items;

/**
 * The stored counters must equal a recount from the rows: a post counts its live comments; a comment
 * counts its shown direct replies (live, or deleted but still answered).
 */
async function expectCountsConsistent(postId: string) {
  const rows = await app.ctx.db.selectFrom('comments').selectAll().where('post_id', '=', postId).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const shown = new Map<string, boolean>();
  const isShown = (id: string): boolean => {
    const known = shown.get(id);
    if (known !== undefined) return known;
    const row = byId.get(id);
    const result =
      row !== undefined &&
      (row.deleted_at === null || rows.some((child) => child.parent_id === id && isShown(child.id)));
    shown.set(id, result);
    return result;
  };
  for (const row of rows) {
    const expected = rows.filter((child) => child.parent_id === row.id && isShown(child.id)).length;
    expect(Number(row.reply_count), `reply_count of ${row.body}`).toBe(expected);
  }
  const post = await app.ctx.db
    .selectFrom('posts')
    .select('comment_count')
    .where('id', '=', postId)
    .executeTakeFirstOrThrow();
  expect(Number(post.comment_count)).toBe(rows.filter((r) => r.deleted_at === null).length);
}

describe('DELETE /comments/{id}', () => {
  it('401; 404 missing, unreadable or already deleted; 403 for others than the author and moderators', async () => {
    const c = await comment(app, w.employee, w.posts.internalOpen.id, 'mine');
    const bystander = await signedIn(app);
    const before = await conversationCounts(app);
    expect((await remove(undefined, c.id)).statusCode).toBe(401);
    await expectRefusedAndUnchanged(app, before, await remove(w.employee, 'no-such-comment'), 404);
    await expectRefusedAndUnchanged(app, before, await remove(w.external, c.id), 404);
    await expectRefusedAndUnchanged(app, before, await remove(bystander, c.id), 403);
    expect((await remove(w.employee, c.id)).statusCode).toBe(204);
    const after = await conversationCounts(app);
    await expectRefusedAndUnchanged(app, after, await remove(w.employee, c.id), 404);
  });

  it('soft-deletes: a deleted comment with replies stays as a placeholder; without, it disappears', async () => {
    const post = await insertPost(app, w.owner);
    const a = await comment(app, w.owner, post.id, 'A');
    const a1 = await comment(app, w.employee, post.id, 'A1', a.id);
    const a1x = await comment(app, w.owner, post.id, 'A1x', a1.id);
    const b = await comment(app, w.employee, post.id, 'B');
    await expectCountsConsistent(post.id);

    expect((await remove(w.owner, a.id)).statusCode).toBe(204);
    await expectCountsConsistent(post.id);
    let thread = await threadOf(post.id);
    expect(thread.map((v) => v.id)).toEqual([a.id, b.id]);
    expect(thread[0]).toMatchObject({
      deleted: true,
      author: null,
      body: null,
      bodyHtml: null,
      replyCount: 1,
    });
    expect(thread[0]?.abilities).toEqual({
      edit: false,
      delete: false,
      hide: false,
      react: false,
      reply: false,
    });
    expect(thread[0]?.replies.map((v) => v.id)).toEqual([a1.id]);
    // Its replies stay reachable through "continue thread", and nobody can answer it any more.
    expect(
      (await call(app, w.employee, 'GET', `/api/v1/comments/${a.id}/replies`)).json().items,
    ).toHaveLength(1);
    const refused = await call(app, w.employee, 'POST', `/api/v1/posts/${post.id}/comments`, {
      body: 'answering a deleted comment',
      parentId: a.id,
    });
    expect(refused.statusCode).toBe(400);

    // The last shown reply under a deleted chain goes: the whole chain disappears.
    expect((await remove(w.employee, a1.id)).statusCode).toBe(204);
    await expectCountsConsistent(post.id);
    expect((await threadOf(post.id))[0]?.replies[0]).toMatchObject({
      id: a1.id,
      deleted: true,
      replyCount: 1,
    });
    expect((await remove(w.owner, a1x.id)).statusCode).toBe(204);
    await expectCountsConsistent(post.id);
    thread = await threadOf(post.id);
    expect(thread.map((v) => v.id)).toEqual([b.id]);
    expect((await call(app, w.employee, 'GET', `/api/v1/comments/${a.id}/replies`)).statusCode).toBe(404);
  });

  it('keeps the counters right through any order of replies and deletions', async () => {
    const post = await insertPost(app, w.owner);
    const ids: string[] = [];
    // A fixed, irregular shape: each new comment answers an earlier one (or the post).
    const parents = [-1, 0, 0, 1, 3, -1, 5, 1, 4, 2, 8, -1];
    for (const [n, parent] of parents.entries()) {
      const parentId = parent >= 0 ? ids[parent] : undefined;
      ids.push((await comment(app, n % 2 ? w.owner : w.employee, post.id, `c${n}`, parentId)).id);
    }
    for (const index of [3, 0, 8, 4, 10, 1, 7, 2, 11]) {
      const id = ids[index] ?? '';
      expect((await remove(w.moderator, id)).statusCode).toBe(204);
      await expectCountsConsistent(post.id);
    }
  });

  it('keeps the counters right when replies and deletions race', async () => {
    const post = await insertPost(app, w.owner);
    for (let round = 0; round < 4; round++) {
      const parent = await comment(app, w.owner, post.id, `parent ${round}`);
      const sibling = await comment(app, w.employee, post.id, `sibling ${round}`, parent.id);
      const reply = (n: number) =>
        call(app, w.employee, 'POST', `/api/v1/posts/${post.id}/comments`, {
          body: `reply ${round}.${n}`,
          parentId: parent.id,
        });
      const results = await Promise.all([
        reply(1),
        remove(w.owner, parent.id),
        remove(w.employee, sibling.id),
        reply(2),
      ]);
      const [r1, deleted, siblingDeleted, r2] = results.map((r) => r.statusCode);
      expect([deleted, siblingDeleted]).toEqual([204, 204]);
      expect([201, 400]).toContain(r1);
      expect([201, 400]).toContain(r2);
      await expectCountsConsistent(post.id);
    }
  });

  it('moderators delete others’ comments (audited); the author’s own deletion is not audited; event and side effects', async () => {
    const mentioned = await signedIn(app, { handle: 'mentioned-once' });
    const post = await insertPost(app, w.owner);
    const byAuthor = await comment(app, w.employee, post.id, 'Hi @mentioned-once');
    const byModerator = await comment(app, w.employee, post.id, 'Second');
    const mentionsOf = (id: string) =>
      app.ctx.db.selectFrom('mentions').select('person_id').where('subject_id', '=', id).execute();
    expect(await mentionsOf(byAuthor.id)).toEqual([{ person_id: mentioned.person.id }]);
    await app.ctx.db
      .updateTable('posts')
      .set({ accepted_comment_id: byModerator.id })
      .where('id', '=', post.id)
      .execute();
    expect((await remove(w.employee, byAuthor.id)).statusCode).toBe(204);
    expect((await remove(w.moderator, byModerator.id)).statusCode).toBe(204);
    const audits = await app.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('target_id', 'in', [byAuthor.id, byModerator.id])
      .execute();
    expect(audits.map((a) => [a.action, a.target_id, a.actor_id])).toEqual([
      ['comment.deleted', byModerator.id, w.moderator.person.id],
    ]);
    const events = await app.ctx.db
      .selectFrom('events')
      .select(['subject_id', 'payload'])
      .where('name', '=', 'comment.deleted')
      .where('subject_id', 'in', [byAuthor.id, byModerator.id])
      .orderBy('id')
      .execute();
    expect(events.map((e) => JSON.parse(e.payload).byModerator)).toEqual([false, true]);
    expect(await mentionsOf(byAuthor.id)).toEqual([]);
    const row = await app.ctx.db
      .selectFrom('posts')
      .select(['accepted_comment_id', 'comment_count'])
      .where('id', '=', post.id)
      .executeTakeFirstOrThrow();
    expect(row.accepted_comment_id).toBeNull();
    expect(Number(row.comment_count)).toBe(0);
  });
});
