import { type Expression, expressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { PostsTable } from '../db/schema-conversation.ts';
import type { Viewer } from './people.ts';
import { plantedBug } from './planted-bugs.ts';
import {
  canReadSpace,
  type Membership,
  membershipOf,
  membershipSpaceIds,
  type SpaceFacts,
} from './spaces.ts';

/**
 * Who reads which post (ACCESS-MODEL.md, "Where content lives"), decided here and nowhere else.
 * Comments, reactions, votes, answers, attachments, link previews and edit history inherit it.
 *
 * - company feed, profile and record posts: employees (`member` kind) only;
 * - space posts: whoever may read the space (`canReadSpace`);
 * - deleted posts: nobody (their rows stay for history and moderation).
 * A hidden post stays readable, for its author and moderators only, by the callers that show it
 * (feeds leave hidden posts out).
 */
export type PostFacts = Pick<PostsTable, 'target_type' | 'space_id' | 'deleted_at'>;

type Executor = Kysely<DB> | Transaction<DB>;

/** The pure rule, given the space (for space posts) and the viewer's membership in it. */
export function canReadPost(
  viewer: Viewer,
  post: PostFacts,
  space: SpaceFacts | undefined,
  membership: Membership | undefined,
): boolean {
  if (post.deleted_at !== null) return false;
  if (post.target_type !== 'space') {
    // Test-only fault injection (planted-bugs.ts): off unless ATRIUM_PLANTED_BUG names it.
    if (plantedBug('external-reads-company-posts')) return true;
    return viewer.kind === 'member';
  }
  if (!space) return false;
  return canReadSpace(viewer, space, membership);
}

/** Loads what `canReadPost` needs and answers it: for one post (detail, comments, files, votes…). */
export async function mayReadPost(db: Executor, viewer: Viewer, post: PostFacts): Promise<boolean> {
  if (post.target_type !== 'space' || post.space_id === null)
    return canReadPost(viewer, post, undefined, undefined);
  const space = await db
    .selectFrom('spaces')
    .select(['id', 'audience', 'visibility', 'archived_at'])
    .where('id', '=', post.space_id)
    .executeTakeFirst();
  const membership = space ? await membershipOf(db, space.id, viewer.id) : undefined;
  return canReadPost(viewer, post, space, membership);
}

/**
 * `canReadPost` as a where-clause over `posts` (deleted posts excluded). For lists of posts from many
 * places (an author's posts, a topic, a record, bookmarks, search); feeds of one known space check the
 * space once instead.
 */
export function readablePostsFilter(db: Executor, viewer: Viewer): Expression<SqlBool> {
  const eb = expressionBuilder<DB, 'posts'>();
  const mine = eb('posts.space_id', 'in', membershipSpaceIds(db, viewer.id));
  const openSpaces = db.selectFrom('spaces').select('spaces.id').where('spaces.visibility', '=', 'open');
  const live = eb('posts.deleted_at', 'is', null);
  if (viewer.kind === 'member') {
    return eb.and([
      live,
      eb.or([eb('posts.target_type', '!=', 'space'), mine, eb('posts.space_id', 'in', openSpaces)]),
    ]);
  }
  const openExternal = openSpaces.where('spaces.audience', '=', 'external');
  if (plantedBug('external-reads-company-posts')) {
    return eb.and([
      live,
      eb.or([eb('posts.target_type', '!=', 'space'), mine, eb('posts.space_id', 'in', openExternal)]),
    ]);
  }
  return eb.and([
    live,
    eb('posts.target_type', '=', 'space'),
    eb.or([mine, eb('posts.space_id', 'in', openExternal)]),
  ]);
}

/** May the viewer moderate the post (hide, pin, accept answers in the space)? Site moderators and admins
 * moderate everywhere; space owners, admins and moderators in their space. */
export function canModeratePost(
  viewer: Viewer,
  post: PostFacts,
  membership: Membership | undefined,
): boolean {
  if (viewer.role === 'admin' || viewer.role === 'moderator') return true;
  if (post.target_type !== 'space' || !membership) return false;
  return membership.role !== 'member';
}
