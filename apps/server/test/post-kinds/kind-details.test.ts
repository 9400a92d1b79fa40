import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindViews } from '../../src/modules/posts/kinds/kind-details.ts';
import type { SpaceRow } from '../../src/modules/spaces/spaces.repository.ts';
import type { PostsTable } from '../../src/platform/db/schema-conversation.ts';
import { nowIso } from '../../src/platform/db/time.ts';
import { AppError } from '../../src/platform/http/errors.ts';
import { buildPerson, type Session, signedIn } from '../support/factories.ts';
import {
  closePoll,
  inAnHour,
  insertComment,
  insertKindPost,
  pollOptions,
} from '../support/post-kinds-factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let author: Session;
let colleague: Session;
let outsider: Session;
let customer: Session;
let community: SpaceRow;
let privateTeam: SpaceRow;

beforeAll(async () => {
  app = await createTestApp();
  author = await signedIn(app, { name: 'Ada Author' });
  colleague = await signedIn(app, { name: 'Cal Colleague' });
  outsider = await signedIn(app, { name: 'Ozzie Outsider' });
  customer = await signedIn(app, { kind: 'external', name: 'Cora Customer', email: 'cora@customer.io' });
  community = await buildSpace(app, author, { audience: 'external', visibility: 'private' });
  await addMember(app, community, customer);
  await addMember(app, community, colleague);
  privateTeam = await buildSpace(app, author, { visibility: 'private' });
  await addMember(app, privateTeam, colleague);
});
afterAll(async () => {
  await app.close();
});

async function refusalOf(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, detail: error.detail };
    throw error;
  }
  throw new Error('expected a refusal');
}

const countPosts = async () =>
  Number(
    (
      await app.ctx.db
        .selectFrom('posts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('writeKindDetails', () => {
  it('stores a poll with its options trimmed and in order', async () => {
    const closesAt = inAnHour();
    const post = await insertKindPost(
      app,
      author,
      { type: 'company' },
      { kind: 'poll', poll: { options: [' Tea ', 'Coffee', 'Water'], multiple: true, closesAt } },
    );
    const poll = await app.ctx.db
      .selectFrom('polls')
      .selectAll()
      .where('post_id', '=', post.id)
      .executeTakeFirst();
    expect(poll).toMatchObject({ multiple: 1, closes_at: closesAt, voter_count: 0 });
    expect((await pollOptions(app, post)).map((o) => [o.position, o.label, o.vote_count])).toEqual([
      [0, 'Tea', 0],
      [1, 'Coffee', 0],
      [2, 'Water', 0],
    ]);
  });

  it('stores praise recipients who can read the post', async () => {
    const post = await insertKindPost(
      app,
      author,
      { type: 'space', space: community },
      {
        kind: 'praise',
        praise: { recipientIds: [customer.person.id, colleague.person.id], badge: 'customer_hero' },
      },
    );
    expect(post.badge).toBe('customer_hero');
    const rows = await app.ctx.db
      .selectFrom('praise_recipients')
      .select('person_id')
      .where('post_id', '=', post.id)
      .execute();
    expect(rows.map((r) => r.person_id).sort()).toEqual([customer.person.id, colleague.person.id].sort());
  });

  it('refuses, with one message shape, recipients who are missing, unseen, deactivated or cannot read; stores nothing', async () => {
    const gone = await buildPerson(app, { name: 'Gus Gone' });
    await app.ctx.db.updateTable('people').set({ status: 'deactivated' }).where('id', '=', gone.id).execute();
    const stranger = await signedIn(app, {
      kind: 'external',
      name: 'Sam Stranger',
      email: 'sam@elsewhere.io',
    });
    const forum = await buildSpace(app, author, { audience: 'external', visibility: 'open' });
    await addMember(app, forum, customer);
    await addMember(app, forum, colleague);
    const before = await countPosts();
    const cases: Array<{ who: Session; target: Parameters<typeof insertKindPost>[2]; recipient: string }> = [
      { who: author, target: { type: 'company' }, recipient: 'no-such-person' },
      // An external person cannot read the company feed.
      { who: author, target: { type: 'company' }, recipient: customer.person.id },
      { who: author, target: { type: 'company' }, recipient: gone.id },
      // Not a member of the private space.
      { who: author, target: { type: 'space', space: privateTeam }, recipient: outsider.person.id },
      // The stranger could read the open forum, but the customer may not see them: the same answer as
      // for a missing id.
      { who: customer, target: { type: 'space', space: forum }, recipient: stranger.person.id },
      { who: customer, target: { type: 'space', space: community }, recipient: stranger.person.id },
      { who: customer, target: { type: 'space', space: community }, recipient: 'no-such-person' },
    ];
    for (const { who, target, recipient } of cases) {
      const refused = await refusalOf(
        insertKindPost(app, who, target, {
          kind: 'praise',
          praise: { recipientIds: [colleague.person.id, recipient], badge: 'thank_you' },
        }),
      );
      expect(refused, recipient).toEqual({
        status: 400,
        detail: `${recipient} is not an active person who can read this post.`,
      });
    }
    expect(await countPosts()).toBe(before);
  });
});

class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs) {
    this.count += 1;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs) {
    return args.result;
  }
}

