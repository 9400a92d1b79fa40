import { type Kysely, sql } from 'kysely';
import type { Viewer } from '../../platform/access/people.ts';
import { canReadPost } from '../../platform/access/posts.ts';
import { readableSpacesFilter } from '../../platform/access/spaces.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { HeadedSource } from './feed-merge.ts';
import { type FeedExclusions, type FeedSource, headKeyOf } from './feed-sources.ts';
import { runTemplate, type SlotOf } from './statement-cache.ts';
import { streamOf } from './stream-heads.ts';

/** One row of the discovery query: what it is, its id, and its head when it is a source. */
interface DiscoveryRow {
  kind: string;
  id: string;
  head: string | null;
}

export interface HomeSources {
  sources: HeadedSource[];
  exclusions: FeedExclusions;
}

/**
 * Everything the home feed reads, with heads, in one statement: my spaces, open spaces I follow (only while
 * I may read them), followed topics, records and people, my mutes, and, for employees, the company feed and
 * posts on my profile. Mutes win over follows and memberships.
 */
export async function homeSources(db: Kysely<DB>, viewer: Viewer): Promise<HomeSources> {
  const values = {
    me: viewer.id,
    company: streamOf({ type: 'company' }),
    profile: streamOf({ type: 'person', id: viewer.id }),
  };
  const rows = await runTemplate<DiscoveryRow>(
    db,
    `home|${viewer.kind}|${readsWholeStreams(viewer)}`,
    (slot) => discovery(db, { kind: viewer.kind, role: viewer.role }, slot),
    values,
  );
  return plan(viewer, rows);
}

/**
 * The discovery statement, for a kind of viewer: values come only through slots (`slot('me')` is the
 * viewer's id), since the statement is compiled once and reused for everyone (statement-cache.ts).
 */
function discovery(db: Kysely<DB>, shape: Omit<Viewer, 'id'>, slot: SlotOf) {
  const me = slot('me');
  const slotted: Viewer = { id: me, ...shape };
  const headOn = (prefix: string, column: string) => sql<string>`${sql.lit(prefix)} || ${sql.ref(column)}`;
  const members = db
    .selectFrom('space_members')
    .leftJoin('stream_heads', (join) =>
      join.on('stream_heads.stream', '=', headOn('space:', 'space_members.space_id')),
    )
    .select([
      sql.lit('space').as('kind'),
      'space_members.space_id as id',
      'stream_heads.last_post_id as head',
    ])
    .where('space_members.person_id', '=', me);
  const followedSpaces = db
    .selectFrom('feed_follows')
    .innerJoin('spaces', 'spaces.id', 'feed_follows.target_id')
    .leftJoin('stream_heads', (join) =>
      join.on('stream_heads.stream', '=', headOn('space:', 'feed_follows.target_id')),
    )
    .select([
      sql.lit('space').as('kind'),
      'feed_follows.target_id as id',
      'stream_heads.last_post_id as head',
    ])
    .where('feed_follows.person_id', '=', me)
    .where('feed_follows.target_type', '=', 'space')
    .where(readableSpacesFilter(db, slotted));
  const followedThings = db
    .selectFrom('feed_follows')
    .leftJoin('stream_heads', (join) =>
      join.on(
        'stream_heads.stream',
        '=',
        sql<string>`feed_follows.target_type || ${sql.lit(':')} || feed_follows.target_id`,
      ),
    )
    .select([
      'feed_follows.target_type as kind',
      'feed_follows.target_id as id',
      'stream_heads.last_post_id as head',
    ])
    .where('feed_follows.person_id', '=', me)
    .where('feed_follows.target_type', 'in', ['topic', 'record']);
  const followedPeople = db
    .selectFrom('follows')
    .leftJoin('stream_heads', (join) =>
      join.on('stream_heads.stream', '=', headOn('author:', 'follows.followee_id')),
    )
    .select([sql.lit('person').as('kind'), 'follows.followee_id as id', 'stream_heads.last_post_id as head'])
    .where('follows.follower_id', '=', me);
  const mutes = db
    .selectFrom('feed_mutes')
    .select([
      sql<string>`${sql.lit('mute:')} || feed_mutes.target_type`.as('kind'),
      'feed_mutes.target_id as id',
      sql<string | null>`null`.as('head'),
    ])
    .where('feed_mutes.person_id', '=', me);
  let query = members
    .unionAll(followedSpaces)
    .unionAll(followedThings)
    .unionAll(followedPeople)
    .unionAll(mutes);
  if (readsWholeStreams(slotted)) {
    const employeeStreams = db
      .selectFrom('stream_heads')
      .select([
        sql.lit('stream').as('kind'),
        'stream_heads.stream as id',
        'stream_heads.last_post_id as head',
      ])
      .where('stream_heads.stream', 'in', [slot('company'), slot('profile')]);
    query = query.unionAll(employeeStreams);
  }
  return query;
}

/** Whether the viewer reads every post of the company feed and of their own profile (`canReadPost`). */
function readsWholeStreams(viewer: Viewer): boolean {
  const live = { space_id: null, deleted_at: null };
  return (
    canReadPost(viewer, { ...live, target_type: 'company' }, undefined, undefined) &&
    canReadPost(viewer, { ...live, target_type: 'person' }, undefined, undefined)
  );
}

/** Turns the discovery rows into sources and exclusions: mutes drop sources and filter rows from the others. */
function plan(viewer: Viewer, rows: readonly DiscoveryRow[]): HomeSources {
  const muted = { space: new Set<string>(), topic: new Set<string>(), person: new Set<string>() };
  for (const row of rows) {
    if (row.kind === 'mute:space') muted.space.add(row.id);
    else if (row.kind === 'mute:topic') muted.topic.add(row.id);
    else if (row.kind === 'mute:person') muted.person.add(row.id);
  }
  const sources = new Map<string, HeadedSource>();
  const add = (source: FeedSource, head: string | null) => {
    if (head !== null) sources.set(headKeyOf(source), { source, head });
  };
  for (const row of rows) {
    switch (row.kind) {
      case 'space':
        if (!muted.space.has(row.id))
          add({ kind: 'stream', stream: `space:${row.id}`, verified: true }, row.head);
        break;
      case 'stream':
        // The company feed and my profile, selected only when the viewer reads both whole.
        add({ kind: 'stream', stream: row.id, verified: true }, row.head);
        break;
      case 'topic':
        if (!muted.topic.has(row.id)) add({ kind: 'topic', topic: row.id }, row.head);
        break;
      case 'record':
        add({ kind: 'record', recordId: row.id, sharedSpacesOnly: viewer.kind !== 'member' }, row.head);
        break;
      case 'person':
        if (!muted.person.has(row.id)) add({ kind: 'author', personId: row.id }, row.head);
        break;
    }
  }
  return {
    sources: [...sources.values()],
    exclusions: { authors: [...muted.person], spaces: [...muted.space], topics: [...muted.topic] },
  };
}
