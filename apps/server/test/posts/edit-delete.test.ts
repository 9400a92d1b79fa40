import { LIMITS } from '@atrium/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, signedIn } from '../support/factories.ts';
import { buildPost } from '../support/post-factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { auditRows, call, eventRows, expectStatus, getPost, mentionRows, postRowCounts } from './helpers.ts';

let app: TestApp;
let author: Session;
let reader: Session;
beforeAll(async () => {
  app = await createTestApp();
  author = await signedIn(app, { handle: 'writer' });
  reader = await signedIn(app, { handle: 'reader' });
});
afterAll(async () => {
  await app.close();
});

const patch = (who: Session | undefined, id: string, body: unknown) =>
  call(app, who, 'PATCH', `/api/v1/posts/${id}`, body as Record<string, unknown>);

async function topicCount(name: string) {
  const row = await app.ctx.db
    .selectFrom('topics')
    .select('post_count')
    .where('name', '=', name)
    .executeTakeFirst();
  return row ? Number(row.post_count) : undefined;
}

describe('PATCH /api/v1/posts/:id', () => {
  it('answers 401, 404 to non-readers, 403 to readers who are not the author, 400 to bad bodies; nothing changes', async () => {
    const row = await buildPost(app, author, { body: 'Original' });
    const space = await buildSpace(app, author, { visibility: 'private' });
    const hidden = await buildPost(app, author, { target: { type: 'space', id: space.id } });
    const before = await postRowCounts(app);
    expectStatus(await patch(undefined, row.id, { body: 'x' }), 401);
    expectStatus(await patch(reader, hidden.id, { body: 'x' }), 404);
    expectStatus(await patch(reader, row.id, { body: 'Hijacked' }), 403);
    for (const bad of [
      { body: '' },
      { body: '  \n ' },
      { body: 'x'.repeat(LIMITS.postBody + 1) },
      {},
      { body: 'x', kind: 'poll' },
    ]) {
      expectStatus(await patch(author, row.id, bad), 400, JSON.stringify(bad).slice(0, 60));
    }
    expect(await postRowCounts(app)).toEqual(before);
    expect((await getPost(app, author, row.id)).json()).toMatchObject({ body: 'Original', editedAt: null });
  });

  it('keeps the previous body as a revision, re-renders, and follows mentions and topics', async () => {
    const third = await signedIn(app, { handle: 'third' });
    const row = await buildPost(app, author, { body: 'Hi @reader about #alpha and #beta' });
    expect(await mentionRows(app, row.id)).toEqual([reader.person.id]);
    const res = await patch(author, row.id, { body: 'Hi @third about #beta and #gamma' });
    expectStatus(res, 200);
    const view = res.json();
    expect(view.body).toBe('Hi @third about #beta and #gamma');
    expect(view.bodyHtml).toContain('href="/people/third"');
    expect(view.editedAt).not.toBeNull();
    expect(view.topics).toEqual(['beta', 'gamma']);
    expect(await mentionRows(app, row.id)).toEqual([third.person.id]);
    expect(await topicCount('alpha')).toBe(0);
    expect(await topicCount('beta')).toBe(1);
    expect(await topicCount('gamma')).toBe(1);
    const head = await app.ctx.db
      .selectFrom('stream_heads')
      .selectAll()
      .where('stream', '=', 'topic:gamma')
      .executeTakeFirst();
    expect(head?.last_post_id).toBe(row.id);
    const [event] = await eventRows(app, 'post.updated', row.id);
    expect(JSON.parse(String(event?.payload))).toMatchObject({
      mentionedIds: [third.person.id],
      topics: ['beta', 'gamma'],
    });

    // The same body again changes nothing.
    expectStatus(await patch(author, row.id, { body: 'Hi @third about #beta and #gamma' }), 200);
    const revisions = await call(app, reader, 'GET', `/api/v1/posts/${row.id}/revisions`);
    expectStatus(revisions, 200);
    expect(revisions.json().items).toHaveLength(1);
    expect(revisions.json().items[0]).toMatchObject({ editor: { id: author.person.id } });
    expect(revisions.json().items[0].bodyHtml).toContain('Hi @reader about');
  });
});

