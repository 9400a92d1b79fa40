import type { PersonRow } from '../../src/modules/people/people.repository.ts';
import { type KindInput, kindColumns, writeKindDetails } from '../../src/modules/posts/kinds/kind-details.ts';
import type { SpaceRow } from '../../src/modules/spaces/spaces.repository.ts';
import { membershipOf } from '../../src/platform/access/spaces.ts';
import type { CommentsTable, PostsTable } from '../../src/platform/db/schema-conversation.ts';
import { isoIn, newId, nowIso } from '../../src/platform/db/time.ts';
import type { Session } from './factories.ts';
import type { TestApp } from './test-app.ts';

type Who = PersonRow | Session;
const personOf = (who: Who): PersonRow => ('person' in who ? who.person : who);

export type KindPostTarget =
  | { type: 'company' }
  | { type: 'space'; space: SpaceRow }
  | { type: 'person'; person: Who };

/**
 * A post of any kind written straight to the database through the kinds' own rules (kindColumns, then
 * writeKindDetails in the same transaction), for tests of the kinds that do not go through the create
 * route.
 */
export async function insertKindPost(
  app: TestApp,
  author: Who,
  target: KindPostTarget,
  input: KindInput,
  body = 'A post',
): Promise<PostsTable> {
  const actor = personOf(author);
  const spaceId = target.type === 'space' ? target.space.id : null;
  const membership = spaceId ? await membershipOf(app.ctx.db, spaceId, actor.id) : undefined;
  const columns = kindColumns(actor, { type: target.type, membership }, input);
  const profileId = target.type === 'person' ? personOf(target.person).id : null;
  const row: PostsTable = {
    id: newId(),
    author_id: actor.id,
    kind: input.kind,
    target_type: target.type,
    stream: spaceId ? `space:${spaceId}` : profileId ? `person:${profileId}` : 'company',
    space_id: spaceId,
    profile_id: profileId,
    record_id: null,
    body,
    body_html: `<p>${body}</p>`,
    ...columns,
    shared_post_id: null,
    accepted_comment_id: null,
    pinned_at: null,
    pinned_by: null,
    comment_count: 0,
    created_at: nowIso(),
    edited_at: null,
    deleted_at: null,
    deleted_by: null,
    hidden_at: null,
    hidden_by: null,
    hidden_reason: null,
  };
  await app.ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('posts').values(row).execute();
    await writeKindDetails(trx, row, input);
  });
  return row;
}

/** A comment row on a post (the comments API has its own tests). */
export async function insertComment(
  app: TestApp,
  post: Pick<PostsTable, 'id'>,
  author: Who,
  state: { deleted?: boolean; hidden?: boolean } = {},
): Promise<CommentsTable> {
  const row: CommentsTable = {
    id: newId(),
    post_id: post.id,
    parent_id: null,
    depth: 0,
    author_id: personOf(author).id,
    body: 'An answer',
    body_html: '<p>An answer</p>',
    reply_count: 0,
    created_at: nowIso(),
    edited_at: null,
    deleted_at: state.deleted ? nowIso() : null,
    hidden_at: state.hidden ? nowIso() : null,
    hidden_by: null,
  };
  await app.ctx.db.insertInto('comments').values(row).execute();
  return row;
}

/** Moves a poll's deadline into the past, as if time had passed. */
export async function closePoll(app: TestApp, post: Pick<PostsTable, 'id'>): Promise<void> {
  await app.ctx.db
    .updateTable('polls')
    .set({ closes_at: isoIn(-60_000) })
    .where('post_id', '=', post.id)
    .execute();
}

export const inAnHour = () => isoIn(3_600_000);

export async function pollOptions(app: TestApp, post: Pick<PostsTable, 'id'>) {
  return app.ctx.db
    .selectFrom('poll_options')
    .selectAll()
    .where('post_id', '=', post.id)
    .orderBy('position')
    .execute();
}

export async function pollState(app: TestApp, post: Pick<PostsTable, 'id'>) {
  const poll = await app.ctx.db
    .selectFrom('polls')
    .selectAll()
    .where('post_id', '=', post.id)
    .executeTakeFirstOrThrow();
  const options = await pollOptions(app, post);
  const votes = await app.ctx.db
    .selectFrom('poll_votes')
    .selectAll()
    .where('post_id', '=', post.id)
    .execute();
  return {
    voterCount: Number(poll.voter_count),
    counts: options.map((o) => Number(o.vote_count)),
    votes: votes.length,
  };
}

/** Names of the events recorded about one subject, oldest first. */
export async function eventsAbout(app: TestApp, subjectId: string): Promise<string[]> {
  const rows = await app.ctx.db
    .selectFrom('events')
    .select('name')
    .where('subject_id', '=', subjectId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => row.name);
}
