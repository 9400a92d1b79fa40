import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpaceRow } from '../../src/modules/spaces/spaces.repository.ts';
import type { PostsTable } from '../../src/platform/db/schema-conversation.ts';
import { nowIso } from '../../src/platform/db/time.ts';
import { call } from '../admin/helpers.ts';
import { type Session, signedIn } from '../support/factories.ts';
import { buildPost } from '../support/post-factories.ts';
import { closePoll, eventsAbout, inAnHour, pollOptions, pollState } from '../support/post-kinds-factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let author: Session;
let voter: Session;
let other: Session;
let customer: Session;
let team: SpaceRow;

beforeAll(async () => {
  app = await createTestApp();
  author = await signedIn(app, { name: 'Pia Pollster' });
  voter = await signedIn(app, { name: 'Vic Voter' });
  other = await signedIn(app, { name: 'Olly Other' });
  customer = await signedIn(app, { kind: 'external', name: 'Cleo Customer', email: 'cleo@customer.io' });
  team = await buildSpace(app, author, { visibility: 'private' });
  await addMember(app, team, voter);
});
afterAll(async () => {
  await app.close();
});

const vote = (who: Session | undefined, post: Pick<PostsTable, 'id'>, optionIds: unknown) =>
  call(app, who, 'PUT', `/api/v1/posts/${post.id}/vote`, { optionIds });
const retract = (who: Session | undefined, post: Pick<PostsTable, 'id'>) =>
  call(app, who, 'DELETE', `/api/v1/posts/${post.id}/vote`);

async function newPoll(
  options = ['Red', 'Green', 'Blue'],
  extra: { multiple?: boolean; target?: SpaceRow } = {},
) {
  const post = await buildPost(app, author, {
    kind: 'poll',
    poll: { options, multiple: extra.multiple ?? false, closesAt: inAnHour() },
    ...(extra.target ? { target: { type: 'space' as const, id: extra.target.id } } : {}),
  });
  return { post, ids: (await pollOptions(app, post)).map((o) => o.id) };
}

