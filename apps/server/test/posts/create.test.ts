import { LIMITS } from '@atrium/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deactivate } from '../people/helpers.ts';
import { signedIn } from '../support/factories.ts';
import { buildPost } from '../support/post-factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import {
  buildRecord,
  call,
  eventRows,
  expectSameAsMissing,
  expectStatus,
  postRowCounts,
  shareRecord,
} from './helpers.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

const post = (who: Parameters<typeof call>[1], payload: Record<string, unknown>) =>
  call(app, who, 'POST', '/api/v1/posts', payload);

describe('POST /api/v1/posts', () => {
  it('answers 401 without a session', async () => {
    const res = await post(undefined, { target: { type: 'company' }, body: 'Hello' });
    expect(res.statusCode).toBe(401);
  });

  it('posts to the company feed: safe markdown, topics, feed heads and the post.created event', async () => {
    const me = await signedIn(app);
    const body =
      '# Launch\n\n**Big** news <script>alert(1)</script> #Launch #launch #Q4_Plans [x](javascript:alert(1))';
    const res = await post(me, { target: { type: 'company' }, body });
    expectStatus(res, 201);
    const view = res.json();
    expect(view).toMatchObject({
      kind: 'update',
      author: { id: me.person.id, handle: me.person.handle },
      target: { type: 'company', id: null, handle: null },
      body,
      editedAt: null,
      topics: ['launch', 'q4-plans'],
      reactions: { counts: [], mine: [] },
      commentCount: 0,
      attachments: [],
      linkPreviews: [],
      record: null,
      pinned: false,
      bookmarked: false,
      hidden: null,
      sharedPost: null,
      abilities: {
        edit: true,
        delete: true,
        hide: false,
        pin: false,
        share: true,
        comment: true,
        react: true,
        bookmark: true,
      },
    });
    expect(view.bodyHtml).toContain('<h3>Launch</h3>');
    expect(view.bodyHtml).toContain('<strong>Big</strong>');
    expect(view.bodyHtml).not.toContain('<script');
    expect(view.bodyHtml).not.toMatch(/href="javascript/i);
    expect(view.bodyHtml).toContain('href="/topics/launch"');

    const topics = await app.ctx.db
      .selectFrom('topics')
      .selectAll()
      .where('name', 'in', ['launch', 'q4-plans'])
      .execute();
    expect(topics.map((t) => [t.name, Number(t.post_count)]).sort()).toEqual([
      ['launch', 1],
      ['q4-plans', 1],
    ]);
    const heads = await app.ctx.db
      .selectFrom('stream_heads')
      .selectAll()
      .where('last_post_id', '=', view.id)
      .execute();
    expect(heads.map((h) => h.stream).sort()).toEqual(
      ['company', `author:${me.person.id}`, 'topic:launch', 'topic:q4-plans'].sort(),
    );
    const [event] = await eventRows(app, 'post.created', view.id);
    expect(JSON.parse(String(event?.payload))).toEqual({
      targetType: 'company',
      spaceId: null,
      kind: 'update',
      mentionedIds: [],
      topics: ['launch', 'q4-plans'],
    });

    const again = await post(me, { target: { type: 'company' }, body: 'More on #launch' });
    expectStatus(again, 201);
    const launch = await app.ctx.db
      .selectFrom('topics')
      .selectAll()
      .where('name', '=', 'launch')
      .executeTakeFirstOrThrow();
    expect(Number(launch.post_count)).toBe(2);
    expect(launch.last_post_at).toBe(again.json().createdAt);
  });

  it('keeps at most the allowed number of topics per post', async () => {
    const me = await signedIn(app);
    const tags = Array.from(
      { length: LIMITS.topicsPerPost + 3 },
      (_, i) => `#tag${String.fromCharCode(97 + i)}x`,
    );
    const res = await post(me, { target: { type: 'company' }, body: tags.join(' ') });
    expectStatus(res, 201);
    expect(res.json().topics).toHaveLength(LIMITS.topicsPerPost);
  });

  it('answers 400 to blank, oversize and malformed posts, and stores nothing', async () => {
    const me = await signedIn(app);
    const before = await postRowCounts(app);
    const company = { type: 'company' };
    for (const bad of [
      { target: company, body: '' },
      { target: company, body: '   \n\t  ' },
      { target: company, body: 'x'.repeat(LIMITS.postBody + 1) },
      { target: company, body: '😀'.repeat(LIMITS.postBody + 1) },
      { target: company, body: 'nul \u0000 byte' },
      { target: company },
      { body: 'no target' },
      { target: { type: 'company', id: 'x' }, body: 'company has no id' },
      { target: { type: 'space' }, body: 'space needs an id' },
      { target: { type: 'group', id: 'x' }, body: 'unknown target type' },
      { target: [company, company], body: 'two targets' },
      { target: company, body: 'unknown kind', kind: 'rant' },
      { target: company, body: 'unknown field', extra: 1 },
      { target: company, body: 'record on company', recordId: 'abc' },
      {
        target: company,
        body: 'too many files',
        attachmentIds: Array.from({ length: 11 }, (_, i) => `f${i}`),
      },
      // Refused inside the transaction: the post, its topic and its feed heads roll back with it.
      {
        target: company,
        body: 'Not my file #rollback',
        attachmentIds: ['01900000-0000-7000-8000-0000000000ff'],
      },
    ]) {
      const res = await post(me, bad);
      expectStatus(res, 400, JSON.stringify(bad).slice(0, 80));
    }
    expect(await postRowCounts(app)).toEqual(before);
  });

  it('accepts a body of exactly the limit in code points', async () => {
    const me = await signedIn(app);
    const res = await post(me, { target: { type: 'company' }, body: '😀'.repeat(LIMITS.postBody) });
    expectStatus(res, 201);
  });

  it('lets only employees post to the company feed, profiles and records (403 for external people)', async () => {
    const guest = await signedIn(app, { kind: 'external' });
    const colleague = await signedIn(app);
    const record = await buildRecord(app);
    const before = await postRowCounts(app);
    for (const target of [
      { type: 'company' },
      { type: 'person', id: colleague.person.id },
      { type: 'record', id: record.id },
    ]) {
      expectStatus(await post(guest, { target, body: 'hi' }), 403, target.type);
    }
    expect(await postRowCounts(app)).toEqual(before);
  });

  it('space posts: members post anywhere; readers of an open space may post; private 403; secret and invisible 404; archived 403', async () => {
    const owner = await signedIn(app);
    const member = await signedIn(app);
    const outsider = await signedIn(app);
    const guest = await signedIn(app, { kind: 'external' });
    const open = await buildSpace(app, owner, { visibility: 'open' });
    const priv = await buildSpace(app, owner, { visibility: 'private' });
    const secret = await buildSpace(app, owner, { visibility: 'secret' });
    const community = await buildSpace(app, owner, { visibility: 'open', audience: 'external' });
    const archived = await buildSpace(app, owner, { visibility: 'open' });
    await app.ctx.db
      .updateTable('spaces')
      .set({ archived_at: new Date().toISOString() })
      .where('id', '=', archived.id)
      .execute();
    for (const space of [priv, secret]) await addMember(app, space, member);
    const to = (id: string) => ({ type: 'space', id });

    // A member of the private and secret spaces; only a reader (not a member) of the open one.
    for (const space of [open, priv, secret]) {
      expectStatus(await post(member, { target: to(space.id), body: 'in' }), 201, space.visibility);
    }
    const created = (await post(member, { target: to(priv.id), body: 'Private note' })).json();
    expect(created.target).toEqual({ type: 'space', id: priv.id, name: priv.name, handle: priv.handle });
    expect(created.abilities).toMatchObject({ pin: false, hide: false });

    const before = await postRowCounts(app);
    expectStatus(await post(outsider, { target: to(priv.id), body: 'x' }), 403, 'private non-member');
    const missing = await post(outsider, { target: to('01900000-0000-7000-8000-000000000000'), body: 'x' });
    expectSameAsMissing(await post(outsider, { target: to(secret.id), body: 'x' }), missing);
    expectSameAsMissing(await post(guest, { target: to(open.id), body: 'x' }), missing);
    expectStatus(await post(owner, { target: to(archived.id), body: 'x' }), 403, 'archived');
    expect(await postRowCounts(app)).toEqual(before);

    // An open external space: anyone of its audience may post, external people included.
    const res = await post(guest, { target: to(community.id), body: 'Hello community' });
    expectStatus(res, 201);
    expect(res.json().abilities).toMatchObject({ edit: true, share: true });
    const [event] = await eventRows(app, 'post.created', res.json().id);
    expect(event?.space_id).toBe(community.id);
    const head = await app.ctx.db
      .selectFrom('stream_heads')
      .selectAll()
      .where('stream', '=', `space:${community.id}`)
      .executeTakeFirst();
    expect(head?.last_post_id).toBe(res.json().id);
  });

  it('profile posts: the person must exist and be active', async () => {
    const me = await signedIn(app);
    const colleague = await signedIn(app);
    const gone = await signedIn(app);
    await deactivate(app, gone.person.id);
    const res = await post(me, { target: { type: 'person', id: colleague.person.id }, body: 'Welcome!' });
    expectStatus(res, 201);
    expect(res.json().target).toEqual({
      type: 'person',
      id: colleague.person.id,
      name: colleague.person.name,
      handle: colleague.person.handle,
    });
    const head = await app.ctx.db
      .selectFrom('stream_heads')
      .selectAll()
      .where('stream', '=', `person:${colleague.person.id}`)
      .executeTakeFirst();
    expect(head?.last_post_id).toBe(res.json().id);
    expectStatus(await post(me, { target: { type: 'person', id: 'nobody' }, body: 'x' }), 404);
    expectStatus(await post(me, { target: { type: 'person', id: gone.person.id }, body: 'x' }), 403);
  });

  it('record posts, and posts about a record shared into a space', async () => {
    const me = await signedIn(app);
    const record = await buildRecord(app, 'Globex');
    const res = await post(me, { target: { type: 'record', id: record.id }, body: 'Kick-off done' });
    expectStatus(res, 201);
    expect(res.json()).toMatchObject({
      target: { type: 'record', id: record.id, name: 'Globex', handle: null },
      record: { id: record.id, name: 'Globex', typeKey: record.typeKey },
    });
    expectStatus(await post(me, { target: { type: 'record', id: 'missing' }, body: 'x' }), 404);
    const other = await buildRecord(app, 'Initech');
    expectStatus(
      await post(me, { target: { type: 'record', id: record.id }, body: 'x', recordId: other.id }),
      400,
    );

    const community = await buildSpace(app, me, { audience: 'external' });
    const before = await postRowCounts(app);
    const notShared = await post(me, {
      target: { type: 'space', id: community.id },
      body: 'x',
      recordId: record.id,
    });
    expectStatus(notShared, 400);
    expect(await postRowCounts(app)).toEqual(before);
    await shareRecord(app, record.id, community.id);
    const about = await post(me, {
      target: { type: 'space', id: community.id },
      body: 'About Globex',
      recordId: record.id,
    });
    expectStatus(about, 201);
    expect(about.json().record).toEqual({ id: record.id, name: 'Globex', typeKey: record.typeKey });
    const row = await app.ctx.db
      .selectFrom('posts')
      .selectAll()
      .where('id', '=', about.json().id)
      .executeTakeFirstOrThrow();
    expect(row.stream).toBe(`space:${community.id}`);
    const head = await app.ctx.db
      .selectFrom('stream_heads')
      .selectAll()
      .where('stream', '=', `record:${record.id}`)
      .executeTakeFirst();
    expect(head?.last_post_id).toBe(row.id);
  });

  it('the factory creates posts through the same command', async () => {
    const me = await signedIn(app);
    const row = await buildPost(app, me, { body: 'From the factory #factory' });
    expect(row).toMatchObject({
      author_id: me.person.id,
      target_type: 'company',
      stream: 'company',
      kind: 'update',
    });
  });
});
