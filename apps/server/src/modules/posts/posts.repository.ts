import { type SqlBool, sql, type Transaction } from 'kysely';
import { type Viewer, visiblePeopleFilter } from '../../platform/access/people.ts';
import { readablePostsFilter } from '../../platform/access/posts.ts';
import type { Dialect } from '../../platform/db/connect.ts';
import type { Executor } from '../../platform/db/executor.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { PostsTable, RevisionsTable } from '../../platform/db/schema-conversation.ts';
import type { PersonRow } from '../people/people.repository.ts';
import { readableRecordsFilter } from '../records/record-access.ts';
import type { SpaceRow } from '../spaces/spaces.repository.ts';

export function findPost(db: Executor, id: string): Promise<PostsTable | undefined> {
  return db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * A live (not deleted) post, locked until commit on PostgreSQL (SQLite runs one writer at a time), so two
 * concurrent edits are applied one after the other and each keeps the body it replaced.
 */
export function lockLivePost(
  trx: Transaction<DB>,
  dialect: Dialect,
  id: string,
): Promise<PostsTable | undefined> {
  let query = trx.selectFrom('posts').selectAll().where('id', '=', id).where('deleted_at', 'is', null);
  if (dialect === 'postgres') query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The posts among `ids` the viewer may read now (deleted ones never). */
export function readablePostsByIds(
  db: Executor,
  viewer: Viewer,
  ids: readonly string[],
): Promise<PostsTable[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('posts')
    .selectAll('posts')
    .where('posts.id', 'in', ids)
    .where(readablePostsFilter(db, viewer))
    .execute();
}

export async function spacesByIds(db: Executor, ids: readonly string[]): Promise<Map<string, SpaceRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('spaces').selectAll().where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row]));
}

export async function peopleByIds(db: Executor, ids: readonly string[]): Promise<Map<string, PersonRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('people').selectAll().where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** Which of these people the viewer may see (`visiblePeopleFilter`). */
export async function visiblePeopleIds(
  db: Executor,
  viewer: Viewer,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('people')
    .select('people.id')
    .where('people.id', 'in', ids)
    .where(visiblePeopleFilter(viewer))
    .execute();
  return new Set(rows.map((row) => row.id));
}

export interface RecordRef {
  id: string;
  name: string;
  typeKey: string;
}

/**
 * The records among `ids` the viewer may open (`readableRecordsFilter`): a post names its record only to
 * those, so an external reader of a space learns nothing of a record no longer shared with them.
 */
export async function readableRecordsByIds(
  db: Executor,
  viewer: Viewer,
  ids: readonly string[],
): Promise<Map<string, RecordRef>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('records')
    .innerJoin('record_types', 'record_types.id', 'records.type_id')
    .select(['records.id', 'records.name', 'record_types.key as typeKey'])
    .where('records.id', 'in', ids)
    .where(readableRecordsFilter(db, viewer))
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

export async function topicsByPost(db: Executor, postIds: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (postIds.length === 0) return result;
  const rows = await db
    .selectFrom('post_topics')
    .select(['post_id', 'topic'])
    .where('post_id', 'in', postIds)
    .orderBy('topic')
    .execute();
  for (const row of rows) result.set(row.post_id, [...(result.get(row.post_id) ?? []), row.topic]);
  return result;
}

export async function bookmarkedAmong(
  db: Executor,
  personId: string,
  postIds: readonly string[],
): Promise<Set<string>> {
  if (postIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('bookmarks')
    .select('post_id')
    .where('person_id', '=', personId)
    .where('post_id', 'in', postIds)
    .execute();
  return new Set(rows.map((row) => row.post_id));
}

/**
 * The viewer's bookmarks of posts they may still read, newest bookmark first, limit+1 rows. Hidden posts
 * stay listed for their author and site moderators only.
 */
export async function listBookmarks(
  db: Executor,
  viewer: Viewer,
  after: { at: string; postId: string } | undefined,
  limit: number,
): Promise<Array<{ post: PostsTable; bookmarkedAt: string }>> {
  let query = db
    .selectFrom('bookmarks')
    .innerJoin('posts', 'posts.id', 'bookmarks.post_id')
    .selectAll('posts')
    .select('bookmarks.created_at as bookmarked_at')
    .where('bookmarks.person_id', '=', viewer.id)
    .where(readablePostsFilter(db, viewer));
  if (viewer.role !== 'admin' && viewer.role !== 'moderator') {
    query = query.where((eb) =>
      eb.or([eb('posts.hidden_at', 'is', null), eb('posts.author_id', '=', viewer.id)]),
    );
  }
  if (after !== undefined) {
    query = query.where(
      sql<SqlBool>`(bookmarks.created_at < ${after.at} or (bookmarks.created_at = ${after.at} and bookmarks.post_id < ${after.postId}))`,
    );
  }
  const rows = await query
    .orderBy('bookmarks.created_at', 'desc')
    .orderBy('bookmarks.post_id', 'desc')
    .limit(limit + 1)
    .execute();
  return rows.map(({ bookmarked_at, ...post }) => ({ post, bookmarkedAt: bookmarked_at }));
}

/** A post's earlier bodies, newest first, limit+1 rows. */
export function listRevisions(
  db: Executor,
  postId: string,
  afterId: string | undefined,
  limit: number,
): Promise<RevisionsTable[]> {
  let query = db
    .selectFrom('revisions')
    .selectAll()
    .where('subject_type', '=', 'post')
    .where('subject_id', '=', postId);
  if (afterId !== undefined) query = query.where('id', '<', afterId);
  return query
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
}