describe('PUT /posts/{id}/vote', () => {
  it('401 for anonymous callers (before any validation)', async () => {
    const { post, ids } = await newPoll();
    expect((await vote(undefined, post, [ids[0]])).statusCode).toBe(401);
    expect((await vote(undefined, post, 'nonsense')).statusCode).toBe(401);
    expect((await retract(undefined, post)).statusCode).toBe(401);
  });

  it('400 for malformed choices, options of another poll, two options on a single-choice poll, non-polls', async () => {
    const { post, ids } = await newPoll();
    const { ids: foreign } = await newPoll(['Cats', 'Dogs']);
    const update = await buildPost(app, author, {});
    const refused = [
      await vote(voter, post, []),
      await vote(voter, post, 'Red'),
      await call(app, voter, 'PUT', `/api/v1/posts/${post.id}/vote`, {}),
      await call(app, voter, 'PUT', `/api/v1/posts/${post.id}/vote`, { optionIds: [ids[0]], extra: 1 }),
      await vote(voter, post, [foreign[0]]),
      await vote(voter, post, [ids[0], ids[1]]),
      await vote(voter, post, [ids[0], ids[0]]),
      await vote(voter, update, ['anything']),
    ];
    expect(refused.map((r) => r.statusCode)).toEqual(Array(refused.length).fill(400));
    expect(refused[4]?.json()).toMatchObject({
      code: 'validation_failed',
      detail: `${foreign[0]} is not an option of this poll.`,
    });
    expect(refused[5]?.json().detail).toBe('This poll takes exactly one option.');
    expect(refused[7]?.json().detail).toBe('This post is not a poll.');
    expect(await pollState(app, post)).toEqual({ voterCount: 0, counts: [0, 0, 0], votes: 0 });
  });

  it('404 for missing posts and polls the voter may not read, deleted or hidden from them (same body)', async () => {
    const { post: secretPoll, ids } = await newPoll(['x', 'y'], { target: team });
    const { post: companyPoll, ids: companyIds } = await newPoll(['a', 'b']);
    const missing = await vote(voter, { id: '0190aaaa-0000-7000-8000-000000000000' }, ['x']);
    expect(missing.statusCode).toBe(404);
    const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined, requestId: undefined });
    const unreadable = await vote(other, secretPoll, [ids[0]]);
    expect(unreadable.statusCode).toBe(404);
    expect(strip(unreadable.json())).toEqual(strip(missing.json()));
    expect((await vote(customer, companyPoll, [companyIds[0]])).statusCode).toBe(404);
    expect((await retract(customer, companyPoll)).statusCode).toBe(404);

    const { post: hidden, ids: hiddenIds } = await newPoll(['h1', 'h2']);
    await app.ctx.db.updateTable('posts').set({ hidden_at: nowIso() }).where('id', '=', hidden.id).execute();
    expect((await vote(other, hidden, [hiddenIds[0]])).statusCode).toBe(404);
    const { post: deleted, ids: deletedIds } = await newPoll(['d1', 'd2']);
    await app.ctx.db
      .updateTable('posts')
      .set({ deleted_at: nowIso() })
      .where('id', '=', deleted.id)
      .execute();
    expect((await vote(author, deleted, [deletedIds[0]])).statusCode).toBe(404);
    expect(await pollState(app, secretPoll)).toEqual({ voterCount: 0, counts: [0, 0], votes: 0 });
  });

  it('records a vote, then shows the results; a new vote replaces the old one and counts stay right', async () => {
    const { post, ids } = await newPoll();
    const [red, green, blue] = ids;
    const first = await vote(voter, post, [red]);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ multiple: false, closed: false, voterCount: 1, myVotes: [red] });
    expect(first.json().options.map((o: { votes: number }) => o.votes)).toEqual([1, 0, 0]);

    expect((await vote(other, post, [red])).json().voterCount).toBe(2);
    const changed = await vote(voter, post, [green]);
    expect(changed.json().myVotes).toEqual([green]);
    expect(await pollState(app, post)).toEqual({ voterCount: 2, counts: [1, 1, 0], votes: 2 });

    // The same vote again changes nothing and records no second event.
    expect((await vote(voter, post, [green])).statusCode).toBe(200);
    expect(await pollState(app, post)).toEqual({ voterCount: 2, counts: [1, 1, 0], votes: 2 });
    expect(await eventsAbout(app, post.id)).toEqual([
      'post.created',
      'poll.voted',
      'poll.voted',
      'poll.voted',
    ]);
    expect(blue).toBeDefined();
  });

  it('takes one to all options of a multiple-choice poll, replacing the whole ballot', async () => {
    const { post, ids } = await newPoll(['A', 'B', 'C'], { multiple: true });
    const [a, b, c] = ids;
    expect((await vote(voter, post, [a, b])).json().options.map((o: { votes: number }) => o.votes)).toEqual([
      1, 1, 0,
    ]);
    expect((await vote(voter, post, [b, c])).statusCode).toBe(200);
    expect((await vote(other, post, [a, b, c])).statusCode).toBe(200);
    expect(await pollState(app, post)).toEqual({ voterCount: 2, counts: [1, 2, 2], votes: 5 });
  });

  it('lets an external member of an external space vote on its polls', async () => {
    const community = await buildSpace(app, author, { audience: 'external', visibility: 'private' });
    await addMember(app, community, customer);
    const { post, ids } = await newPoll(['Yes', 'No'], { target: community });
    expect((await vote(customer, post, [ids[1]])).json().myVotes).toEqual([ids[1]]);
  });

  it('409 after the deadline for votes and retractions; nothing changes', async () => {
    const { post, ids } = await newPoll();
    await vote(voter, post, [ids[0]]);
    await closePoll(app, post);
    const late = await vote(other, post, [ids[1]]);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'conflict', detail: 'The poll has closed.' });
    expect((await vote(voter, post, [ids[1]])).statusCode).toBe(409);
    expect((await retract(voter, post)).statusCode).toBe(409);
    expect(await pollState(app, post)).toEqual({ voterCount: 1, counts: [1, 0, 0], votes: 1 });
  });

  it('403 on a hidden poll for those who still see it, 409 in an archived space: the conversation is closed', async () => {
    const { post: hidden, ids: hiddenIds } = await newPoll(['h1', 'h2']);
    await app.ctx.db.updateTable('posts').set({ hidden_at: nowIso() }).where('id', '=', hidden.id).execute();
    const refused = await vote(author, hidden, [hiddenIds[0]]);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe('This post is hidden: its conversation is closed.');

    const archived = await buildSpace(app, author, { visibility: 'open' });
    const { post, ids } = await newPoll(['a1', 'a2'], { target: archived });
    await vote(voter, post, [ids[0]]);
    await app.ctx.db
      .updateTable('spaces')
      .set({ archived_at: nowIso() })
      .where('id', '=', archived.id)
      .execute();
    const late = await vote(other, post, [ids[1]]);
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toBe('This space is archived.');
    expect((await retract(voter, post)).statusCode).toBe(409);
    expect(await pollState(app, post)).toEqual({ voterCount: 1, counts: [1, 0], votes: 1 });
    expect(await pollState(app, hidden)).toEqual({ voterCount: 0, counts: [0, 0], votes: 0 });
  });

  it('keeps one ballot per person when the same person votes many times at once', async () => {
    const { post, ids } = await newPoll(['1', '2', '3', '4'], { multiple: true });
    const ballots = [[ids[0]], [ids[1], ids[2]], [ids[3]], [ids[0], ids[3]], [ids[2]]];
    const answers = await Promise.all(ballots.map((ballot) => vote(voter, post, ballot)));
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const state = await pollState(app, post);
    expect(state.voterCount).toBe(1);
    expect(state.counts.reduce((sum, n) => sum + n, 0)).toBe(state.votes);
  });
});

describe('DELETE /posts/{id}/vote', () => {
  it('retracts my vote before the deadline (204), then hides the counts again; retracting twice is harmless', async () => {
    const { post, ids } = await newPoll();
    await vote(voter, post, [ids[2]]);
    await vote(other, post, [ids[2]]);
    expect((await retract(voter, post)).statusCode).toBe(204);
    expect(await pollState(app, post)).toEqual({ voterCount: 1, counts: [0, 0, 1], votes: 1 });
    expect((await retract(voter, post)).statusCode).toBe(204);
    expect(await pollState(app, post)).toEqual({ voterCount: 1, counts: [0, 0, 1], votes: 1 });
    expect(await eventsAbout(app, post.id)).toEqual([
      'post.created',
      'poll.voted',
      'poll.voted',
      'poll.voted',
    ]);
  });

  it('400 on a post that is not a poll, 404 on a missing one', async () => {
    const update = await buildPost(app, author, {});
    expect((await retract(voter, update)).statusCode).toBe(400);
    expect((await retract(voter, { id: 'missing' })).statusCode).toBe(404);
  });
});
