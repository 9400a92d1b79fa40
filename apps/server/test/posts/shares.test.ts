import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, signedIn } from '../support/factories.ts';
import { buildPost } from '../support/post-factories.ts';
import { buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { buildRecord, call, eventRows, expectStatus, getPost, postRowCounts } from './helpers.ts';

let app: TestApp;
let me: Session;
let colleague: Session;
const spaces: Record<string, { id: string }> = {};
let recordId: string;
beforeAll(async () => {
  app = await createTestApp();
  me = await signedIn(app);
  colleague = await signedIn(app);
  for (const [key, audience, visibility] of [
    ['openInternal', 'internal', 'open'],
    ['privateInternal', 'internal', 'private'],
    ['otherInternal', 'internal', 'private'],
    ['secret', 'internal', 'secret'],
    ['openExternal', 'external', 'open'],
    ['privateExternal', 'external', 'private'],
  ] as const) {
    spaces[key] = await buildSpace(app, me, { audience, visibility });
  }
  recordId = (await buildRecord(app)).id;
});
afterAll(async () => {
  await app.close();
});

type Target = { type: 'company' } | { type: 'space' | 'person' | 'record'; id: string };
const space = (key: string): Target => ({ type: 'space', id: spaces[key]?.id ?? '' });
const share = (who: Session | undefined, id: string, payload: Record<string, unknown>) =>
  call(app, who, 'POST', `/api/v1/posts/${id}/shares`, payload);

describe('POST /api/v1/posts/:id/shares', () => {
  it('answers 401, 400 for bad input, 404 for a post I may not read; stores nothing', async () => {
    const original = await buildPost(app, me);
    const hiddenAway = await buildPost(app, me, { target: space('secret') });
    const before = await postRowCounts(app);
    expectStatus(await share(undefined, original.id, { target: { type: 'company' } }), 401);
    for (const bad of [
      {},
      { target: { type: 'nowhere' } },
      { target: { type: 'company' }, body: 'x'.repeat(20_001) },
      { target: { type: 'company' }, extra: true },
    ]) {
      expectStatus(await share(me, original.id, bad), 400, JSON.stringify(bad).slice(0, 50));
    }
    expectStatus(await share(colleague, hiddenAway.id, { target: { type: 'company' } }), 404);
    expect(await postRowCounts(app)).toEqual(before);
  });

  it('creates a new post that nests the original, with post.created and post.shared events', async () => {
    const original = await buildPost(app, colleague, { body: 'Original thoughts' });
    const res = await share(me, original.id, {
      target: space('openInternal'),
      body: 'Worth a read #reading',
    });
    expectStatus(res, 201);
    const view = res.json();
    expect(view).toMatchObject({
      kind: 'update',
      author: { id: me.person.id },
      target: { type: 'space', id: spaces.openInternal?.id },
      topics: ['reading'],
      sharedPost: {
        id: original.id,
        bodyHtml: '<p>Original thoughts</p>',
        author: { id: colleague.person.id },
      },
    });
    expect(view.sharedPost.sharedPost).toBeUndefined();
    expect(await eventRows(app, 'post.created', view.id)).toHaveLength(1);
    const [shared] = await eventRows(app, 'post.shared', view.id);
    expect(JSON.parse(String(shared?.payload))).toMatchObject({ originalId: original.id });

    const silent = await share(me, original.id, { target: { type: 'company' } });
    expectStatus(silent, 201);
    expect(silent.json()).toMatchObject({ body: '', bodyHtml: '', sharedPost: { id: original.id } });
  });

  it('sharing a share shares its original', async () => {
    const original = await buildPost(app, colleague);
    const first = (await share(me, original.id, { target: { type: 'company' } })).json();
    const second = await share(colleague, first.id, { target: space('openInternal') });
    expectStatus(second, 201);
    expect(second.json().sharedPost.id).toBe(original.id);
  });

  it('never widens the audience: each original goes only where its readers are', async () => {
    const cases: Array<[Target, Target[], Target[]]> = [
      [
        { type: 'company' },
        [
          { type: 'company' },
          { type: 'person', id: colleague.person.id },
          { type: 'record', id: recordId },
          space('privateInternal'),
          space('secret'),
        ],
        [space('openExternal'), space('privateExternal')],
      ],
      [
        space('openInternal'),
        [{ type: 'company' }, space('otherInternal')],
        [space('openExternal'), space('privateExternal')],
      ],
      [{ type: 'record', id: recordId }, [space('openInternal')], [space('openExternal')]],
      [space('openExternal'), [{ type: 'company' }, space('privateExternal'), space('secret')], []],
      [
        space('privateInternal'),
        [space('privateInternal')],
        [{ type: 'company' }, space('otherInternal'), space('openInternal')],
      ],
      [space('secret'), [space('secret')], [{ type: 'company' }, space('openInternal')]],
      [space('privateExternal'), [space('privateExternal')], [space('openExternal'), { type: 'company' }]],
    ];
    for (const [from, allowed, refused] of cases) {
      const original = await buildPost(app, me, { target: from });
      for (const target of allowed) {
        expectStatus(
          await share(me, original.id, { target }),
          201,
          `${JSON.stringify(from)} -> ${JSON.stringify(target)}`,
        );
      }
      const before = await postRowCounts(app);
      for (const target of refused) {
        const res = await share(me, original.id, { target });
        expectStatus(res, 403, `${JSON.stringify(from)} -> ${JSON.stringify(target)}`);
        expect(res.json().detail).toMatch(/shared only/);
      }
      expect(await postRowCounts(app)).toEqual(before);
    }
  });

  it('the sharer must be able to post to the target', async () => {
    const original = await buildPost(app, me);
    expectStatus(await share(colleague, original.id, { target: space('privateInternal') }), 403);
    expectStatus(await share(colleague, original.id, { target: space('secret') }), 404);
    const guest = await signedIn(app, { kind: 'external' });
    const community = await buildPost(app, me, { target: space('openExternal') });
    expectStatus(await share(guest, community.id, { target: { type: 'company' } }), 403);
    expectStatus(await share(guest, community.id, { target: space('openExternal') }), 201);
  });

  it('refuses to share a hidden post (409) and shows an original that became unreadable as unavailable', async () => {
    const moderator = await signedIn(app, { role: 'moderator' });
    const hidden = await buildPost(app, colleague);
    expectStatus(
      await call(app, moderator, 'PUT', `/api/v1/posts/${hidden.id}/hidden`, { reason: 'No' }),
      200,
    );
    expectStatus(await share(moderator, hidden.id, { target: { type: 'company' } }), 409);

    const closing = await buildSpace(app, me, { visibility: 'open' });
    const original = await buildPost(app, me, { target: { type: 'space', id: closing.id } });
    const shared = (await share(me, original.id, { target: { type: 'company' } })).json();
    expect((await getPost(app, colleague, shared.id)).json().sharedPost).toMatchObject({ id: original.id });
    await app.ctx.db
      .updateTable('spaces')
      .set({ visibility: 'private' })
      .where('id', '=', closing.id)
      .execute();
    expect((await getPost(app, colleague, shared.id)).json().sharedPost).toEqual({ unavailable: true });
    expect((await getPost(app, me, shared.id)).json().sharedPost).toMatchObject({ id: original.id });
    // Sharing the share needs the original: the colleague may no longer read it.
    expectStatus(await share(colleague, shared.id, { target: { type: 'company' } }), 403);

    expectStatus(await call(app, me, 'DELETE', `/api/v1/posts/${original.id}`), 204);
    expect((await getPost(app, me, shared.id)).json().sharedPost).toEqual({ unavailable: true });
  });
});
