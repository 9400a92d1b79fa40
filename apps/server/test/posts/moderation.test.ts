import { LIMITS } from '@atrium/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, signedIn } from '../support/factories.ts';
import { buildPost } from '../support/post-factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { auditRows, call, eventRows, expectStatus, getPost } from './helpers.ts';

let app: TestApp;
let owner: Session;
let member: Session;
let spaceModerator: Session;
let siteModerator: Session;
let outsider: Session;
let spaceId: string;
beforeAll(async () => {
  app = await createTestApp();
  owner = await signedIn(app);
  member = await signedIn(app);
  spaceModerator = await signedIn(app);
  siteModerator = await signedIn(app, { role: 'moderator' });
  outsider = await signedIn(app);
  const space = await buildSpace(app, owner, { visibility: 'private' });
  spaceId = space.id;
  await addMember(app, space, member);
  await addMember(app, space, spaceModerator, 'moderator');
});
afterAll(async () => {
  await app.close();
});

const inSpace = () => buildPost(app, member, { target: { type: 'space', id: spaceId } });
const hide = (who: Session | undefined, id: string, body: unknown = { reason: 'Spam' }) =>
  call(app, who, 'PUT', `/api/v1/posts/${id}/hidden`, body as Record<string, unknown>);

async function stored(id: string) {
  return app.ctx.db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe('PUT/DELETE /api/v1/posts/:id/hidden', () => {
  it('answers 401, 400 for a missing or blank reason, 404 to non-readers, 403 to readers who do not moderate', async () => {
    const row = await inSpace();
    expectStatus(await hide(undefined, row.id), 401);
    expectStatus(await call(app, undefined, 'DELETE', `/api/v1/posts/${row.id}/hidden`), 401);
    for (const bad of [
      {},
      { reason: '' },
      { reason: '   ' },
      { reason: 'x'.repeat(LIMITS.hideReason + 1) },
      { reason: 'x', extra: 1 },
    ]) {
      expectStatus(await hide(spaceModerator, row.id, bad), 400, JSON.stringify(bad).slice(0, 40));
    }
    expectStatus(await hide(outsider, row.id), 404);
    expectStatus(await hide(member, row.id), 403);
    expectStatus(await call(app, member, 'DELETE', `/api/v1/posts/${row.id}/hidden`), 403);
    expect((await stored(row.id)).hidden_at).toBeNull();
    expect(await auditRows(app, 'post.hidden', row.id)).toHaveLength(0);
  });

  it('a space moderator hides and shows a post again; both audited, with events', async () => {
    const reader = await signedIn(app);
    const open = await buildSpace(app, owner, { visibility: 'open' });
    await addMember(app, open, spaceModerator, 'moderator');
    const row = await buildPost(app, member, { target: { type: 'space', id: open.id } });
    const res = await hide(spaceModerator, row.id, { reason: ' Off topic ' });
    expectStatus(res, 200);
    expect(res.json().hidden).toEqual({ at: expect.any(String), reason: 'Off topic' });
    expect(res.json().abilities).toMatchObject({ hide: true, delete: true });
    expect(await stored(row.id)).toMatchObject({
      hidden_by: spaceModerator.person.id,
      hidden_reason: 'Off topic',
    });
    expect(await auditRows(app, 'post.hidden', row.id)).toHaveLength(1);
    expect(await eventRows(app, 'post.hidden', row.id)).toHaveLength(1);
    expectStatus(await getPost(app, reader, row.id), 404);

    expectStatus(await call(app, spaceModerator, 'DELETE', `/api/v1/posts/${row.id}/hidden`), 204);
    expect(await auditRows(app, 'post.unhidden', row.id)).toHaveLength(1);
    expect(await eventRows(app, 'post.unhidden', row.id)).toHaveLength(1);
    const shown = await getPost(app, reader, row.id);
    expectStatus(shown, 200);
    expect(shown.json().hidden).toBeNull();
  });

  it('site moderators hide anywhere; space moderators only in their space', async () => {
    const company = await buildPost(app, member);
    expectStatus(await hide(spaceModerator, company.id), 403);
    expectStatus(await hide(siteModerator, company.id), 200);
    const [entry] = await auditRows(app, 'post.hidden', company.id);
    expect(entry?.actor_id).toBe(siteModerator.person.id);
  });

  it('hiding a hidden post changes nothing: the first hider and reason stay, no event, no audit row', async () => {
    const row = await inSpace();
    expectStatus(await hide(spaceModerator, row.id, { reason: 'Spam' }), 200);
    const first = await stored(row.id);
    const again = await hide(owner, row.id, { reason: 'Something else' });
    expectStatus(again, 200);
    expect(again.json().hidden).toEqual({ at: first.hidden_at, reason: 'Spam' });
    expect(await stored(row.id)).toMatchObject({
      hidden_at: first.hidden_at,
      hidden_by: spaceModerator.person.id,
      hidden_reason: 'Spam',
    });
    expect(await auditRows(app, 'post.hidden', row.id)).toHaveLength(1);
    expect(await eventRows(app, 'post.hidden', row.id)).toHaveLength(1);
    // Showing twice is a no-op as well.
    expectStatus(await call(app, spaceModerator, 'DELETE', `/api/v1/posts/${row.id}/hidden`), 204);
    expectStatus(await call(app, spaceModerator, 'DELETE', `/api/v1/posts/${row.id}/hidden`), 204);
    expect(await auditRows(app, 'post.unhidden', row.id)).toHaveLength(1);
  });
});

describe('PUT/DELETE /api/v1/posts/:id/pin', () => {
  it('answers 401, 404 to non-readers, 403 to members who do not moderate, 400 outside spaces', async () => {
    const row = await inSpace();
    expectStatus(await call(app, undefined, 'PUT', `/api/v1/posts/${row.id}/pin`), 401);
    expectStatus(await call(app, outsider, 'PUT', `/api/v1/posts/${row.id}/pin`), 404);
    expectStatus(await call(app, member, 'PUT', `/api/v1/posts/${row.id}/pin`), 403);
    expectStatus(await call(app, member, 'DELETE', `/api/v1/posts/${row.id}/pin`), 403);
    const company = await buildPost(app, member);
    expectStatus(await call(app, siteModerator, 'PUT', `/api/v1/posts/${company.id}/pin`), 400);
    expect((await stored(row.id)).pinned_at).toBeNull();
    expect((await stored(company.id)).pinned_at).toBeNull();
  });

  it('owners and moderators of the space pin and unpin, with events', async () => {
    const row = await inSpace();
    const res = await call(app, owner, 'PUT', `/api/v1/posts/${row.id}/pin`);
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({
      pinned: true,
      pinnedAt: expect.any(String),
      abilities: { pin: true },
    });
    expect(await stored(row.id)).toMatchObject({ pinned_by: owner.person.id });
    expect(await eventRows(app, 'post.pinned', row.id)).toHaveLength(1);
    // Pinning again changes nothing.
    expectStatus(await call(app, spaceModerator, 'PUT', `/api/v1/posts/${row.id}/pin`), 200);
    expect(await eventRows(app, 'post.pinned', row.id)).toHaveLength(1);
    expect((await getPost(app, member, row.id)).json()).toMatchObject({
      pinned: true,
      abilities: { pin: false },
    });

    expectStatus(await call(app, spaceModerator, 'DELETE', `/api/v1/posts/${row.id}/pin`), 204);
    expect(await stored(row.id)).toMatchObject({ pinned_at: null, pinned_by: null });
    expect(await eventRows(app, 'post.unpinned', row.id)).toHaveLength(1);
  });
});