describe('GET /api/v1/posts/:id/revisions', () => {
  it('lists earlier bodies newest first, page by page, for readers of the post only', async () => {
    const row = await buildPost(app, author, { body: 'v1' });
    for (const body of ['v2', 'v3', 'v4']) expectStatus(await patch(author, row.id, { body }), 200);
    expectStatus(await call(app, undefined, 'GET', `/api/v1/posts/${row.id}/revisions`), 401);
    const first = await call(app, reader, 'GET', `/api/v1/posts/${row.id}/revisions?limit=2`);
    expectStatus(first, 200);
    const page1 = first.json();
    expect(page1.items.map((r: { bodyHtml: string }) => r.bodyHtml)).toEqual(['<p>v3</p>', '<p>v2</p>']);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const second = await call(
      app,
      reader,
      'GET',
      `/api/v1/posts/${row.id}/revisions?limit=2&cursor=${page1.nextCursor}`,
    );
    expect(second.json()).toEqual({
      items: [expect.objectContaining({ bodyHtml: '<p>v1</p>' })],
      nextCursor: null,
    });
    expectStatus(await call(app, reader, 'GET', `/api/v1/posts/${row.id}/revisions?cursor=garbage`), 400);
    expectStatus(await call(app, reader, 'GET', `/api/v1/posts/${row.id}/revisions?limit=1000`), 400);

    const guest = await signedIn(app, { kind: 'external' });
    expectStatus(await call(app, guest, 'GET', `/api/v1/posts/${row.id}/revisions`), 404);
  });
});

describe('DELETE /api/v1/posts/:id', () => {
  it('answers 401, 404 to non-readers and 403 to readers who may not delete', async () => {
    const space = await buildSpace(app, author, { visibility: 'secret' });
    const secret = await buildPost(app, author, { target: { type: 'space', id: space.id } });
    const row = await buildPost(app, author);
    expectStatus(await call(app, undefined, 'DELETE', `/api/v1/posts/${row.id}`), 401);
    expectStatus(await call(app, reader, 'DELETE', `/api/v1/posts/${secret.id}`), 404);
    expectStatus(await call(app, reader, 'DELETE', `/api/v1/posts/${row.id}`), 403);
    expectStatus(await getPost(app, reader, row.id), 200);
  });

  it('the author deletes softly, without an audit row; the post leaves its topics', async () => {
    const row = await buildPost(app, author, { body: 'Soon gone #ephemeral' });
    expect(await topicCount('ephemeral')).toBe(1);
    expectStatus(await call(app, author, 'DELETE', `/api/v1/posts/${row.id}`), 204);
    const stored = await app.ctx.db
      .selectFrom('posts')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(stored.deleted_at).not.toBeNull();
    expect(stored.deleted_by).toBe(author.person.id);
    expect(await topicCount('ephemeral')).toBe(0);
    expect(await eventRows(app, 'post.deleted', row.id)).toHaveLength(1);
    expect(await auditRows(app, 'post.deleted', row.id)).toHaveLength(0);
    expectStatus(await call(app, author, 'DELETE', `/api/v1/posts/${row.id}`), 404);
  });

  it('space moderators and site admins delete others’ posts, audited', async () => {
    const space = await buildSpace(app, author, { visibility: 'open' });
    const moderator = await signedIn(app);
    await addMember(app, space, moderator, 'moderator');
    const inSpace = await buildPost(app, reader, { target: { type: 'space', id: space.id } });
    expectStatus(await call(app, moderator, 'DELETE', `/api/v1/posts/${inSpace.id}`), 204);
    expect(await auditRows(app, 'post.deleted', inSpace.id)).toHaveLength(1);

    // A space moderator moderates only their space.
    const elsewhere = await buildPost(app, reader);
    expectStatus(await call(app, moderator, 'DELETE', `/api/v1/posts/${elsewhere.id}`), 403);
    const admin = await signedIn(app, { role: 'admin' });
    expectStatus(await call(app, admin, 'DELETE', `/api/v1/posts/${elsewhere.id}`), 204);
    const [entry] = await auditRows(app, 'post.deleted', elsewhere.id);
    expect(entry?.actor_id).toBe(admin.person.id);
  });
});
