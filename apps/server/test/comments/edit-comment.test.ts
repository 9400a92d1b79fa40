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

const patch = (who: Parameters<typeof call>[1], id: string, payload: unknown) =>
  call(app, who, 'PATCH', `/api/v1/comments/${id}`, payload);
const revisions = (who: Parameters<typeof call>[1], id: string, query = '') =>
  call(app, who, 'GET', `/api/v1/comments/${id}/revisions${query}`);
const mentionsOf = async (commentId: string) =>
  (
    await app.ctx.db
      .selectFrom('mentions')
      .select('person_id')
      .where('subject_type', '=', 'comment')
      .where('subject_id', '=', commentId)
      .execute()
  ).map((row) => row.person_id);

describe('PATCH /comments/{id}', () => {
  it('401 anonymous; 400 bad input; 404 missing or unreadable; 403 for others than the author', async () => {
    const mine = await comment(app, w.owner, w.posts.internalOpen.id, 'original');
    const before = await conversationCounts(app);
    expect((await patch(undefined, mine.id, { body: 'x' })).statusCode).toBe(401);
    for (const payload of [
      {},
      { body: '' },
      { body: '  ' },
      { body: 'x'.repeat(LIMITS.commentBody + 1) },
      { body: 'ok', parentId: 'x' },
    ]) {
      await expectRefusedAndUnchanged(app, before, await patch(w.owner, mine.id, payload), 400);
    }
    await expectRefusedAndUnchanged(app, before, await patch(w.owner, 'no-such-comment', { body: 'x' }), 404);
    await expectRefusedAndUnchanged(app, before, await patch(w.external, mine.id, { body: 'x' }), 404);
    await expectRefusedAndUnchanged(app, before, await patch(w.employee, mine.id, { body: 'x' }), 403);
    // Not even a moderator edits someone else's words.
    await expectRefusedAndUnchanged(app, before, await patch(w.moderator, mine.id, { body: 'x' }), 403);
  });

  it('edits: new body rendered, previous body kept as a revision, mentions replaced, event', async () => {
    const first = await signedIn(app, { handle: 'first-mention' });
    const second = await signedIn(app, { handle: 'second-mention' });
    const c = await comment(app, w.employee, w.posts.company.id, 'Hello @first-mention');
    expect(await mentionsOf(c.id)).toEqual([first.person.id]);
    const res = await patch(w.employee, c.id, { body: 'Hello @second-mention, *edited*' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: c.id, body: 'Hello @second-mention, *edited*' });
    expect(res.json().bodyHtml).toContain('<em>edited</em>');
    expect(res.json().editedAt).toEqual(expect.any(String));
    expect(await mentionsOf(c.id)).toEqual([second.person.id]);
    const event = await app.ctx.db
      .selectFrom('events')
      .select('payload')
      .where('name', '=', 'comment.updated')
      .where('subject_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.payload)).toEqual({
      postId: w.posts.company.id,
      mentionedIds: [second.person.id],
      addedMentionIds: [second.person.id],
    });
    // The same body again changes nothing.
    const before = await conversationCounts(app);
    expect((await patch(w.employee, c.id, { body: 'Hello @second-mention, *edited*' })).statusCode).toBe(200);
    expect(await conversationCounts(app)).toEqual(before);

    const history = await revisions(w.owner, c.id);
    expect(history.statusCode).toBe(200);
    expect(history.json().items).toHaveLength(1);
    expect(history.json().items[0]).toMatchObject({
      body: 'Hello @first-mention',
      editor: { id: w.employee.person.id },
    });
    // Earlier bodies are rendered without resolving mentions again.
    expect(history.json().items[0].bodyHtml).toBe('<p>Hello @first-mention</p>');
  });

  it('403 for a hidden comment (even to its author); 409 in an archived space', async () => {
    const hidden = await comment(app, w.employee, w.posts.company.id, 'to be hidden');
    expect((await call(app, w.moderator, 'PUT', `/api/v1/comments/${hidden.id}/hidden`, {})).statusCode).toBe(
      200,
    );
    const space = await buildSpace(app, w.owner, { visibility: 'open' });
    const post = await insertPost(app, w.owner, { type: 'space', id: space.id });
    const archived = await comment(app, w.owner, post.id, 'before archiving');
    await app.ctx.db
      .updateTable('spaces')
      .set({ archived_at: nowIso() })
      .where('id', '=', space.id)
      .execute();
    const before = await conversationCounts(app);
    await expectRefusedAndUnchanged(app, before, await patch(w.employee, hidden.id, { body: 'sneaky' }), 403);
    await expectRefusedAndUnchanged(app, before, await patch(w.owner, archived.id, { body: 'after' }), 409);
  });
});

