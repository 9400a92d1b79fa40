import {
  type Expression,
  expressionBuilder,
  type Kysely,
  type RawBuilder,
  type SqlBool,
  sql,
  type Transaction,
} from 'kysely';
import type { Viewer } from '../../platform/access/people.ts';
import { plantedBug } from '../../platform/access/planted-bugs.ts';
import { readablePostsFilter } from '../../platform/access/posts.ts';
import type { Dialect } from '../../platform/db/connect.ts';
import type { DB } from '../../platform/db/schema.ts';
import { authorStream, recordStream, topicStream } from './stream-heads.ts';
import { topicPostsFrom } from './topic-posts.ts';

export type Executor = Kysely<DB> | Transaction<DB>;

/**
 * One source of a feed and how its rows are read (ADR 0008). Each kind has its own index, so a source
 * query reads at most one page of index entries and never scans `posts`.
 *
 * - `stream`: posts made in one stream (posts(stream, id)). `verified` means the caller checked once that
 *   the viewer reads the whole stream (a space they may read, the company feed for an employee); other
 *   streams (profiles) get the per-row rule.
 * - `author`: a person's posts anywhere (posts(author_id, id)), per-row rule.
 * - `topic`: posts carrying a topic (post_topics(topic, post_id)), per-row rule.
 * - `record`: posts about a record, in its own feed or in spaces it was shared into (posts(record_id, id)),
 *   per-row rule; `sharedSpacesOnly` keeps only posts in spaces the record is shared into (external viewers).
 */
export type FeedSource =
  | { kind: 'stream'; stream: string; verified: boolean }
  | { kind: 'author'; personId: string }
  | { kind: 'topic'; topic: string }
  | { kind: 'record'; recordId: string; sharedSpacesOnly: boolean };

/** The `stream_heads` key holding the source's newest post id. */
export function headKeyOf(source: FeedSource): string {
  switch (source.kind) {
    case 'stream':
      return source.stream;
    case 'author':
      return authorStream(source.personId);
    case 'topic':
      return topicStream(source.topic);
    case 'record':
      return recordStream(source.recordId);
  }
}

/** Home-feed mutes, applied to every source: a muted person's posts, posts in a muted space, posts with a muted topic. */
export interface FeedExclusions {
  authors: readonly string[];
  spaces: readonly string[];
  topics: readonly string[];
}

export const NO_EXCLUSIONS: FeedExclusions = { authors: [], spaces: [], topics: [] };

/** The id window of one read: ids below `before` (the cursor) and above `after` (the page's current k-th best). */
export interface IdWindow {
  before: string | undefined;
  after: string | undefined;
  limit: number;
}

/** What a source read returns: ids (SQLite merges, whose page rows are read at the end by id) or whole rows. */
export type SourceColumns = 'id' | 'all';

/** Rules shared by every source: live, not hidden, readable when not verified, minus the exclusions. */
function rowFilter(
  db: Executor,
  viewer: Viewer,
  source: SourceFlags,
  exclusions: FeedExclusions,
  key: SourceKey,
): Expression<SqlBool> {
  const eb = expressionBuilder<DB, 'posts'>();
  const terms: Expression<SqlBool>[] = [
    eb('posts.deleted_at', 'is', null),
    eb('posts.hidden_at', 'is', null),
  ];
  // Test-only fault injection (platform/access/planted-bugs.ts): off unless ATRIUM_PLANTED_BUG names it.
  if (!source.verified && !plantedBug('feeds-skip-row-access')) terms.push(readablePostsFilter(db, viewer));
  if (source.sharedSpacesOnly) {
    const shared = db
      .selectFrom('record_shares')
      .select('record_shares.space_id')
      .where('record_shares.record_id', '=', key);
    terms.push(eb('posts.space_id', 'in', shared));
  }
  if (exclusions.authors.length > 0) terms.push(eb('posts.author_id', 'not in', exclusions.authors));
  if (exclusions.spaces.length > 0) {
    terms.push(eb.or([eb('posts.space_id', 'is', null), eb('posts.space_id', 'not in', exclusions.spaces)]));
  }
  if (exclusions.topics.length > 0) {
    const muted = eb
      .selectFrom('post_topics as muted_topics')
      .select('muted_topics.post_id')
      .whereRef('muted_topics.post_id', '=', 'posts.id')
      .where('muted_topics.topic', 'in', exclusions.topics);
    terms.push(eb.not(eb.exists(muted)));
  }
  return eb.and(terms);
}

/** The id of the source's own row in its index: a stream key, a person, a topic or a record id. */
export function sourceKey(source: FeedSource): string {
  switch (source.kind) {
    case 'stream':
      return source.stream;
    case 'author':
      return source.personId;
    case 'topic':
      return source.topic;
    case 'record':
      return source.recordId;
  }
}

/**
 * What the SQL of a source read depends on, without its key: statements are compiled once per shape and
 * reused for every source and viewer of that shape, so the builder must never see a value.
 */
export interface SourceFlags {
  kind: FeedSource['kind'];
  verified: boolean;
  sharedSpacesOnly: boolean;
}

export const flagsOf = (source: FeedSource): SourceFlags => ({
  kind: source.kind,
  verified: source.kind === 'stream' && source.verified,
  sharedSpacesOnly: source.kind === 'record' && source.sharedSpacesOnly,
});

