import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presentPosts } from '../../src/modules/posts/posts.presenter.ts';
import type { PostsTable } from '../../src/platform/db/schema-conversation.ts';
import { nowIso } from '../../src/platform/db/time.ts';
import { type Session, signedIn } from '../support/factories.ts';
import { buildPost } from '../support/post-factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { buildRecord, call, expectStatus, shareRecord } from './helpers.ts';

let app: TestApp;
let me: Session;
let other: Session;
beforeAll(async () => {
  app = await createTestApp();
  me = await signedIn(app);
  other = await signedIn(app);
});
afterAll(async () => {
  await app.close();
});

/** Presents rows through a database handle that counts the statements it runs. */
async function countQueries(viewer: Session, rows: PostsTable[]) {
  let count = 0;
  const counter: KyselyPlugin = {
    transformQuery: (args) => {
      count += 1;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  const views = await presentPosts({ ...app.ctx, db: app.ctx.db.withPlugin(counter) }, viewer.person, rows);
  return { count, views };
}

/** A varied page: every target, a record, shares (one of an original the viewer may not read). */
async function buildPage(size: number): Promise<PostsTable[]> {
  const space = await buildSpace(app, other, { visibility: 'private' });
  await addMember(app, space, me);
  const secret = await buildSpace(app, other, { visibility: 'secret' });
  const record = await buildRecord(app);
  const rows: PostsTable[] = [];
  for (let i = 0; i < size; i++) {
    const author = i % 2 === 0 ? me : other;
    const targets = [
      { type: 'company' as const },
      { type: 'space' as const, id: space.id },
      { type: 'person' as const, id: me.person.id },
      { type: 'record' as const, id: record.id },
    ];
    rows.push(await buildPost(app, author, { target: targets[i % 4], body: `Post ${i} #topic${i % 3}x` }));
  }
  const unreadable = await buildPost(app, other, { target: { type: 'space', id: secret.id } });
  for (const original of [rows[0], unreadable]) {
    if (!original) continue;
    const res = await call(app, other, 'POST', `/api/v1/posts/${original.id}/shares`, {
      target: original === unreadable ? { type: 'space', id: secret.id } : { type: 'company' },
    });
    expectStatus(res, 201);
    const shared = await app.ctx.db
      .selectFrom('posts')
      .selectAll()
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    if (original !== unreadable) rows.push(shared);
  }
  return rows;
}

describe('presentPosts', () => {
  it('uses the same small number of queries for a page of 5 and a page of 40', async () => {
    const small = await countQueries(me, await buildPage(5));
    const large = await countQueries(me, await buildPage(40));
    expect(small.views).toHaveLength(6);
    expect(large.views).toHaveLength(41);
    expect(large.count).toBe(small.count);
    expect(small.count).toBeLessThanOrEqual(20);
  });

  it('shows reactions, the viewer’s own, comment counts and bookmarks', async () => {
    const row = await buildPost(app, other, { body: 'React to me' });
    await app.ctx.db
      .insertInto('reaction_totals')
      .values([
        { subject_type: 'post', subject_id: row.id, kind: 'love', total: 1 },
        { subject_type: 'post', subject_id: row.id, kind: 'like', total: 3 },
      ])
      .execute();
    await app.ctx.db
      .insertInto('reactions')
      .values({
        subject_type: 'post',
        subject_id: row.id,
        kind: 'like',
        person_id: me.person.id,
        created_at: nowIso(),
      })
      .execute();
    await app.ctx.db.updateTable('posts').set({ comment_count: 4 }).where('id', '=', row.id).execute();
    expectStatus(await call(app, me, 'PUT', `/api/v1/posts/${row.id}/bookmark`), 204);
    const res = await call(app, me, 'GET', `/api/v1/posts/${row.id}`);
    expect(res.json()).toMatchObject({
      reactions: {
        counts: [
          { kind: 'like', count: 3 },
          { kind: 'love', count: 1 },
        ],
        mine: ['like'],
      },
      commentCount: 4,
      bookmarked: true,
    });
    const theirs = await call(app, other, 'GET', `/api/v1/posts/${row.id}`);
    expect(theirs.json()).toMatchObject({ reactions: { mine: [] }, bookmarked: false });
  });

  it('names a post’s record only to those who may open it', async () => {
    const customer = await signedIn(app, { kind: 'external' });
    const community = await buildSpace(app, other, { audience: 'external', visibility: 'private' });
    await addMember(app, community, customer);
    const record = await buildRecord(app, 'Initech');
    await shareRecord(app, record.id, community.id);
    const about = await buildPost(app, other, {
      target: { type: 'space', id: community.id },
      recordId: record.id,
    });
    const reference = { id: record.id, name: 'Initech', typeKey: record.typeKey };
    expect((await call(app, customer, 'GET', `/api/v1/posts/${about.id}`)).json().record).toEqual(reference);
    // Taken out of the space: the customer still reads the post, no longer the record it is about.
    await app.ctx.db.deleteFrom('record_shares').where('record_id', '=', record.id).execute();
    const after = await call(app, customer, 'GET', `/api/v1/posts/${about.id}`);
    expectStatus(after, 200);
    expect(after.json().record).toBeNull();
    expect(JSON.stringify(after.json())).not.toContain('Initech');
    expect((await call(app, other, 'GET', `/api/v1/posts/${about.id}`)).json().record).toEqual(reference);
  });

  it('presents an empty page without a query', async () => {
    expect(await countQueries(me, [])).toEqual({ count: 0, views: [] });
  });
});