describe('kindViews', () => {
  it('hides poll counts until the viewer has voted or the poll has closed', async () => {
    const post = await insertKindPost(
      app,
      author,
      { type: 'company' },
      { kind: 'poll', poll: { options: ['A', 'B'] } },
    );
    const [a, b] = await pollOptions(app, post);
    if (!a || !b) throw new Error('options missing');
    await app.ctx.db
      .insertInto('poll_votes')
      .values({ post_id: post.id, person_id: colleague.person.id, option_id: b.id, created_at: nowIso() })
      .execute();
    await app.ctx.db.updateTable('poll_options').set({ vote_count: 1 }).where('id', '=', b.id).execute();
    await app.ctx.db.updateTable('polls').set({ voter_count: 1 }).where('post_id', '=', post.id).execute();

    const before = (await kindViews(app.ctx.db, author.person, [post])).get(post.id)?.poll;
    expect(before).toMatchObject({ multiple: false, closed: false, voterCount: 1, myVotes: [] });
    expect(before?.options).toEqual([
      { id: a.id, label: 'A', votes: null },
      { id: b.id, label: 'B', votes: null },
    ]);
    const voter = (await kindViews(app.ctx.db, colleague.person, [post])).get(post.id)?.poll;
    expect(voter?.myVotes).toEqual([b.id]);
    expect(voter?.options.map((o) => o.votes)).toEqual([0, 1]);

    await closePoll(app, post);
    const closed = (await kindViews(app.ctx.db, author.person, [post])).get(post.id)?.poll;
    expect(closed?.closed).toBe(true);
    expect(closed?.options.map((o) => o.votes)).toEqual([0, 1]);
  });

  it('leaves out praise recipients the viewer may not see', async () => {
    const hidden = await signedIn(app, { name: 'Hana Hidden' });
    const post = await insertKindPost(
      app,
      author,
      { type: 'space', space: community },
      {
        kind: 'praise',
        praise: { recipientIds: [colleague.person.id, customer.person.id], badge: 'mentor' },
      },
    );
    // The customer shares the community with the colleague, and no space with `hidden` (added as a
    // recipient directly: the rules would refuse praising someone who cannot read the post).
    const outside = await insertKindPost(
      app,
      author,
      { type: 'space', space: community },
      { kind: 'praise', praise: { recipientIds: [customer.person.id], badge: 'mentor' } },
    );
    await app.ctx.db
      .insertInto('praise_recipients')
      .values({ post_id: outside.id, person_id: hidden.person.id })
      .execute();
    const views = await kindViews(app.ctx.db, customer.person, [post, outside]);
    expect(views.get(post.id)?.praise).toEqual({
      badge: 'mentor',
      recipients: [
        { id: colleague.person.id, handle: colleague.person.handle, name: 'Cal Colleague' },
        { id: customer.person.id, handle: customer.person.handle, name: 'Cora Customer' },
      ],
    });
    expect(views.get(outside.id)?.praise?.recipients.map((r) => r.id)).toEqual([customer.person.id]);
    const employeeView = await kindViews(app.ctx.db, author.person, [outside]);
    expect(employeeView.get(outside.id)?.praise?.recipients.map((r) => r.name)).toEqual([
      'Cora Customer',
      'Hana Hidden',
    ]);
  });

  it('counts acknowledgements and marks mine; gives the accepted answer while it is live', async () => {
    const admin = await buildPerson(app, { role: 'admin' });
    const announcement = await insertKindPost(
      app,
      admin,
      { type: 'company' },
      { kind: 'announcement', announcement: { requiresAck: true, pinnedUntil: inAnHour() } },
    );
    await app.ctx.db
      .insertInto('announcement_acks')
      .values([
        { post_id: announcement.id, person_id: colleague.person.id, created_at: nowIso() },
        { post_id: announcement.id, person_id: outsider.person.id, created_at: nowIso() },
      ])
      .execute();
    const question = await insertKindPost(app, author, { type: 'company' }, { kind: 'question' });
    const answer = await insertComment(app, question, colleague);
    await app.ctx.db
      .updateTable('posts')
      .set({ accepted_comment_id: answer.id })
      .where('id', '=', question.id)
      .execute();
    const accepted = { ...question, accepted_comment_id: answer.id };

    const views = await kindViews(app.ctx.db, colleague.person, [announcement, accepted]);
    expect(views.get(announcement.id)?.announcement).toEqual({
      pinnedUntil: announcement.pinned_until,
      requiresAck: true,
      acknowledgedByMe: true,
      ackCount: 2,
    });
    expect(views.get(question.id)).toEqual({ question: { acceptedCommentId: answer.id } });
    const authorView = await kindViews(app.ctx.db, author.person, [announcement]);
    expect(authorView.get(announcement.id)?.announcement?.acknowledgedByMe).toBe(false);

    // A hidden answer is no longer given as accepted; shown again, it is.
    const setHidden = (at: string | null) =>
      app.ctx.db.updateTable('comments').set({ hidden_at: at }).where('id', '=', answer.id).execute();
    await setHidden(nowIso());
    expect((await kindViews(app.ctx.db, author.person, [accepted])).get(question.id)?.question).toEqual({
      acceptedCommentId: null,
    });
    await setHidden(null);
    expect((await kindViews(app.ctx.db, author.person, [accepted])).get(question.id)?.question).toEqual({
      acceptedCommentId: answer.id,
    });

    await app.ctx.db
      .updateTable('comments')
      .set({ deleted_at: nowIso() })
      .where('id', '=', answer.id)
      .execute();
    expect((await kindViews(app.ctx.db, author.person, [accepted])).get(question.id)?.question).toEqual({
      acceptedCommentId: null,
    });
  });

  it('runs a fixed number of queries whatever the page size', async () => {
    const page: PostsTable[] = [];
    for (let i = 0; i < 6; i += 1) {
      page.push(
        await insertKindPost(
          app,
          author,
          { type: 'company' },
          { kind: 'poll', poll: { options: ['x', 'y'] } },
        ),
        await insertKindPost(
          app,
          author,
          { type: 'company' },
          { kind: 'praise', praise: { recipientIds: [colleague.person.id], badge: 'great_idea' } },
        ),
        await insertKindPost(app, author, { type: 'company' }, { kind: 'question' }),
        await insertKindPost(app, author, { type: 'company' }, { kind: 'update' }),
      );
    }
    const queriesFor = async (posts: typeof page) => {
      const counter = new QueryCounter();
      const views = await kindViews(app.ctx.db.withPlugin(counter), outsider.person, posts);
      expect(views.size).toBe(posts.length);
      return counter.count;
    };
    const small = await queriesFor(page.slice(0, 4));
    expect(await queriesFor(page)).toBe(small);
    expect(small).toBeLessThanOrEqual(6);
  });
});
