import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, signedIn } from '../support/factories.ts';
import { buildPost } from '../support/post-factories.ts';
import { buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { call, expectStatus, getPost } from './helpers.ts';

let app: TestApp;
let me: Session;
let author: Session;
beforeAll(async () => {
  app = await createTestApp();
  me = await signedIn(app);
  author = await signedIn(app);
});
afterAll(async () => {
  await app.close();
});

const bookmark = (who: Session | undefined, id: string, method: 'PUT' | 'DELETE' = 'PUT') =>
  call(app, who, method, `/api/v1/posts/${id}/bookmark`);

/** Bookmarks made within one millisecond would tie; give each a distinct time, in creation order. */
async function spreadBookmarkTimes(who: Session, postIds: string[]) {
  for (const [index, postId] of postIds.entries()) {
    await app.ctx.db
      .updateTable('bookmarks')
      .set({ created_at: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString() })
      .where('person_id', '=', who.person.id)
      .where('post_id', '=', postId)
      .execute();
  }
}

async function listIds(who: Session, query = '') {
  const res = await call(app, who, 'GET', `/api/v1/bookmarks${query}`);
  expectStatus(res, 200);
  const body = res.json() as { items: Array<{ id: string; bookmarked: boolean }>; nextCursor: string | null };
  for (const item of body.items) expect(item.bookmarked).toBe(true);
  return { ids: body.items.map((item) => item.id), nextCursor: body.nextCursor };
}

describe('bookmarks', () => {
  it('answers 401 anonymously, 404 for a post I may not read, 400 for a bad page', async () => {
    const row = await buildPost(app, author);
    const secret = await buildSpace(app, author, { visibility: 'secret' });
    const hidden = await buildPost(app, author, { target: { type: 'space', id: secret.id } });
    expectStatus(await bookmark(undefined, row.id), 401);
    expectStatus(await bookmark(undefined, row.id, 'DELETE'), 401);
    expectStatus(await call(app, undefined, 'GET', '/api/v1/bookmarks'), 401);
    expectStatus(await bookmark(me, hidden.id), 404);
    expectStatus(await bookmark(me, '01900000-0000-7000-8000-000000000000'), 404);
    expectStatus(await call(app, me, 'GET', '/api/v1/bookmarks?limit=0'), 400);
    expectStatus(await call(app, me, 'GET', '/api/v1/bookmarks?cursor=nope'), 400);
    const rows = await app.ctx.db
      .selectFrom('bookmarks')
      .selectAll()
      .where('person_id', '=', me.person.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('bookmarks (idempotently), lists newest bookmark first page by page, and removes', async () => {
    const posts = [await buildPost(app, author), await buildPost(app, author), await buildPost(app, author)];
    for (const post of posts) expectStatus(await bookmark(me, post.id), 204);
    expectStatus(await bookmark(me, posts[0]?.id ?? ''), 204);
    await spreadBookmarkTimes(
      me,
      posts.map((p) => p.id),
    );
    expect((await getPost(app, me, posts[1]?.id ?? '')).json().bookmarked).toBe(true);
    expect((await getPost(app, author, posts[1]?.id ?? '')).json().bookmarked).toBe(false);

    const newestFirst = posts.map((p) => p.id).reverse();
    const first = await listIds(me, '?limit=2');
    expect(first.ids).toEqual(newestFirst.slice(0, 2));
    const second = await listIds(me, `?limit=2&cursor=${first.nextCursor}`);
    expect(second).toEqual({ ids: newestFirst.slice(2), nextCursor: null });

    expectStatus(await bookmark(me, posts[1]?.id ?? '', 'DELETE'), 204);
    expectStatus(await bookmark(me, posts[1]?.id ?? '', 'DELETE'), 204);
    expect((await listIds(me)).ids).toEqual([posts[2]?.id, posts[0]?.id]);
    expect((await listIds(author)).ids).toEqual([]);
  });

  it('lists only posts I may still read: not deleted, not hidden from me, not in a space that closed', async () => {
    const reader = await signedIn(app);
    const space = await buildSpace(app, author, { visibility: 'open' });
    const inSpace = await buildPost(app, author, { target: { type: 'space', id: space.id } });
    const deleted = await buildPost(app, author);
    const hidden = await buildPost(app, author);
    const kept = await buildPost(app, author);
    const ids = [inSpace.id, deleted.id, hidden.id, kept.id];
    for (const id of ids) {
      expectStatus(await bookmark(reader, id), 204);
      expectStatus(await bookmark(author, id), 204);
    }
    await spreadBookmarkTimes(reader, ids);
    await spreadBookmarkTimes(author, ids);
    expectStatus(await call(app, author, 'DELETE', `/api/v1/posts/${deleted.id}`), 204);
    const moderator = await signedIn(app, { role: 'moderator' });
    expectStatus(
      await call(app, moderator, 'PUT', `/api/v1/posts/${hidden.id}/hidden`, { reason: 'Spam' }),
      200,
    );
    await app.ctx.db
      .updateTable('spaces')
      .set({ visibility: 'private' })
      .where('id', '=', space.id)
      .execute();

    expect((await listIds(reader)).ids).toEqual([kept.id]);
    // The author still reads their own space and their hidden post.
    expect((await listIds(author)).ids).toEqual([kept.id, hidden.id, inSpace.id]);
    // A bookmark of a post out of reach can still be removed.
    expectStatus(await bookmark(reader, inSpace.id, 'DELETE'), 204);
  });
});
