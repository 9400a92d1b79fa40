import { LIMITS } from '@atrium/contracts';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Viewer } from '../../platform/access/people.ts';
import { readablePostsFilter } from '../../platform/access/posts.ts';
import type { Dialect } from '../../platform/db/connect.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { FeedFollowTarget, FeedMuteTarget, PostsTable } from '../../platform/db/schema-conversation.ts';
import { nowIso } from '../../platform/db/time.ts';
import { topicPostsFrom } from './topic-posts.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/** At most this many pinned posts lead a space feed. */
export const MAX_PINNED = 10;

/** Pinned posts of a space the viewer may read, most recently pinned first (a partial index holds them). */
export function pinnedPosts(db: Executor, spaceId: string): Promise<PostsTable[]> {
  return db
    .selectFrom('posts')
    .selectAll()
    .where('space_id', '=', spaceId)
    .where('pinned_at', 'is not', null)
    .where('deleted_at', 'is', null)
    .where('hidden_at', 'is', null)
    .orderBy('pinned_at', 'desc')
    .orderBy('id', 'desc')
    .limit(MAX_PINNED)
    .execute();
}

/**
 * Live announcements the viewer may read: pinned until a future date, or without an end; newest first.
 * Ordered by creation time rather than id so that no plan walks the posts' primary key: the few live
 * announcements come from posts(kind, pinned_until) and are sorted.
 */
export function liveAnnouncements(db: Executor, viewer: Viewer, now: string): Promise<PostsTable[]> {
  return db
    .selectFrom('posts')
    .selectAll('posts')
    .where('posts.kind', '=', 'announcement')
    .where((eb) => eb.or([eb('posts.pinned_until', 'is', null), eb('posts.pinned_until', '>', now)]))
    .where('posts.hidden_at', 'is', null)
    .where(readablePostsFilter(db, viewer))
    .orderBy('posts.created_at', 'desc')
    .orderBy('posts.id', 'desc')
    .limit(LIMITS.liveAnnouncements)
    .execute();
}

/**
 * `= (select ?)`: the planner does not see the topic, so it plans for a typical one rather than for a topic
 * it knows to be common (PostgreSQL would then read posts whole).
 */
const opaque = (value: string) => sql<string>`(select ${value})`;

/** Live posts carrying the topic that the viewer may read: a topic exists for someone who reads one of them. */
export async function topicIsVisible(
  db: Kysely<DB>,
  dialect: Dialect,
  viewer: Viewer,
  topic: string,
): Promise<boolean> {
  const row = await topicPostsFrom(db, dialect)
    .select('post_topics.post_id')
    .where('post_topics.topic', '=', opaque(topic))
    .where('posts.hidden_at', 'is', null)
    .where(readablePostsFilter(db, viewer))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** How many live posts with the topic the viewer may read (topic pages of external people). */
export async function readableTopicPostCount(
  db: Kysely<DB>,
  dialect: Dialect,
  viewer: Viewer,
  topic: string,
): Promise<number> {
  const row = await topicPostsFrom(db, dialect)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('post_topics.topic', '=', opaque(topic))
    .where('posts.hidden_at', 'is', null)
    .where(readablePostsFilter(db, viewer))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function topicTotal(db: Executor, topic: string): Promise<number | undefined> {
  const row = await db.selectFrom('topics').select('post_count').where('name', '=', topic).executeTakeFirst();
  return row === undefined ? undefined : Number(row.post_count);
}

/**
 * Topics starting with `prefix` that the viewer may know about (carried by a live post they may read), most
 * used first. Only the `candidates` most used names with the prefix are checked, so that a keystroke costs a
 * bounded number of lookups. Names compare in code-point order on both dialects (PostgreSQL's collation may
 * order text otherwise), so the range holds exactly the names with the prefix.
 */
export function visibleTopicsByPrefix(
  db: Kysely<DB>,
  dialect: Dialect,
  viewer: Viewer,
  prefix: string,
  options: { limit: number; candidates: number },
) {
  const name = dialect === 'postgres' ? sql<string>`topics.name collate "C"` : sql<string>`topics.name`;
  const candidates = db
    .selectFrom('topics')
    .select(['topics.name', 'topics.post_count'])
    .$if(prefix !== '', (q) => q.where(name, '>=', prefix).where(name, '<', `${prefix}\u{10FFFF}`))
    .orderBy('topics.post_count', 'desc')
    .orderBy('topics.name')
    .limit(options.candidates);
  // The check is a scalar subquery per candidate (never turned into a join that could scan posts).
  const withHit = db
    .selectFrom(candidates.as('candidate'))
    .select([
      'candidate.name',
      'candidate.post_count',
      topicPostsFrom(db, dialect)
        .select('post_topics.post_id')
        .where('post_topics.topic', '=', sql.ref<string>('candidate.name'))
        .where('posts.hidden_at', 'is', null)
        .where(readablePostsFilter(db, viewer))
        .limit(1)
        .as('hit'),
    ]);
  return db
    .selectFrom(withHit.as('checked'))
    .select(['checked.name', 'checked.post_count'])
    .where('checked.hit', 'is not', null)
    .orderBy('checked.post_count', 'desc')
    .orderBy('checked.name')
    .limit(options.limit)
    .execute();
}

/** Adds a follow or mute unless it exists; true when a row was added. */
export async function insertPreference(
  trx: Transaction<DB>,
  table: 'feed_follows' | 'feed_mutes',
  personId: string,
  target: { type: FeedFollowTarget | FeedMuteTarget; id: string },
): Promise<boolean> {
  const values = {
    person_id: personId,
    target_type: target.type,
    target_id: target.id,
    created_at: nowIso(),
  };
  const result = await (table === 'feed_follows'
    ? trx
        .insertInto('feed_follows')
        .values({ ...values, target_type: target.type as FeedFollowTarget })
        .onConflict((oc) => oc.columns(['person_id', 'target_type', 'target_id']).doNothing())
        .executeTakeFirst()
    : trx
        .insertInto('feed_mutes')
        .values({ ...values, target_type: target.type as FeedMuteTarget })
        .onConflict((oc) => oc.columns(['person_id', 'target_type', 'target_id']).doNothing())
        .executeTakeFirst());
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Removes a follow or mute; true when there was one. */
export async function deletePreference(
  trx: Transaction<DB>,
  table: 'feed_follows' | 'feed_mutes',
  personId: string,
  target: { type: string; id: string },
): Promise<boolean> {
  const result = await trx
    .deleteFrom(table)
    .where('person_id', '=', personId)
    .where('target_type', '=', target.type as FeedFollowTarget & FeedMuteTarget)
    .where('target_id', '=', target.id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function hasPreference(
  db: Executor,
  table: 'feed_follows' | 'feed_mutes',
  personId: string,
  target: { type: string; id: string },
): Promise<boolean> {
  const row = await db
    .selectFrom(table)
    .select('person_id')
    .where('person_id', '=', personId)
    .where('target_type', '=', target.type as FeedFollowTarget & FeedMuteTarget)
    .where('target_id', '=', target.id)
    .executeTakeFirst();
  return row !== undefined;
}

/** Everything the person follows or mutes, oldest first, as (table, type, id). */
export async function preferencesOf(db: Executor, personId: string) {
  const [follows, mutes] = await Promise.all([
    db
      .selectFrom('feed_follows')
      .select(['target_type', 'target_id'])
      .where('person_id', '=', personId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('feed_mutes')
      .select(['target_type', 'target_id'])
      .where('person_id', '=', personId)
      .orderBy('created_at')
      .execute(),
  ]);
  return { follows, mutes };
}
