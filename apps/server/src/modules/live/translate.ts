import type { EventName, LiveEventName } from '@atrium/contracts';
import type { Executor } from '../../platform/db/executor.ts';
import type { StoredEvent } from '../../platform/events/outbox.ts';
import type { LiveMessage } from '../../platform/realtime/bus.ts';

/**
 * Outbox events → live messages, for the publish handlers and for resume alike (one translation, so a
 * replay says exactly what the live push said). Messages carry ids, counts and enums only: a client
 * fetches content through the API, which applies the access model. Every message goes out on the post's
 * channel (`post:<id>`) and on the feed it lives in, so feeds can show "N new posts" and bump counters.
 */
export const LIVE_SOURCE_EVENTS = [
  'post.created',
  'post.updated',
  'post.deleted',
  'post.hidden',
  'post.unhidden',
  'comment.created',
  'comment.updated',
  'comment.deleted',
  'comment.hidden',
  'comment.unhidden',
  'reaction.added',
  'reaction.removed',
  'poll.voted',
] as const satisfies readonly EventName[];

type SourceEvent = (typeof LIVE_SOURCE_EVENTS)[number];

const isSource = (name: string): name is SourceEvent =>
  (LIVE_SOURCE_EVENTS as readonly string[]).includes(name);

interface PostFacts {
  id: string;
  author_id: string;
  kind: string;
  target_type: string;
  stream: string;
  space_id: string | null;
  record_id: string | null;
  comment_count: number;
}

/** What the messages of a batch of events need, read in a fixed number of queries. */
export interface Facts {
  posts: Map<string, PostFacts>;
  /** `<subjectType>:<subjectId>` → reaction kind → total. */
  totals: Map<string, Record<string, number>>;
  /** Poll post id → number of voters. */
  voters: Map<string, number>;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The post an event is about. */
export function postIdOf(event: StoredEvent): string | null {
  if (event.name.startsWith('post.') || event.name === 'poll.voted') return event.subjectId;
  return text(event.payload.postId);
}

const reactionKey = (event: StoredEvent): string => `${event.subjectType}:${event.subjectId}`;

export async function loadFacts(db: Executor, events: readonly StoredEvent[]): Promise<Facts> {
  const sources = events.filter((event) => isSource(event.name));
  const postIds = [...new Set(sources.map(postIdOf).filter((id): id is string => id !== null))];
  const reactions = sources.filter((e) => e.name.startsWith('reaction.') && e.subjectId !== null);
  const polls = [...new Set(sources.filter((e) => e.name === 'poll.voted').map(postIdOf))].filter(
    (id): id is string => id !== null,
  );
  const facts: Facts = { posts: new Map(), totals: new Map(), voters: new Map() };
  if (postIds.length > 0) {
    const rows = await db
      .selectFrom('posts')
      .select(['id', 'author_id', 'kind', 'target_type', 'stream', 'space_id', 'record_id', 'comment_count'])
      .where('id', 'in', postIds)
      .execute();
    for (const row of rows) facts.posts.set(row.id, { ...row, comment_count: Number(row.comment_count) });
  }
  const subjects = [...new Set(reactions.map((e) => e.subjectId as string))];
  if (subjects.length > 0) {
    for (const event of reactions) facts.totals.set(reactionKey(event), {});
    const rows = await db
      .selectFrom('reaction_totals')
      .select(['subject_type', 'subject_id', 'kind', 'total'])
      .where('subject_id', 'in', subjects)
      .where('total', '>', 0)
      .execute();
    for (const row of rows) {
      const totals = facts.totals.get(`${row.subject_type}:${row.subject_id}`);
      if (totals) totals[row.kind] = Number(row.total);
    }
  }
  if (polls.length > 0) {
    const rows = await db
      .selectFrom('polls')
      .select(['post_id', 'voter_count'])
      .where('post_id', 'in', polls)
      .execute();
    for (const row of rows) facts.voters.set(row.post_id, Number(row.voter_count));
  }
  return facts;
}

/** The feeds a post's news goes out on: its own stream, its record's feed, and the post itself. */
export function postChannels(post: Pick<PostFacts, 'id' | 'stream' | 'record_id'>): string[] {
  const channels = new Set([post.stream]);
  if (post.record_id !== null) channels.add(`record:${post.record_id}`);
  channels.add(`post:${post.id}`);
  return [...channels];
}

/** The live message of one event, or undefined for events that push nothing. */
export function translate(event: StoredEvent, facts: Facts): LiveMessage | undefined {
  if (!isSource(event.name)) return undefined;
  const postId = postIdOf(event);
  const post = postId === null ? undefined : facts.posts.get(postId);
  if (!post) return undefined;
  const message = (name: LiveEventName, data: Record<string, unknown>): LiveMessage => ({
    id: event.id,
    name,
    channels: postChannels(post),
    access: { kind: 'post', postId: post.id },
    data: { postId: post.id, ...data },
  });
  const commentId = event.subjectId;
  switch (event.name) {
    case 'post.created':
      return {
        ...message('post.created', {
          spaceId: post.space_id,
          kind: post.kind,
          targetType: post.target_type,
        }),
        actorId: post.author_id,
      };
    case 'post.updated':
      return message('post.updated', {});
    case 'post.hidden':
      // Its readers learn it is gone from view (they knew its id); nothing more reaches them after.
      return {
        ...message('post.updated', { hidden: true }),
        access: { kind: 'post', postId: post.id, asBeforeHiding: true },
      };
    case 'post.unhidden':
      return message('post.updated', { hidden: false });
    case 'post.deleted':
      return {
        ...message('post.deleted', {}),
        access: { kind: 'post', postId: post.id, asBeforeDeletion: true },
      };
    case 'comment.created':
      return message('comment.created', {
        commentId,
        parentId: text(event.payload.parentId),
        commentCount: post.comment_count,
      });
    case 'comment.updated':
      return message('comment.updated', { commentId });
    case 'comment.hidden':
    case 'comment.unhidden':
      return message('comment.updated', { commentId, hidden: event.name === 'comment.hidden' });
    case 'comment.deleted':
      return message('comment.deleted', { commentId, commentCount: post.comment_count });
    case 'reaction.added':
    case 'reaction.removed':
      return message('reaction.changed', {
        subjectType: event.subjectType,
        subjectId: event.subjectId,
        totals: facts.totals.get(reactionKey(event)) ?? {},
      });
    case 'poll.voted':
      return message('poll.updated', { voterCount: facts.voters.get(post.id) ?? 0 });
  }
}

/** Every live message of a batch of events, in the events' order. */
export async function translateEvents(db: Executor, events: readonly StoredEvent[]): Promise<LiveMessage[]> {
  const facts = await loadFacts(db, events);
  return events.map((event) => translate(event, facts)).filter((m): m is LiveMessage => m !== undefined);
}
