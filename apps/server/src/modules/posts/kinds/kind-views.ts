import { PRAISE_BADGES, type PraiseBadge } from '@atrium/contracts';
import type { Static } from 'typebox';
import { type Viewer, visiblePeopleFilter } from '../../../platform/access/people.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import type { PostsTable } from '../../../platform/db/schema-conversation.ts';
import type { AnnouncementView, PollView, PraiseView, QuestionView } from './kinds.schema.ts';

/**
 * The kind parts of a page of posts the viewer may read, one query per part whatever the page size.
 * Every function takes the posts of its kind only.
 */

type PostRef = Pick<PostsTable, 'id'>;

const groupBy = <T, K>(rows: readonly T[], keyOf: (row: T) => K): Map<K, T[]> => {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
};

const isClosed = (closesAt: string | null, now: string) => closesAt !== null && closesAt <= now;

/** Polls with their options; counts stay hidden until the viewer has voted or the poll has closed. */
export async function pollViews(
  db: Executor,
  viewer: Viewer,
  posts: readonly PostRef[],
  now = new Date().toISOString(),
): Promise<Map<string, Static<typeof PollView>>> {
  const views = new Map<string, Static<typeof PollView>>();
  if (posts.length === 0) return views;
  const ids = posts.map((post) => post.id);
  const [options, votes] = await Promise.all([
    db
      .selectFrom('polls')
      .innerJoin('poll_options', 'poll_options.post_id', 'polls.post_id')
      .select([
        'polls.post_id',
        'polls.multiple',
        'polls.closes_at',
        'polls.voter_count',
        'poll_options.id',
        'poll_options.label',
        'poll_options.vote_count',
      ])
      .where('polls.post_id', 'in', ids)
      .orderBy('polls.post_id')
      .orderBy('poll_options.position')
      .execute(),
    db
      .selectFrom('poll_votes')
      .select(['post_id', 'option_id'])
      .where('post_id', 'in', ids)
      .where('person_id', '=', viewer.id)
      .execute(),
  ]);
  const myVotes = groupBy(votes, (vote) => vote.post_id);
  for (const [postId, rows] of groupBy(options, (row) => row.post_id)) {
    const first = rows[0];
    if (!first) continue;
    const mine = (myVotes.get(postId) ?? []).map((vote) => vote.option_id);
    const closed = isClosed(first.closes_at, now);
    const showCounts = closed || mine.length > 0;
    views.set(postId, {
      multiple: Number(first.multiple) === 1,
      closesAt: first.closes_at,
      closed,
      voterCount: Number(first.voter_count),
      myVotes: mine,
      options: rows.map((row) => ({
        id: row.id,
        label: row.label,
        votes: showCounts ? Number(row.vote_count) : null,
      })),
    });
  }
  return views;
}

const isBadge = (value: string | null): value is PraiseBadge =>
  value !== null && (PRAISE_BADGES as readonly string[]).includes(value);

/** Praise with only the recipients the viewer may see (the others are left out, not masked). */
export async function praiseViews(
  db: Executor,
  viewer: Viewer,
  posts: readonly Pick<PostsTable, 'id' | 'badge'>[],
): Promise<Map<string, Static<typeof PraiseView>>> {
  const views = new Map<string, Static<typeof PraiseView>>();
  const praised = posts.filter((post) => isBadge(post.badge));
  if (praised.length === 0) return views;
  const recipients = await db
    .selectFrom('praise_recipients')
    .innerJoin('people', 'people.id', 'praise_recipients.person_id')
    .select(['praise_recipients.post_id', 'people.id', 'people.handle', 'people.name'])
    .where(
      'praise_recipients.post_id',
      'in',
      praised.map((post) => post.id),
    )
    .where(visiblePeopleFilter(viewer))
    .orderBy('praise_recipients.post_id')
    .orderBy('people.name')
    .orderBy('people.id')
    .execute();
  const byPost = groupBy(recipients, (row) => row.post_id);
  for (const post of praised) {
    if (!isBadge(post.badge)) continue;
    views.set(post.id, {
      badge: post.badge,
      recipients: (byPost.get(post.id) ?? []).map(({ id, handle, name }) => ({ id, handle, name })),
    });
  }
  return views;
}

/** Announcements: their pin, and for those asking for it, how many acknowledged and whether I did. */
export async function announcementViews(
  db: Executor,
  viewer: Viewer,
  posts: readonly Pick<PostsTable, 'id' | 'requires_ack' | 'pinned_until'>[],
): Promise<Map<string, Static<typeof AnnouncementView>>> {
  const views = new Map<string, Static<typeof AnnouncementView>>();
  if (posts.length === 0) return views;
  const acked = posts.filter((post) => Number(post.requires_ack) === 1).map((post) => post.id);
  const [counts, mine] =
    acked.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .selectFrom('announcement_acks')
            .select((eb) => ['post_id', eb.fn.countAll<number | string>().as('acks')])
            .where('post_id', 'in', acked)
            .groupBy('post_id')
            .execute(),
          db
            .selectFrom('announcement_acks')
            .select('post_id')
            .where('post_id', 'in', acked)
            .where('person_id', '=', viewer.id)
            .execute(),
        ]);
  const countOf = new Map(counts.map((row) => [row.post_id, Number(row.acks)]));
  const mineSet = new Set(mine.map((row) => row.post_id));
  for (const post of posts) {
    views.set(post.id, {
      pinnedUntil: post.pinned_until,
      requiresAck: Number(post.requires_ack) === 1,
      acknowledgedByMe: mineSet.has(post.id),
      ackCount: countOf.get(post.id) ?? 0,
    });
  }
  return views;
}

/** Questions: the accepted answer, while that comment is live (neither deleted nor hidden). */
export async function questionViews(
  db: Executor,
  posts: readonly Pick<PostsTable, 'id' | 'accepted_comment_id'>[],
): Promise<Map<string, Static<typeof QuestionView>>> {
  const views = new Map<string, Static<typeof QuestionView>>();
  const accepted = posts.flatMap((post) => (post.accepted_comment_id ? [post.accepted_comment_id] : []));
  const live =
    accepted.length === 0
      ? new Set<string>()
      : new Set(
          (
            await db
              .selectFrom('comments')
              .select('id')
              .where('id', 'in', accepted)
              .where('deleted_at', 'is', null)
              .where('hidden_at', 'is', null)
              .execute()
          ).map((row) => row.id),
        );
  for (const post of posts) {
    const id = post.accepted_comment_id;
    views.set(post.id, { acceptedCommentId: id !== null && live.has(id) ? id : null });
  }
  return views;
}
