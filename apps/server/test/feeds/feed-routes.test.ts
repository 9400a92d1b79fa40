import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../src/platform/http/pagination.ts';
import { signedIn } from '../support/factories.ts';
import { buildPost } from '../support/post-factories.ts';
import { buildRecord, shareRecordInto } from '../support/record-factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { call, feedIds, getFeed, setPostState } from './feed-helpers.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

const status = async (who: Parameters<typeof call>[1], url: string) =>
  (await call(app, who, 'GET', url)).statusCode;

describe('GET /api/v1/feeds/home', () => {
  it('answers 401 anonymously and 400 for a bad cursor or limit', async () => {
    const me = await signedIn(app);
    expect(await status(undefined, '/api/v1/feeds/home')).toBe(401);
    expect(await status(me, '/api/v1/feeds/home?cursor=nonsense')).toBe(400);
    expect(await status(me, `/api/v1/feeds/home?cursor=${encodeCursor(['not-an-id'])}`)).toBe(400);
    expect(await status(me, `/api/v1/feeds/home?cursor=${encodeCursor([1])}`)).toBe(400);
    expect(await status(me, '/api/v1/feeds/home?limit=0')).toBe(400);
    expect(await status(me, '/api/v1/feeds/home?limit=51')).toBe(400);
    expect(await status(me, '/api/v1/feeds/home?sort=old')).toBe(400);
  });

  it('pages newest first with a keyset cursor, 20 by default', async () => {
    const me = await signedIn(app);
    const space = await buildSpace(app, me);
    const made: string[] = [];
    for (let i = 0; i < 23; i++)
      made.push((await buildPost(app, me, { target: { type: 'space', id: space.id } })).id);
    const first = await getFeed(app, me, '/api/v1/feeds/home');
    expect(first.status).toBe(200);
    const mine = first.body.items.map((item) => item.id).filter((id) => made.includes(id));
    expect(first.body.items).toHaveLength(20);
    expect(first.body.items.map((i) => i.id)).toEqual(
      [...first.body.items.map((i) => i.id)].sort().reverse(),
    );
    expect(mine[0]).toBe(made.at(-1));
    const small = await getFeed(app, me, '/api/v1/feeds/home?limit=5');
    expect(small.body.items).toHaveLength(5);
    const next = await getFeed(app, me, `/api/v1/feeds/home?limit=5&cursor=${small.body.nextCursor}`);
    expect(next.body.items[0]?.id).toBe(first.body.items[5]?.id);
    // The presented view comes from the posts presenter.
    expect(first.body.items[0]).toMatchObject({ bodyHtml: expect.any(String), pinned: false });
  });
});

describe('GET /api/v1/feeds/company', () => {
  it('answers 401, 400, 404 for external people, and the company posts for employees', async () => {
    const me = await signedIn(app);
    const guest = await signedIn(app, { kind: 'external' });
    const post = await buildPost(app, me);
    const deleted = await buildPost(app, me);
    await setPostState(app, deleted, { deleted: true });
    const hidden = await buildPost(app, me);
    await setPostState(app, hidden, { hidden: true });
    const space = await buildSpace(app, me);
    const inSpace = await buildPost(app, me, { target: { type: 'space', id: space.id } });
    expect(await status(undefined, '/api/v1/feeds/company')).toBe(401);
    expect(await status(me, '/api/v1/feeds/company?limit=abc')).toBe(400);
    const notFound = await call(app, guest, 'GET', '/api/v1/feeds/company');
    expect(notFound.statusCode).toBe(404);
    expect(notFound.body).not.toContain(post.id);
    const ids = await feedIds(app, me, '/api/v1/feeds/company?limit=50');
    expect(ids).toContain(post.id);
    expect(ids).not.toContain(deleted.id);
    expect(ids).not.toContain(hidden.id);
    expect(ids).not.toContain(inSpace.id);
  });
});

