import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpaceRow } from '../../src/modules/spaces/spaces.repository.ts';
import type { PostsTable } from '../../src/platform/db/schema-conversation.ts';
import { nowIso } from '../../src/platform/db/time.ts';
import { call } from '../admin/helpers.ts';
import { type Session, signedIn } from '../support/factories.ts';
import { buildPost } from '../support/post-factories.ts';
import { eventsAbout, insertComment } from '../support/post-kinds-factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let asker: Session;
let answerer: Session;
let bystander: Session;
let spaceModerator: Session;
let siteModerator: Session;
let customer: Session;
let team: SpaceRow;

beforeAll(async () => {
  app = await createTestApp();
  asker = await signedIn(app, { name: 'Ann Asker' });
  answerer = await signedIn(app, { name: 'Abe Answerer' });
  bystander = await signedIn(app, { name: 'Bea Bystander' });
  spaceModerator = await signedIn(app, { name: 'Mo Moderator' });
  siteModerator = await signedIn(app, { name: 'Sid Sitemod', role: 'moderator' });
  customer = await signedIn(app, { kind: 'external', name: 'Cy Customer', email: 'cy@customer.io' });
  team = await buildSpace(app, answerer, { visibility: 'private' });
  for (const who of [asker, bystander]) await addMember(app, team, who);
  await addMember(app, team, spaceModerator, 'moderator');
});
afterAll(async () => {
  await app.close();
});

const accept = (who: Session | undefined, post: Pick<PostsTable, 'id'>, commentId: unknown) =>
  call(app, who, 'PUT', `/api/v1/posts/${post.id}/accepted-answer`, { commentId });
const withdraw = (who: Session | undefined, post: Pick<PostsTable, 'id'>) =>
  call(app, who, 'DELETE', `/api/v1/posts/${post.id}/accepted-answer`);

const acceptedOf = async (post: Pick<PostsTable, 'id'>) =>
  (
    await app.ctx.db
      .selectFrom('posts')
      .select('accepted_comment_id')
      .where('id', '=', post.id)
      .executeTakeFirstOrThrow()
  ).accepted_comment_id;

async function question(target?: SpaceRow) {
  const post = await buildPost(app, asker, {
    kind: 'question',
    body: 'How do I expense a train ticket?',
    ...(target ? { target: { type: 'space' as const, id: target.id } } : {}),
  });
  return { post, answer: await insertComment(app, post, answerer) };
}

describe('PUT /posts/{id}/accepted-answer', () => {
  it('401 for anonymous callers', async () => {
    const { post, answer } = await question();
    expect((await accept(undefined, post, answer.id)).statusCode).toBe(401);
    expect((await withdraw(undefined, post)).statusCode).toBe(401);
  });

  it('400 for a malformed body, a comment of another post, a deleted or hidden comment, or a non-question', async () => {
    const { post } = await question();
    const { answer: elsewhere } = await question();
    const deleted = await insertComment(app, post, answerer, { deleted: true });
    const hidden = await insertComment(app, post, answerer, { hidden: true });
    const update = await buildPost(app, asker, {});
    const onUpdate = await insertComment(app, update, answerer);
    const answers = [
      await call(app, asker, 'PUT', `/api/v1/posts/${post.id}/accepted-answer`, {}),
      await accept(asker, post, ''),
      await accept(asker, post, 42),
      await accept(asker, post, elsewhere.id),
      await accept(asker, post, deleted.id),
      await accept(asker, post, hidden.id),
      await accept(asker, post, 'no-such-comment'),
      await accept(asker, update, onUpdate.id),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual(Array(answers.length).fill(400));
    expect(answers[3]?.json()).toMatchObject({
      code: 'validation_failed',
      detail: 'No such comment on this question.',
    });
    expect(answers[7]?.json().detail).toBe('This post is not a question.');
    expect(await acceptedOf(post)).toBeNull();
    expect(await acceptedOf(update)).toBeNull();
  });

  it("403 when a plain member accepts an answer to someone else's question; nothing stored", async () => {
    const { post, answer } = await question();
    const refused = await accept(bystander, post, answer.id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('forbidden');
    // Answering does not make the answerer the asker.
    expect((await accept(answerer, post, answer.id)).statusCode).toBe(403);
    expect(await acceptedOf(post)).toBeNull();
    expect(await eventsAbout(app, post.id)).toEqual(['post.created']);
  });

  it('404 for a question the caller may not read, or a missing one', async () => {
    const { post, answer } = await question(team);
    const outsider = await signedIn(app, { name: 'Otto Outsider' });
    expect((await accept(outsider, post, answer.id)).statusCode).toBe(404);
    expect((await withdraw(outsider, post)).statusCode).toBe(404);
    expect((await accept(customer, (await question()).post, answer.id)).statusCode).toBe(404);
    expect((await accept(asker, { id: 'missing' }, answer.id)).statusCode).toBe(404);
    expect(await acceptedOf(post)).toBeNull();
  });

  it('the asker accepts an answer and may change it; the event is recorded each time', async () => {
    const { post, answer } = await question();
    const better = await insertComment(app, post, bystander);
    const accepted = await accept(asker, post, answer.id);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ acceptedCommentId: answer.id });
    expect(await acceptedOf(post)).toBe(answer.id);
    expect((await accept(asker, post, answer.id)).statusCode).toBe(200);
    expect((await accept(asker, post, better.id)).json()).toEqual({ acceptedCommentId: better.id });
    expect(await eventsAbout(app, post.id)).toEqual([
      'post.created',
      'question.answer_accepted',
      'question.answer_accepted',
    ]);
  });

  it('403 on a hidden question: its conversation is closed', async () => {
    const { post, answer } = await question();
    await app.ctx.db.updateTable('posts').set({ hidden_at: nowIso() }).where('id', '=', post.id).execute();
    expect((await accept(asker, post, answer.id)).statusCode).toBe(403);
    expect((await accept(bystander, post, answer.id)).statusCode).toBe(404);
    expect(await acceptedOf(post)).toBeNull();
  });

  it('space moderators accept in their space, site moderators anywhere', async () => {
    const inSpace = await question(team);
    expect((await accept(spaceModerator, inSpace.post, inSpace.answer.id)).statusCode).toBe(200);
    const inCompany = await question();
    expect((await accept(spaceModerator, inCompany.post, inCompany.answer.id)).statusCode).toBe(403);
    expect((await accept(siteModerator, inCompany.post, inCompany.answer.id)).statusCode).toBe(200);
    expect(await acceptedOf(inCompany.post)).toBe(inCompany.answer.id);
  });
});

describe('DELETE /posts/{id}/accepted-answer', () => {
  it('the asker withdraws the accepted answer (204); others get 403; non-questions 400', async () => {
    const { post, answer } = await question();
    await accept(asker, post, answer.id);
    expect((await withdraw(bystander, post)).statusCode).toBe(403);
    expect(await acceptedOf(post)).toBe(answer.id);
    expect((await withdraw(asker, post)).statusCode).toBe(204);
    expect(await acceptedOf(post)).toBeNull();
    expect((await withdraw(asker, post)).statusCode).toBe(204);
    expect((await withdraw(asker, await buildPost(app, asker, {}))).statusCode).toBe(400);
    expect(await eventsAbout(app, post.id)).toEqual([
      'post.created',
      'question.answer_accepted',
      'question.answer_accepted',
    ]);
  });
});
