import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updatePost } from '../../src/modules/posts/commands/update-post.ts';
import { loadReadablePost } from '../../src/modules/posts/load-post.ts';
import { nowIso } from '../../src/platform/db/time.ts';
import { type Session, signedIn } from '../support/factories.ts';
import { buildPost } from '../support/post-factories.ts';
import { buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { call, expectStatus, getPost, postRowCounts } from './helpers.ts';

/** When an author may edit a post: not once it is hidden or its space archived, and never lose a body. */

let app: TestApp;
let author: Session;
let moderator: Session;
beforeAll(async () => {
  app = await createTestApp();
  author = await signedIn(app);
  moderator = await signedIn(app, { role: 'moderator' });
});
afterAll(async () => {
  await app.close();
});

const patch = (id: string, body: string) => call(app, author, 'PATCH', `/api/v1/posts/${id}`, { body });

const revisionBodies = async (postId: string) =>
  (
    await app.ctx.db
      .selectFrom('revisions')
      .select('body')
      .where('subject_type', '=', 'post')
      .where('subject_id', '=', postId)
      .execute()
  ).map((row) => row.body);

describe('editing a post whose conversation is closed', () => {
  it('a hidden post: 403, nothing stored, and the author is not offered the edit', async () => {
    const row = await buildPost(app, author, { body: 'Before' });
    expectStatus(
      await call(app, moderator, 'PUT', `/api/v1/posts/${row.id}/hidden`, { reason: 'Spam' }),
      200,
    );
    const before = await postRowCounts(app);
    const refused = await patch(row.id, 'After');
    expectStatus(refused, 403);
    expect(refused.json().detail).toBe('This post is hidden: its conversation is closed.');
    expect(await postRowCounts(app)).toEqual(before);
    const view = (await getPost(app, author, row.id)).json();
    expect(view).toMatchObject({ body: 'Before', editedAt: null });
    expect(view.abilities.edit).toBe(false);
  });

  it('a post in an archived space: 409, nothing stored, and no edit ability', async () => {
    const space = await buildSpace(app, author);
    const row = await buildPost(app, author, { target: { type: 'space', id: space.id }, body: 'Before' });
    expect((await getPost(app, author, row.id)).json().abilities.edit).toBe(true);
    await app.ctx.db
      .updateTable('spaces')
      .set({ archived_at: nowIso() })
      .where('id', '=', space.id)
      .execute();
    const before = await postRowCounts(app);
    const refused = await patch(row.id, 'After');
    expectStatus(refused, 409);
    expect(refused.json().detail).toBe('This space is archived.');
    expect(await postRowCounts(app)).toEqual(before);
    expect((await getPost(app, author, row.id)).json().abilities.edit).toBe(false);
  });
});

describe('editing while the post changes', () => {
  it('a post deleted after it was loaded answers 404 and stores nothing', async () => {
    const row = await buildPost(app, author, { body: 'Before' });
    const loaded = await loadReadablePost(app.ctx.db, author.person, row.id);
    await app.ctx.db.updateTable('posts').set({ deleted_at: nowIso() }).where('id', '=', row.id).execute();
    await expect(updatePost(app.ctx, { actor: author.person, loaded, body: 'After' })).rejects.toMatchObject({
      status: 404,
      detail: 'No such post.',
    });
    expect(await revisionBodies(row.id)).toEqual([]);
  });

  it('a post hidden after it was loaded answers 403', async () => {
    const row = await buildPost(app, author, { body: 'Before' });
    const loaded = await loadReadablePost(app.ctx.db, author.person, row.id);
    await app.ctx.db.updateTable('posts').set({ hidden_at: nowIso() }).where('id', '=', row.id).execute();
    await expect(updatePost(app.ctx, { actor: author.person, loaded, body: 'After' })).rejects.toMatchObject({
      status: 403,
    });
    expect(await revisionBodies(row.id)).toEqual([]);
  });

  it('concurrent edits keep every replaced body in the history, each once', async () => {
    const row = await buildPost(app, author, { body: 'v0' });
    const bodies = Array.from({ length: 8 }, (_, i) => `concurrent ${i + 1}`);
    const answers = await Promise.all(bodies.map((body) => patch(row.id, body)));
    expect(answers.map((res) => res.statusCode)).toEqual(bodies.map(() => 200));
    const final = (await getPost(app, author, row.id)).json().body as string;
    const history = await revisionBodies(row.id);
    expect(history).toHaveLength(bodies.length);
    expect([...history, final].sort()).toEqual(['v0', ...bodies].sort());
  });
});
