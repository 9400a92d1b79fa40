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
import { type Session, signedIn } from '../support/factories.ts';
import { buildSpace } from '../support/space-factories.ts';
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

type Path = 'posts' | 'comments';
const react = (who: Session | undefined, path: Path, id: string, kind: string) =>
  call(app, who, 'PUT', `/api/v1/${path}/${id}/reactions/${kind}`);
const unreact = (who: Session | undefined, path: Path, id: string, kind: string) =>
  call(app, who, 'DELETE', `/api/v1/${path}/${id}/reactions/${kind}`);

const totalOf = async (subjectId: string, kind: string) => {
  const row = await app.ctx.db
    .selectFrom('reaction_totals')
    .select('total')
    .where('subject_id', '=', subjectId)
    .where('kind', '=', kind as 'like')
    .executeTakeFirst();
  return Number(row?.total ?? 0);
};
const rowsOf = async (subjectId: string) =>
  app.ctx.db.selectFrom('reactions').selectAll().where('subject_id', '=', subjectId).execute();
const eventsOf = async (subjectId: string) =>
  (
    await app.ctx.db
      .selectFrom('events')
      .select(['name', 'payload'])
      .where('subject_id', '=', subjectId)
      .where('name', 'in', ['reaction.added', 'reaction.removed'])
      .orderBy('id')
      .execute()
  ).map((e) => ({ name: e.name, ...JSON.parse(e.payload) }));

