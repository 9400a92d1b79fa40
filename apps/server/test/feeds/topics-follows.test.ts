import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, signedIn } from '../support/factories.ts';
import { buildPost } from '../support/post-factories.ts';
import { buildRecord, shareRecordInto } from '../support/record-factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { call } from './feed-helpers.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

type Method = 'GET' | 'PUT' | 'DELETE';
const status = async (who: Session | undefined, method: Method, url: string) =>
  (await call(app, who, method, url)).statusCode;

async function eventCount(name: string, actorId: string, subjectId: string) {
  const rows = await app.ctx.db
    .selectFrom('events')
    .select('id')
    .where('name', '=', name as never)
    .where('actor_id', '=', actorId)
    .where('subject_id', '=', subjectId)
    .execute();
  return rows.length;
}

async function myFollows(who: Session) {
  const res = await call(app, who, 'GET', '/api/v1/me/follows');
  expect(res.statusCode).toBe(200);
  return res.json() as {
    topics: string[];
    records: { id: string; name: string }[];
    spaces: { id: string; handle: string }[];
    mutes: { spaces: { id: string }[]; topics: string[]; people: { id: string; handle: string }[] };
  };
}

describe('GET /api/v1/topics (autocomplete)', () => {
  it('answers 401 and 400 for an oversize query or limit', async () => {
    const me = await signedIn(app);
    expect(await status(undefined, 'GET', '/api/v1/topics?q=a')).toBe(401);
    expect(await status(me, 'GET', `/api/v1/topics?q=${'a'.repeat(101)}`)).toBe(400);
    expect(await status(me, 'GET', '/api/v1/topics?limit=21')).toBe(400);
  });

  it('suggests topics by normalized prefix, most used first, only those on posts I may read', async () => {
    const me = await signedIn(app);
    const guest = await signedIn(app, { kind: 'external' });
    const closed = await buildSpace(app, me, { visibility: 'private' });
    const community = await buildSpace(app, me, { audience: 'external' });
    await addMember(app, community, guest);
    for (let i = 0; i < 3; i++) await buildPost(app, me, { body: `#autocomplete-alpha ${i}` });
    await buildPost(app, me, { body: '#autocomplete-beta' });
    await buildPost(app, me, {
      target: { type: 'space', id: community.id },
      body: '#autocomplete-beta again',
    });
    await buildPost(app, me, { target: { type: 'space', id: closed.id }, body: '#autocomplete-gamma' });
    const other = await signedIn(app);
    const res = await call(app, other, 'GET', `/api/v1/topics?q=${encodeURIComponent('#AutoComplete')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      { name: 'autocomplete-alpha', postCount: 3 },
      { name: 'autocomplete-beta', postCount: 2 },
    ]);
    const owner = await call(app, me, 'GET', '/api/v1/topics?q=autocomplete&limit=5');
    expect(owner.json().items.map((t: { name: string }) => t.name)).toContain('autocomplete-gamma');
    const external = await call(app, guest, 'GET', '/api/v1/topics?q=autocomplete');
    expect(external.json().items).toEqual([{ name: 'autocomplete-beta', postCount: null }]);
  });
});

describe('GET /api/v1/topics/{name}', () => {
  it('answers 401, 400, 404 and the topic with counts and my follow and mute', async () => {
    const me = await signedIn(app);
    const guest = await signedIn(app, { kind: 'external' });
    const community = await buildSpace(app, me, { audience: 'external' });
    await addMember(app, community, guest);
    await buildPost(app, me, { body: '#header-topic one' });
    await buildPost(app, me, { target: { type: 'space', id: community.id }, body: '#header-topic two' });
    expect(await status(undefined, 'GET', '/api/v1/topics/header-topic')).toBe(401);
    expect(await status(me, 'GET', '/api/v1/topics/%23')).toBe(400);
    expect(await status(me, 'GET', '/api/v1/topics/no-such-topic-here')).toBe(404);
    expect(await status(me, 'PUT', '/api/v1/topics/header-topic/follow')).toBe(204);
    const res = await call(app, me, 'GET', '/api/v1/topics/Header_Topic');
    expect(res.json()).toEqual({ name: 'header-topic', postCount: 2, followedByMe: true, mutedByMe: false });
    const theirs = await call(app, guest, 'GET', '/api/v1/topics/header-topic');
    expect(theirs.json()).toEqual({
      name: 'header-topic',
      postCount: 1,
      followedByMe: false,
      mutedByMe: false,
    });
  });
});

describe('PUT/DELETE /api/v1/topics/{name}/follow', () => {
  it('answers 401, 400, 404 for a topic I may not know, and follows idempotently with one event', async () => {
    const me = await signedIn(app);
    const owner = await signedIn(app);
    const closed = await buildSpace(app, owner, { visibility: 'private' });
    await buildPost(app, owner, { target: { type: 'space', id: closed.id }, body: '#hush-topic' });
    await buildPost(app, owner, { body: '#follow-topic' });
    expect(await status(undefined, 'PUT', '/api/v1/topics/follow-topic/follow')).toBe(401);
    expect(await status(undefined, 'DELETE', '/api/v1/topics/follow-topic/follow')).toBe(401);
    expect(await status(me, 'PUT', '/api/v1/topics/12/follow')).toBe(400);
    expect(await status(me, 'DELETE', '/api/v1/topics/12/follow')).toBe(400);
    expect(await status(me, 'PUT', '/api/v1/topics/hush-topic/follow')).toBe(404);
    expect(await status(me, 'PUT', '/api/v1/topics/Follow_Topic/follow')).toBe(204);
    expect(await status(me, 'PUT', '/api/v1/topics/follow-topic/follow')).toBe(204);
    expect(await eventCount('feed.followed', me.person.id, 'follow-topic')).toBe(1);
    expect((await myFollows(me)).topics).toEqual(['follow-topic']);
    expect(await status(me, 'DELETE', '/api/v1/topics/follow-topic/follow')).toBe(204);
    expect(await status(me, 'DELETE', '/api/v1/topics/follow-topic/follow')).toBe(204);
    // Unfollowing answers the same for a topic I may not know: nothing is revealed.
    expect(await status(me, 'DELETE', '/api/v1/topics/hush-topic/follow')).toBe(204);
    expect(await eventCount('feed.unfollowed', me.person.id, 'follow-topic')).toBe(1);
    expect((await myFollows(me)).topics).toEqual([]);
  });
});

describe('PUT/DELETE /api/v1/records/{id}/follow', () => {
  it('answers 401, 400, 404 (missing, or not open to an external), and follows a record', async () => {
    const me = await signedIn(app);
    const guest = await signedIn(app, { kind: 'external' });
    const record = await buildRecord(app, { name: 'Acme renewal' });
    const url = `/api/v1/records/${record.id}/follow`;
    expect(await status(undefined, 'PUT', url)).toBe(401);
    expect(await status(me, 'PUT', '/api/v1/records/nope/follow')).toBe(400);
    expect(await status(me, 'PUT', '/api/v1/records/01900000-0000-7000-8000-000000000000/follow')).toBe(404);
    expect(await status(guest, 'PUT', url)).toBe(404);
    expect(await status(me, 'PUT', url)).toBe(204);
    expect((await myFollows(me)).records).toEqual([{ id: record.id, name: 'Acme renewal' }]);
    const community = await buildSpace(app, me, { audience: 'external' });
    await addMember(app, community, guest);
    await shareRecordInto(app, record, community);
    expect(await status(guest, 'PUT', url)).toBe(204);
    expect(await status(me, 'DELETE', url)).toBe(204);
    expect((await myFollows(me)).records).toEqual([]);
  });
});

describe('PUT/DELETE /api/v1/spaces/{handle}/follow', () => {
  it('answers 401, 400, 404 for a secret space, 403 for a private one, and follows an open space', async () => {
    const owner = await signedIn(app);
    const me = await signedIn(app);
    const secret = await buildSpace(app, owner, { visibility: 'secret' });
    const closed = await buildSpace(app, owner, { visibility: 'private' });
    const open = await buildSpace(app, owner);
    expect(await status(undefined, 'PUT', `/api/v1/spaces/${open.handle}/follow`)).toBe(401);
    expect(await status(me, 'PUT', '/api/v1/spaces/BAD!/follow')).toBe(400);
    expect(await status(me, 'PUT', `/api/v1/spaces/${secret.handle}/follow`)).toBe(404);
    expect(await status(me, 'DELETE', `/api/v1/spaces/${secret.handle}/follow`)).toBe(404);
    expect(await status(me, 'PUT', `/api/v1/spaces/${closed.handle}/follow`)).toBe(403);
    expect(await status(me, 'PUT', `/api/v1/spaces/${open.handle}/follow`)).toBe(204);
    expect((await myFollows(me)).spaces.map((s) => s.handle)).toEqual([open.handle]);
    expect(await eventCount('feed.followed', me.person.id, open.id)).toBe(1);
    expect(await status(me, 'DELETE', `/api/v1/spaces/${open.handle}/follow`)).toBe(204);
    expect((await myFollows(me)).spaces).toEqual([]);
  });
});

describe('PUT/DELETE /api/v1/mutes/{type}/{id}', () => {
  it('answers 401, 400 for a bad type, id or muting myself, 404 for what I may not see', async () => {
    const me = await signedIn(app);
    const guest = await signedIn(app, { kind: 'external' });
    const secret = await buildSpace(app, me, { visibility: 'secret' });
    const other = await signedIn(app);
    expect(await status(undefined, 'PUT', `/api/v1/mutes/person/${other.person.id}`)).toBe(401);
    expect(await status(me, 'PUT', `/api/v1/mutes/record/${other.person.id}`)).toBe(400);
    expect(await status(me, 'PUT', '/api/v1/mutes/person/not-an-id')).toBe(400);
    expect(await status(me, 'PUT', '/api/v1/mutes/topic/1')).toBe(400);
    expect(await status(me, 'PUT', `/api/v1/mutes/person/${me.person.id}`)).toBe(400);
    expect(await status(guest, 'PUT', `/api/v1/mutes/person/${other.person.id}`)).toBe(404);
    expect(await status(other, 'PUT', `/api/v1/mutes/space/${secret.id}`)).toBe(404);
    expect(await status(other, 'PUT', '/api/v1/mutes/space/01900000-0000-7000-8000-000000000000')).toBe(404);
    expect(await status(me, 'PUT', '/api/v1/mutes/topic/never-posted-topic')).toBe(404);
  });

  it('mutes and unmutes a space, a topic and a person, listed in my follows', async () => {
    const me = await signedIn(app);
    const other = await signedIn(app);
    const space = await buildSpace(app, other);
    await buildPost(app, other, { body: '#mute-me-topic' });
    expect(await status(me, 'PUT', `/api/v1/mutes/space/${space.id}`)).toBe(204);
    expect(await status(me, 'PUT', `/api/v1/mutes/space/${space.id}`)).toBe(204);
    expect(await status(me, 'PUT', '/api/v1/mutes/topic/Mute_Me_Topic')).toBe(204);
    expect(await status(me, 'PUT', `/api/v1/mutes/person/${other.person.id}`)).toBe(204);
    expect(await eventCount('feed.muted', me.person.id, space.id)).toBe(1);
    const listed = await myFollows(me);
    expect(listed.mutes.spaces.map((s) => s.id)).toEqual([space.id]);
    expect(listed.mutes.topics).toEqual(['mute-me-topic']);
    expect(listed.mutes.people.map((p) => p.handle)).toEqual([other.person.handle]);
    const topic = await call(app, me, 'GET', '/api/v1/topics/mute-me-topic');
    expect(topic.json().mutedByMe).toBe(true);
    expect(await status(me, 'DELETE', `/api/v1/mutes/space/${space.id}`)).toBe(204);
    expect(await status(me, 'DELETE', '/api/v1/mutes/topic/mute-me-topic')).toBe(204);
    expect(await status(me, 'DELETE', `/api/v1/mutes/person/${other.person.id}`)).toBe(204);
    expect(await eventCount('feed.unmuted', me.person.id, other.person.id)).toBe(1);
    expect((await myFollows(me)).mutes).toEqual({ spaces: [], topics: [], people: [] });
  });
});

describe('GET /api/v1/me/follows', () => {
  it('answers 401, and lists only what I may still see', async () => {
    expect(await status(undefined, 'GET', '/api/v1/me/follows')).toBe(401);
    const owner = await signedIn(app);
    const me = await signedIn(app);
    const space = await buildSpace(app, owner);
    expect(await status(me, 'PUT', `/api/v1/spaces/${space.handle}/follow`)).toBe(204);
    expect((await myFollows(me)).spaces.map((s) => s.id)).toEqual([space.id]);
    // The space becomes secret: it drops out of my list (and of my home feed).
    await app.ctx.db.updateTable('spaces').set({ visibility: 'secret' }).where('id', '=', space.id).execute();
    expect((await myFollows(me)).spaces).toEqual([]);
  });
});
