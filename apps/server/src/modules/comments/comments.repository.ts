import { type ExpressionBuilder, type Kysely, sql, type Transaction } from 'kysely';
import { type Viewer, visiblePeopleFilter } from '../../platform/access/people.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { CommentsTable } from '../../platform/db/schema-conversation.ts';

export type Executor = Kysely<DB> | Transaction<DB>;
export type CommentRow = CommentsTable;

/**
 * A comment keeps its place in the thread while it is live, or deleted but still answered by shown
 * replies. `reply_count` counts exactly the shown direct replies, so this needs no join.
 */
const shown = (eb: ExpressionBuilder<DB, 'comments'>) =>
  eb.or([eb('comments.deleted_at', 'is', null), eb('comments.reply_count', '>', 0)]);

export function findComment(db: Executor, id: string): Promise<CommentRow | undefined> {
  return db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Top-level comments of a post, oldest first, after a keyset position; limit+1 rows. */
export function topLevelComments(db: Executor, postId: string, afterId: string | undefined, limit: number) {
  let query = db
    .selectFrom('comments')
    .selectAll()
    .where('comments.post_id', '=', postId)
    .where('comments.parent_id', 'is', null)
    .where(shown);
  if (afterId !== undefined) query = query.where('comments.id', '>', afterId);
  return query
    .orderBy('comments.id')
    .limit(limit + 1)
    .execute();
}

/** Replies to one comment, oldest first, after a keyset position; limit+1 rows. */
export function repliesOf(db: Executor, parentId: string, afterId: string | undefined, limit: number) {
  let query = db.selectFrom('comments').selectAll().where('comments.parent_id', '=', parentId).where(shown);
  if (afterId !== undefined) query = query.where('comments.id', '>', afterId);
  return query
    .orderBy('comments.id')
    .limit(limit + 1)
    .execute();
}

/**
 * The first `perParent + 1` shown replies of each parent, in one statement: one index range read with a
 * limit per parent (UNION ALL of bounded arms), so a parent with thousands of replies costs as little
 * as one with four. The extra row tells whether more follow.
 */
export async function firstRepliesOf(
  db: Executor,
  parentIds: readonly string[],
  perParent: number,
): Promise<CommentRow[]> {
  const arms = parentIds.map((parentId) =>
    db
      .selectFrom((eb) =>
        eb
          .selectFrom('comments')
          .selectAll()
          .where('comments.parent_id', '=', parentId)
          .where(shown)
          .orderBy('comments.id')
          .limit(perParent + 1)
          .as('arm'),
      )
      .selectAll(),
  );
  const [first, ...rest] = arms;
  if (!first) return [];
  return rest.reduce((query, arm) => query.unionAll(arm), first).execute();
}

export interface AuthorRow {
  id: string;
  handle: string;
  name: string;
  avatar_file_id: string | null;
}

/**
 * Authors and editors the viewer may see (platform/access/people.ts); anyone else is left out and shown
 * as null, like a post's author: an external reader of an open community does not learn who outside
 * their spaces wrote there.
 */
export async function authorsByIds(
  db: Executor,
  viewer: Viewer,
  ids: Iterable<string>,
): Promise<Map<string, AuthorRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('people')
    .select(['people.id', 'people.handle', 'people.name', 'people.avatar_file_id'])
    .where('people.id', 'in', unique)
    .where(visiblePeopleFilter(viewer))
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** Takes one from a comment's count of shown replies; returns the comment as it is now. */
export function uncountReply(trx: Transaction<DB>, commentId: string) {
  return trx
    .updateTable('comments')
    .set({ reply_count: sql<number>`reply_count - 1` })
    .where('id', '=', commentId)
    .returning(['id', 'parent_id', 'deleted_at', 'reply_count'])
    .executeTakeFirst();
}

/**
 * Counts a new comment on a post that is still live and not hidden, under the post's row lock; false
 * when a concurrent delete or hide got there first.
 */
export async function countNewComment(trx: Transaction<DB>, postId: string): Promise<boolean> {
  const result = await trx
    .updateTable('posts')
    .set({ comment_count: sql<number>`comment_count + 1` })
    .where('id', '=', postId)
    .where('deleted_at', 'is', null)
    .where('hidden_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Counts a new reply under a parent that is still live, under the parent's row lock. */
export async function countNewReply(trx: Transaction<DB>, parentId: string): Promise<boolean> {
  const result = await trx
    .updateTable('comments')
    .set({ reply_count: sql<number>`reply_count + 1` })
    .where('id', '=', parentId)
    .where('deleted_at', 'is', null)
    .where('hidden_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function uncountComment(trx: Transaction<DB>, postId: string): Promise<void> {
  await trx
    .updateTable('posts')
    .set({ comment_count: sql<number>`comment_count - 1` })
    .where('id', '=', postId)
    .execute();
}

export async function replaceMentions(
  trx: Transaction<DB>,
  comment: Pick<CommentRow, 'id' | 'post_id'>,
  personIds: readonly string[],
  now: string,
): Promise<void> {
  await trx
    .deleteFrom('mentions')
    .where('subject_type', '=', 'comment')
    .where('subject_id', '=', comment.id)
    .execute();
  if (personIds.length === 0) return;
  await trx
    .insertInto('mentions')
    .values(
      personIds.map((personId) => ({
        subject_type: 'comment' as const,
        subject_id: comment.id,
        post_id: comment.post_id,
        person_id: personId,
        created_at: now,
      })),
    )
    .execute();
}

export async function mentionedIdsOf(db: Executor, commentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('mentions')
    .select('person_id')
    .where('subject_type', '=', 'comment')
    .where('subject_id', '=', commentId)
    .execute();
  return rows.map((row) => row.person_id);
}

/** A comment's earlier bodies, newest first, after a keyset position; limit+1 rows. */
export function revisionsOf(db: Executor, commentId: string, beforeId: string | undefined, limit: number) {
  let query = db
    .selectFrom('revisions')
    .selectAll()
    .where('subject_type', '=', 'comment')
    .where('subject_id', '=', commentId);
  if (beforeId !== undefined) query = query.where('id', '<', beforeId);
  return query
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
}