describe.each(['posts', 'comments'] as const)('PUT/DELETE /%s/{id}/reactions/{kind}', (path) => {
  const subjectIn = async (postId: string) =>
    path === 'posts' ? postId : (await comment(app, w.owner, postId, 'something to react to')).id;

  it('401 anonymous; 400 for an unknown kind; 404 for missing and unreadable subjects; nothing stored', async () => {
    const readable = await subjectIn(w.posts.internalOpen.id);
    const before = await conversationCounts(app);
    expect((await react(undefined, path, readable, 'like')).statusCode).toBe(401);
    expect((await unreact(undefined, path, readable, 'like')).statusCode).toBe(401);
    await expectRefusedAndUnchanged(app, before, await react(w.employee, path, readable, 'meh'), 400);
    await expectRefusedAndUnchanged(app, before, await unreact(w.employee, path, readable, 'LIKE'), 400);
    await expectRefusedAndUnchanged(app, before, await react(w.employee, path, 'no-such-thing', 'like'), 404);
    await expectRefusedAndUnchanged(app, before, await react(w.external, path, readable, 'like'), 404);
    await expectRefusedAndUnchanged(app, before, await unreact(w.external, path, readable, 'like'), 404);
  });

  it('reacting twice keeps one reaction (200 both times); others add up; taking back is idempotent', async () => {
    const id = await subjectIn(w.posts.company.id);
    const first = await react(w.employee, path, id, 'like');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ counts: [{ kind: 'like', count: 1 }], mine: ['like'] });
    const twice = await react(w.employee, path, id, 'like');
    expect(twice.statusCode).toBe(200);
    expect(twice.json()).toEqual(first.json());
    expect(await rowsOf(id)).toHaveLength(1);
    expect(await totalOf(id, 'like')).toBe(1);

    expect((await react(w.employee, path, id, 'celebrate')).json()).toEqual({
      counts: [
        { kind: 'like', count: 1 },
        { kind: 'celebrate', count: 1 },
      ],
      mine: ['like', 'celebrate'],
    });
    expect((await react(w.owner, path, id, 'like')).json()).toEqual({
      counts: [
        { kind: 'like', count: 2 },
        { kind: 'celebrate', count: 1 },
      ],
      mine: ['like'],
    });

    const removed = await unreact(w.employee, path, id, 'like');
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toEqual({
      counts: [
        { kind: 'like', count: 1 },
        { kind: 'celebrate', count: 1 },
      ],
      mine: ['celebrate'],
    });
    expect((await unreact(w.employee, path, id, 'like')).json()).toEqual(removed.json());
    expect(await totalOf(id, 'like')).toBe(1);

    const subjectType = path === 'posts' ? 'post' : 'comment';
    const events = await eventsOf(id);
    expect(events.map((e) => [e.name, e.kind])).toEqual([
      ['reaction.added', 'like'],
      ['reaction.added', 'celebrate'],
      ['reaction.added', 'like'],
      ['reaction.removed', 'like'],
    ]);
    expect(events[0]?.postId).toBe(w.posts.company.id);
    const stored = await app.ctx.db
      .selectFrom('events')
      .select('subject_type')
      .where('subject_id', '=', id)
      .where('name', '=', 'reaction.added')
      .executeTakeFirstOrThrow();
    expect(stored.subject_type).toBe(subjectType);
  });

  it('counts stay exact under concurrent requests', async () => {
    const id = await subjectIn((await insertPost(app, w.owner)).id);
    const people: Session[] = [];
    for (let i = 0; i < 5; i++) people.push(await signedIn(app));
    const sameTwice = [...people, ...people].map((who) => react(who, path, id, 'love'));
    const results = await Promise.all(sameTwice);
    expect(results.map((r) => r.statusCode)).toEqual(results.map(() => 200));
    expect(await totalOf(id, 'love')).toBe(5);
    expect(await rowsOf(id)).toHaveLength(5);
    await Promise.all([...people, ...people].map((who) => unreact(who, path, id, 'love')));
    expect(await totalOf(id, 'love')).toBe(0);
    expect(await rowsOf(id)).toHaveLength(0);
    const summary = await react(w.owner, path, id, 'thanks');
    expect(summary.json()).toEqual({ counts: [{ kind: 'thanks', count: 1 }], mine: ['thanks'] });
  });

  it('external people react where they read; 403 on a hidden post, 409 in an archived space', async () => {
    const id = await subjectIn(w.posts.externalOpen.id);
    expect((await react(w.external, path, id, 'insightful')).statusCode).toBe(200);

    const hiddenPost = await insertPost(app, w.owner);
    const hiddenId = await subjectIn(hiddenPost.id);
    await app.ctx.db
      .updateTable('posts')
      .set({ hidden_at: nowIso() })
      .where('id', '=', hiddenPost.id)
      .execute();
    const space = await buildSpace(app, w.owner, { visibility: 'open' });
    const archivedPost = await insertPost(app, w.owner, { type: 'space', id: space.id });
    const archivedId = await subjectIn(archivedPost.id);
    await app.ctx.db
      .updateTable('spaces')
      .set({ archived_at: nowIso() })
      .where('id', '=', space.id)
      .execute();
    const before = await conversationCounts(app);
    await expectRefusedAndUnchanged(app, before, await react(w.employee, path, hiddenId, 'like'), 404);
    await expectRefusedAndUnchanged(app, before, await react(w.owner, path, hiddenId, 'like'), 403);
    await expectRefusedAndUnchanged(app, before, await react(w.owner, path, archivedId, 'like'), 409);
  });
});

describe('reactions on comments', () => {
  it('403 on a hidden comment, 404 on a deleted one; comment views carry the summary', async () => {
    const post = await insertPost(app, w.owner);
    const hidden = await comment(app, w.employee, post.id, 'hidden');
    const deleted = await comment(app, w.employee, post.id, 'deleted');
    const liked = await comment(app, w.employee, post.id, 'liked');
    await call(app, w.moderator, 'PUT', `/api/v1/comments/${hidden.id}/hidden`, {});
    await call(app, w.employee, 'DELETE', `/api/v1/comments/${deleted.id}`);
    const before = await conversationCounts(app);
    await expectRefusedAndUnchanged(app, before, await react(w.owner, 'comments', hidden.id, 'like'), 403);
    await expectRefusedAndUnchanged(app, before, await react(w.owner, 'comments', deleted.id, 'like'), 404);
    await react(w.owner, 'comments', liked.id, 'funny');
    await react(w.moderator, 'comments', liked.id, 'funny');
    const list = await call(app, w.owner, 'GET', `/api/v1/posts/${post.id}/comments`);
    const view = list.json().items.find((c: { id: string }) => c.id === liked.id);
    expect(view.reactions).toEqual({ counts: [{ kind: 'funny', count: 2 }], mine: ['funny'] });
  });
});