describe('GET /comments/{id}/revisions', () => {
  it('401, 400 bad cursor, 404 for missing, deleted or unreadable, 403 while hidden to others', async () => {
    const c = await comment(app, w.owner, w.posts.internalOpen.id, 'v1');
    expect((await revisions(undefined, c.id)).statusCode).toBe(401);
    expect((await revisions(w.owner, c.id, '?cursor=bad')).statusCode).toBe(400);
    expect((await revisions(w.owner, c.id, '?limit=1000')).statusCode).toBe(400);
    expect((await revisions(w.owner, 'no-such-comment')).statusCode).toBe(404);
    expect((await revisions(w.external, c.id)).statusCode).toBe(404);
    const hidden = await comment(app, w.employee, w.posts.internalOpen.id, 'v1');
    await patch(w.employee, hidden.id, { body: 'v2' });
    await call(app, w.moderator, 'PUT', `/api/v1/comments/${hidden.id}/hidden`, {});
    // The space's owner moderates it; another employee is just a reader.
    const reader = await signedIn(app);
    expect((await revisions(reader, hidden.id)).statusCode).toBe(403);
    expect((await revisions(w.owner, hidden.id)).statusCode).toBe(200);
    expect((await revisions(w.employee, hidden.id)).statusCode).toBe(200);
    expect((await revisions(w.moderator, hidden.id)).statusCode).toBe(200);
    await call(app, w.owner, 'DELETE', `/api/v1/comments/${c.id}`);
    expect((await revisions(w.owner, c.id)).statusCode).toBe(404);
  });

  it('lists earlier bodies newest first with a keyset cursor', async () => {
    const c = await comment(app, w.owner, w.posts.company.id, 'v1');
    for (const body of ['v2', 'v3', 'v4'])
      expect((await patch(w.owner, c.id, { body })).statusCode).toBe(200);
    const a = await revisions(w.employee, c.id, '?limit=2');
    expect(a.json().items.map((r: { body: string }) => r.body)).toEqual(['v3', 'v2']);
    const b = await revisions(w.employee, c.id, `?limit=2&cursor=${a.json().nextCursor}`);
    expect(b.json().items.map((r: { body: string }) => r.body)).toEqual(['v1']);
    expect(b.json().nextCursor).toBeNull();
  });
});

describe('PUT/DELETE /comments/{id}/hidden', () => {
  it('401; 400 bad input; 404 unreadable; 403 for non-moderators (the author included)', async () => {
    const c = await comment(app, w.employee, w.posts.internalOpen.id, 'hello');
    const before = await conversationCounts(app);
    const hide = (who: Parameters<typeof call>[1], id: string, payload: unknown = {}) =>
      call(app, who, 'PUT', `/api/v1/comments/${id}/hidden`, payload);
    expect((await hide(undefined, c.id)).statusCode).toBe(401);
    await expectRefusedAndUnchanged(
      app,
      before,
      await hide(w.moderator, c.id, { reason: 'x'.repeat(LIMITS.hideReason + 1) }),
      400,
    );
    await expectRefusedAndUnchanged(app, before, await hide(w.moderator, c.id, { why: 'x' }), 400);
    await expectRefusedAndUnchanged(app, before, await hide(w.external, c.id), 404);
    await expectRefusedAndUnchanged(app, before, await hide(w.moderator, 'no-such-comment'), 404);
    await expectRefusedAndUnchanged(app, before, await hide(w.employee, c.id), 403);
    await expectRefusedAndUnchanged(
      app,
      before,
      await call(app, w.employee, 'DELETE', `/api/v1/comments/${c.id}/hidden`),
      403,
    );
  });

  it('moderators hide and show again: audited, events, idempotent; space moderators in their space only', async () => {
    const spaceMod = await signedIn(app);
    await addMember(app, w.spaces.internalOpen, spaceMod, 'moderator');
    const inSpace = await comment(app, w.employee, w.posts.internalOpen.id, 'space talk');
    const inCompany = await comment(app, w.employee, w.posts.company.id, 'company talk');
    expect((await call(app, spaceMod, 'PUT', `/api/v1/comments/${inCompany.id}/hidden`, {})).statusCode).toBe(
      403,
    );

    const hidden = await call(app, spaceMod, 'PUT', `/api/v1/comments/${inSpace.id}/hidden`, {
      reason: 'off topic',
    });
    expect(hidden.statusCode).toBe(200);
    expect(hidden.json()).toMatchObject({ hidden: true, abilities: { hide: true } });
    expect(hidden.json().bodyHtml).toContain('space talk');
    const again = await call(app, spaceMod, 'PUT', `/api/v1/comments/${inSpace.id}/hidden`, {});
    expect(again.statusCode).toBe(200);
    const audits = await app.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('target_id', '=', inSpace.id)
      .execute();
    expect(audits.map((a) => a.action)).toEqual(['comment.hidden']);
    expect(JSON.parse(audits[0]?.data ?? '{}')).toMatchObject({ reason: 'off topic' });

    const shown = await call(app, w.moderator, 'DELETE', `/api/v1/comments/${inSpace.id}/hidden`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json().hidden).toBe(false);
    const events = await app.ctx.db
      .selectFrom('events')
      .select('name')
      .where('subject_id', '=', inSpace.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.name)).toEqual(['comment.created', 'comment.hidden', 'comment.unhidden']);
    const auditsAfter = await app.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', inSpace.id)
      .execute();
    expect(auditsAfter.map((a) => a.action).sort()).toEqual(['comment.hidden', 'comment.unhidden']);
  });
});