describe('GET /api/v1/spaces/{handle}/feed', () => {
  it('answers 401, 400, 404 for missing and secret spaces, 403 for a private one', async () => {
    const owner = await signedIn(app);
    const other = await signedIn(app);
    const secret = await buildSpace(app, owner, { visibility: 'secret' });
    const closed = await buildSpace(app, owner, { visibility: 'private' });
    expect(await status(undefined, `/api/v1/spaces/${closed.handle}/feed`)).toBe(401);
    expect(await status(other, '/api/v1/spaces/BAD!/feed')).toBe(400);
    expect(await status(other, '/api/v1/spaces/no-such-space/feed')).toBe(404);
    const hiddenSecret = await call(app, other, 'GET', `/api/v1/spaces/${secret.handle}/feed`);
    const missing = await call(app, other, 'GET', '/api/v1/spaces/no-such-space/feed');
    expect(hiddenSecret.statusCode).toBe(404);
    expect(hiddenSecret.json().detail).toBe(missing.json().detail);
    expect(await status(other, `/api/v1/spaces/${closed.handle}/feed`)).toBe(403);
    expect(await status(owner, `/api/v1/spaces/${secret.handle}/feed`)).toBe(200);
  });

  it('lists the live posts of the space with its pinned posts first on page one', async () => {
    const owner = await signedIn(app);
    const reader = await signedIn(app);
    const space = await buildSpace(app, owner);
    const target = { type: 'space' as const, id: space.id };
    const pinned = await buildPost(app, owner, { target });
    const posts = [];
    for (let i = 0; i < 4; i++) posts.push(await buildPost(app, owner, { target }));
    const gone = await buildPost(app, owner, { target });
    await setPostState(app, gone, { deleted: true });
    const elsewhere = await buildPost(app, owner);
    expect((await call(app, owner, 'PUT', `/api/v1/posts/${pinned.id}/pin`)).statusCode).toBe(200);
    const first = await getFeed(app, reader, `/api/v1/spaces/${space.handle}/feed?limit=3`);
    expect(first.status).toBe(200);
    expect(first.body.pinned?.map((p) => p.id)).toEqual([pinned.id]);
    expect(first.body.items.map((p) => p.id)).toEqual(
      posts
        .map((p) => p.id)
        .reverse()
        .slice(0, 3),
    );
    const second = await getFeed(
      app,
      reader,
      `/api/v1/spaces/${space.handle}/feed?limit=3&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.pinned).toEqual([]);
    expect(second.body.items.map((p) => p.id)).toEqual([posts[0]?.id, pinned.id]);
    expect(second.body.nextCursor).toBeNull();
    expect(second.body.items.map((p) => p.id)).not.toContain(elsewhere.id);
  });
});

describe('GET /api/v1/topics/{name}/feed', () => {
  it('answers 401, 400 for a non-topic, 404 for a topic with nothing I may read', async () => {
    const me = await signedIn(app);
    const owner = await signedIn(app);
    const closed = await buildSpace(app, owner, { visibility: 'private' });
    await buildPost(app, owner, { target: { type: 'space', id: closed.id }, body: 'Plans #stealth-project' });
    expect(await status(undefined, '/api/v1/topics/stealth-project/feed')).toBe(401);
    expect(await status(me, '/api/v1/topics/1234/feed')).toBe(400);
    expect(await status(me, `/api/v1/topics/${'x'.repeat(60)}/feed`)).toBe(400);
    expect(await status(me, '/api/v1/topics/never-used-topic/feed')).toBe(404);
    expect(await status(me, '/api/v1/topics/stealth-project/feed')).toBe(404);
    expect(await status(owner, '/api/v1/topics/stealth-project/feed')).toBe(200);
  });

  it('lists the readable posts carrying the topic, whatever its spelling', async () => {
    const me = await signedIn(app);
    const owner = await signedIn(app);
    const closed = await buildSpace(app, owner, { visibility: 'private' });
    const open = await buildSpace(app, owner);
    const a = await buildPost(app, owner, { body: 'Kickoff #Road_Map' });
    const b = await buildPost(app, owner, { target: { type: 'space', id: open.id }, body: 'More #road-map' });
    const secretOne = await buildPost(app, owner, {
      target: { type: 'space', id: closed.id },
      body: '#road-map',
    });
    const unrelated = await buildPost(app, owner, { body: 'Nothing here' });
    const ids = await feedIds(app, me, `/api/v1/topics/${encodeURIComponent('#Road Map')}/feed`);
    expect(ids).toEqual([b.id, a.id]);
    expect(ids).not.toContain(secretOne.id);
    expect(ids).not.toContain(unrelated.id);
    expect(await feedIds(app, owner, '/api/v1/topics/road-map/feed')).toEqual([secretOne.id, b.id, a.id]);
  });
});

describe('GET /api/v1/records/{id}/feed', () => {
  it('answers 401, 400 for a malformed id, 404 for a missing record or one an external may not open', async () => {
    const me = await signedIn(app);
    const guest = await signedIn(app, { kind: 'external' });
    const record = await buildRecord(app);
    const url = `/api/v1/records/${record.id}/feed`;
    expect(await status(undefined, url)).toBe(401);
    expect(await status(me, '/api/v1/records/not-an-id/feed')).toBe(400);
    expect(await status(me, '/api/v1/records/01900000-0000-7000-8000-000000000000/feed')).toBe(404);
    expect(await status(guest, url)).toBe(404);
    expect(await status(me, url)).toBe(200);
  });

  it('shows employees every readable post about it, and external people only those in shared spaces', async () => {
    const me = await signedIn(app);
    const guest = await signedIn(app, { kind: 'external' });
    const record = await buildRecord(app);
    const community = await buildSpace(app, me, { audience: 'external' });
    const otherCommunity = await buildSpace(app, me, { audience: 'external' });
    await addMember(app, community, guest);
    await addMember(app, otherCommunity, guest);
    await shareRecordInto(app, record, community);
    const onRecord = await buildPost(app, me, { target: { type: 'record', id: record.id } });
    const inCommunity = await buildPost(app, me, {
      target: { type: 'space', id: community.id },
      recordId: record.id,
    });
    const notAbout = await buildPost(app, me, { target: { type: 'space', id: otherCommunity.id } });
    expect(await feedIds(app, me, `/api/v1/records/${record.id}/feed`)).toEqual([
      inCommunity.id,
      onRecord.id,
    ]);
    expect(await feedIds(app, guest, `/api/v1/records/${record.id}/feed`)).toEqual([inCommunity.id]);
    expect(await feedIds(app, guest, `/api/v1/records/${record.id}/feed`)).not.toContain(notAbout.id);
  });
});

describe('GET /api/v1/people/{handle}/feed', () => {
  it('answers 401, 400, 404 for a person I may not see', async () => {
    const me = await signedIn(app);
    const guest = await signedIn(app, { kind: 'external' });
    const url = `/api/v1/people/${me.person.handle}/feed`;
    expect(await status(undefined, url)).toBe(401);
    expect(await status(me, '/api/v1/people/BAD!/feed')).toBe(400);
    expect(await status(me, '/api/v1/people/nobody-here/feed')).toBe(404);
    expect(await status(guest, url)).toBe(404);
    expect(await status(me, url)).toBe(200);
  });

  it("lists the person's posts and the posts on their profile that I may read", async () => {
    const person = await signedIn(app);
    const friend = await signedIn(app);
    const reader = await signedIn(app);
    const closed = await buildSpace(app, person, { visibility: 'private' });
    const wrote = await buildPost(app, person);
    const onProfile = await buildPost(app, friend, { target: { type: 'person', id: person.person.id } });
    const privately = await buildPost(app, person, { target: { type: 'space', id: closed.id } });
    const byFriend = await buildPost(app, friend);
    const ids = await feedIds(app, reader, `/api/v1/people/${person.person.handle}/feed`);
    expect(ids).toEqual([onProfile.id, wrote.id]);
    expect(ids).not.toContain(privately.id);
    expect(ids).not.toContain(byFriend.id);
    expect(await feedIds(app, person, `/api/v1/people/${person.person.handle}/feed`)).toEqual([
      privately.id,
      onProfile.id,
      wrote.id,
    ]);
  });
});

describe('GET /api/v1/feeds/announcements', () => {
  it('answers 401, and lists live announcements I may read, newest first, at most five', async () => {
    const admin = await signedIn(app, { role: 'admin' });
    const guest = await signedIn(app, { kind: 'external' });
    const me = await signedIn(app);
    const community = await buildSpace(app, admin, { audience: 'external' });
    await addMember(app, community, guest);
    expect(await status(undefined, '/api/v1/feeds/announcements')).toBe(401);
    const expired = await buildPost(app, admin, { kind: 'announcement', announcement: {} });
    await app.ctx.db
      .updateTable('posts')
      .set({ pinned_until: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', expired.id)
      .execute();
    const forCommunity = await buildPost(app, admin, {
      kind: 'announcement',
      target: { type: 'space', id: community.id },
      announcement: { pinnedUntil: new Date(Date.now() + 86_400_000).toISOString() },
    });
    const live = [];
    for (let i = 0; i < 5; i++)
      live.push(await buildPost(app, admin, { kind: 'announcement', announcement: {} }));
    const plain = await buildPost(app, admin);
    const mine = await getFeed(app, me, '/api/v1/feeds/announcements');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((p) => p.id)).toEqual(live.map((p) => p.id).reverse());
    expect(mine.body.items.map((p) => p.id)).not.toContain(expired.id);
    expect(mine.body.items.map((p) => p.id)).not.toContain(plain.id);
    const theirs = await getFeed(app, guest, '/api/v1/feeds/announcements');
    expect(theirs.body.items.map((p) => p.id)).toEqual([forCommunity.id]);
  });
});