/** The source's key in a query: a bound value, or a column of the outer query (PostgreSQL LATERAL reads). */
export type SourceKey = string | RawBuilder<string>;

/**
 * The query reading one source's newest posts inside the window, newest first, through its own index.
 * Every value is given through `slot`, so that the same shape compiles once (statement-cache.ts); the key
 * is `slot('key')` unless given.
 */
export function buildSourceQuery(
  db: Executor,
  viewer: Omit<Viewer, 'id'>,
  source: SourceFlags,
  window: IdWindow,
  exclusions: FeedExclusions,
  columns: SourceColumns,
  slot: (name: string) => string,
  dialect: Dialect,
  givenKey?: SourceKey,
) {
  const slotted: Viewer = { id: slot('viewer'), kind: viewer.kind, role: viewer.role };
  const key = givenKey ?? slot('key');
  const slottedExclusions: FeedExclusions = {
    authors: exclusions.authors.map((_, i) => slot(`xa${i}`)),
    spaces: exclusions.spaces.map((_, i) => slot(`xs${i}`)),
    topics: exclusions.topics.map((_, i) => slot(`xt${i}`)),
  };
  const filter = rowFilter(db, slotted, source, slottedExclusions, key);
  const after = window.after === undefined ? undefined : slot('after');
  const before = window.before === undefined ? undefined : slot('before');
  if (source.kind === 'topic') {
    // Driven by post_topics(topic, post_id): the keyset and the order are on its post_id.
    const keyset = idWindow(dialect, 'post_topics.post_id', before, after);
    return topicPostsFrom(db as Kysely<DB>, dialect)
      .$if(columns === 'all', (q) => q.selectAll('posts'))
      .$if(columns === 'id', (q) => q.select('posts.id'))
      .where('post_topics.topic', '=', key)
      .$if(keyset !== undefined, (q) => q.where(keyset ?? sql<SqlBool>`true`))
      .where(filter)
      .orderBy('post_topics.post_id', 'desc')
      .limit(sql<number>`${slot('limit')}`);
  }
  const keyColumn =
    source.kind === 'stream'
      ? 'posts.stream'
      : source.kind === 'author'
        ? 'posts.author_id'
        : 'posts.record_id';
  const keyset = idWindow(dialect, 'posts.id', before, after);
  return db
    .selectFrom('posts')
    .$if(columns === 'all', (q) => q.selectAll('posts'))
    .$if(columns === 'id', (q) => q.select('posts.id'))
    .where(keyColumn, '=', key)
    .$if(keyset !== undefined, (q) => q.where(keyset ?? sql<SqlBool>`true`))
    .where(filter)
    .orderBy('posts.id', 'desc')
    .limit(sql<number>`${slot('limit')}`);
}

/**
 * The id window of a source read. On PostgreSQL each bound is a scalar subquery, whose value the planner
 * does not see: told that few posts are newer than a recent id, it would walk the posts' primary key over
 * that range and filter by key instead of seeking the source's own index. (Row comparisons on (key, id)
 * avoid that too, but PostgreSQL 15 does not stop a backward index scan on them.)
 */
function idWindow(
  dialect: Dialect,
  idColumn: string,
  before: string | undefined,
  after: string | undefined,
): Expression<SqlBool> | undefined {
  const terms: Expression<SqlBool>[] = [];
  const bound = (op: '<' | '>', value: string) =>
    dialect === 'postgres'
      ? sql<SqlBool>`${sql.ref(idColumn)} ${sql.raw(op)} (select ${value})`
      : sql<SqlBool>`${sql.ref(idColumn)} ${sql.raw(op)} ${value}`;
  if (before !== undefined) terms.push(bound('<', before));
  if (after !== undefined) terms.push(bound('>', after));
  if (terms.length === 0) return undefined;
  return expressionBuilder<DB, 'posts'>().and(terms);
}

/** The statement shape: everything that changes the SQL text, none of the values. */
export function sourceShape(
  viewer: Viewer,
  source: FeedSource,
  window: IdWindow,
  exclusions: FeedExclusions,
  columns: SourceColumns,
): string {
  const flags = [
    source.kind,
    source.kind === 'stream' && source.verified ? 'v' : '',
    source.kind === 'record' && source.sharedSpacesOnly ? 's' : '',
    window.before === undefined ? '' : 'b',
    window.after === undefined ? '' : 'a',
    viewer.kind,
    exclusions.authors.length,
    exclusions.spaces.length,
    exclusions.topics.length,
    columns,
  ];
  return flags.join('|');
}

/** The slot values of one source read (see `buildSourceQuery`). */
export function sourceValues(
  viewer: Viewer,
  source: FeedSource,
  window: IdWindow,
  exclusions: FeedExclusions,
): Record<string, unknown> {
  const values: Record<string, unknown> = {
    viewer: viewer.id,
    key: sourceKey(source),
    limit: window.limit,
  };
  if (window.before !== undefined) values.before = window.before;
  if (window.after !== undefined) values.after = window.after;
  exclusions.authors.forEach((v, i) => {
    values[`xa${i}`] = v;
  });
  exclusions.spaces.forEach((v, i) => {
    values[`xs${i}`] = v;
  });
  exclusions.topics.forEach((v, i) => {
    values[`xt${i}`] = v;
  });
  return values;
}
