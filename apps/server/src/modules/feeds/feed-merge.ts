import { type Kysely, sql } from 'kysely';
import type { Viewer } from '../../platform/access/people.ts';
import type { Dialect } from '../../platform/db/connect.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { PostsTable } from '../../platform/db/schema-conversation.ts';
import {
  buildSourceQuery,
  type FeedExclusions,
  type FeedSource,
  flagsOf,
  headKeyOf,
  type IdWindow,
  NO_EXCLUSIONS,
  type SourceColumns,
  sourceKey,
  sourceShape,
  sourceValues,
} from './feed-sources.ts';
import { runTemplate } from './statement-cache.ts';

/** A source with its head: the newest post id it has ever had (an upper bound of what it can give). */
export interface HeadedSource {
  source: FeedSource;
  head: string;
}

export interface MergeRequest {
  /** Ids strictly below this one (the cursor); the first page when undefined. */
  before: string | undefined;
  /** How many rows to return at most (a page plus one, to know whether another page follows). */
  take: number;
  exclusions?: FeedExclusions | undefined;
}

/** How many sources one round reads, by round number. */
export type BatchSizes = (round: number) => number;

/**
 * SQLite runs in-process, so reading one source at a time costs little and prunes best. On PostgreSQL
 * every statement is a round trip and is planned anew, so a round reads several sources in one statement
 * and the batch grows while the page is still open (ADR 0008 has the measurements).
 */
export function batchSizes(dialect: Dialect): BatchSizes {
  if (dialect === 'sqlite') return () => 1;
  return (round) => Math.min(2 ** (round + 3), 64);
}

/** Newest post id of each source key that has one (`stream_heads`). */
export async function loadHeads(db: Kysely<DB>, keys: readonly string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('stream_heads')
    .select(['stream', 'last_post_id'])
    .where('stream', 'in', [...new Set(keys)])
    .execute();
  return new Map(rows.map((r) => [r.stream, r.last_post_id]));
}

/** Pairs sources with their heads, dropping sources that never had a post. */
export async function withHeads(db: Kysely<DB>, sources: readonly FeedSource[]): Promise<HeadedSource[]> {
  const heads = await loadHeads(db, sources.map(headKeyOf));
  const headed: HeadedSource[] = [];
  for (const source of sources) {
    const head = heads.get(headKeyOf(source));
    if (head !== undefined) headed.push({ source, head });
  }
  return headed;
}

/** The viewer as statement builders see it: without their id, which is always a slot value. */
const shapeOf = (viewer: Viewer): Omit<Viewer, 'id'> => ({ kind: viewer.kind, role: viewer.role });

const newestFirst = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

/**
 * The merge at the heart of every feed: the `take` newest readable posts over all sources, newest first,
 * without duplicates. Sources are read in the order of their heads, newest first, each through its own
 * index with `id < before ORDER BY id DESC LIMIT take` (and `id > k-th best` once the page is full); the
 * merge stops as soon as the k-th best id is newer than the next source's head, because no remaining source
 * can then place a post on the page. A person in a hundred quiet spaces costs one heads query and the few
 * source reads that can still matter. A single source is read directly, without heads.
 */
export async function mergeSources(
  db: Kysely<DB>,
  dialect: Dialect,
  viewer: Viewer,
  sources: readonly HeadedSource[],
  request: MergeRequest,
  batchSize: BatchSizes = batchSizes(dialect),
): Promise<PostsTable[]> {
  const exclusions = request.exclusions ?? NO_EXCLUSIONS;
  const window: IdWindow = { before: request.before, after: undefined, limit: request.take };
  const only = sources.length === 1 ? sources[0] : undefined;
  if (only) return readBatch<PostsTable>(db, dialect, viewer, [only.source], window, exclusions, 'all');
  const pending = [...sources].sort((a, b) => newestFirst(a.head, b.head));
  // PostgreSQL rounds return whole rows (one round trip less); SQLite rounds return ids, and the page's
  // rows are read at the end (building rows that are then dropped costs more there than a lookup by id).
  const columns: SourceColumns = dialect === 'postgres' ? 'all' : 'id';
  const rows = new Map<string, { id: string }>();
  let best: string[] = [];
  let next = 0;
  for (let round = 0; next < pending.length; round++) {
    const kth = best.length >= request.take ? best[request.take - 1] : undefined;
    const batch: FeedSource[] = [];
    const size = batchSize(round);
    while (next < pending.length && batch.length < size) {
      const candidate = pending[next];
      if (candidate === undefined || (kth !== undefined && candidate.head <= kth)) {
        next = pending.length;
        break;
      }
      batch.push(candidate.source);
      next++;
    }
    if (batch.length === 0) break;
    const read = await readBatch<{ id: string }>(
      db,
      dialect,
      viewer,
      batch,
      { ...window, after: kth },
      exclusions,
      columns,
    );
    for (const row of read) {
      if (rows.has(row.id)) continue;
      rows.set(row.id, row);
      best.push(row.id);
    }
    best.sort(newestFirst);
    if (best.length > request.take) best = best.slice(0, request.take);
  }
  if (columns === 'id') return postsByIds(db, best);
  return best.flatMap((id) => {
    const row = rows.get(id);
    return row ? [row as PostsTable] : [];
  });
}

/** The rows of a page, in the order of the ids. */
export async function postsByIds(db: Kysely<DB>, ids: readonly string[]): Promise<PostsTable[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('posts').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

interface Group {
  shape: string;
  sources: FeedSource[];
}

/** Sources that read through the same statement shape, each shape once, in a stable order. */
function groupsOf(
  viewer: Viewer,
  sources: readonly FeedSource[],
  window: IdWindow,
  exclusions: FeedExclusions,
  columns: SourceColumns,
): Group[] {
  const groups = new Map<string, Group>();
  for (const source of sources) {
    const shape = sourceShape(viewer, source, window, exclusions, columns);
    const group = groups.get(shape) ?? { shape, sources: [] };
    group.sources.push(source);
    groups.set(shape, group);
  }
  return [...groups.values()].sort((a, b) => (a.shape < b.shape ? -1 : a.shape > b.shape ? 1 : 0));
}

/**
 * Reads a batch of sources in one statement, returning its best `limit` posts (ids or whole rows).
 *
 * SQLite: one arm per source (`ORDER BY id DESC LIMIT n` each, one index seek each). PostgreSQL: one
 * LATERAL read per kind of source over an array of keys. The planner then cannot see which stream or
 * author it reads, so it always takes the source's own index; given the value, it walks the primary key
 * backwards for a busy stream, which reads the whole table when the stream turns out quiet.
 */
async function readBatch<Row>(
  db: Kysely<DB>,
  dialect: Dialect,
  viewer: Viewer,
  sources: readonly FeedSource[],
  window: IdWindow,
  exclusions: FeedExclusions,
  columns: SourceColumns,
): Promise<Row[]> {
  const groups = groupsOf(viewer, sources, window, exclusions, columns);
  const values: Record<string, unknown> = { limit: window.limit };
  let shape: string;
  if (dialect === 'postgres') {
    shape = `lateral:${groups.map((g) => g.shape).join('+')}`;
    groups.forEach((group, index) => {
      const [first] = group.sources;
      if (!first) return;
      for (const [name, value] of Object.entries(sourceValues(viewer, first, window, exclusions))) {
        values[`${index}.${name}`] = value;
      }
      values[`${index}.keys`] = group.sources.map(sourceKey);
    });
  } else {
    const arms = groups.flatMap((group) => group.sources);
    shape = groups.map((g) => `${g.shape}*${g.sources.length}`).join('+');
    arms.forEach((source, index) => {
      for (const [name, value] of Object.entries(sourceValues(viewer, source, window, exclusions))) {
        values[`${index}.${name}`] = value;
      }
    });
  }
  return runTemplate<Row>(
    db,
    shape,
    (slot) => {
      // Each arm is its own scope, so they can share one alias; the union keeps the batch's best ids.
      if (dialect === 'postgres') {
        const [first, ...rest] = groups.map((group, index) =>
          lateralRead(db, viewer, group, window, exclusions, columns, (name) => slot(`${index}.${name}`)),
        );
        if (first === undefined) throw new Error('An empty batch of feed sources.');
        if (rest.length === 0) return first;
        let union = db.selectFrom(first.as('arm')).selectAll('arm');
        for (const query of rest) union = union.union(db.selectFrom(query.as('arm')).selectAll('arm'));
        return union.orderBy('id', 'desc').limit(sql<number>`${slot('limit')}`);
      }
      const [first, ...rest] = groups
        .flatMap((group) => group.sources)
        .map((source, index) =>
          buildSourceQuery(
            db,
            shapeOf(viewer),
            flagsOf(source),
            window,
            exclusions,
            columns,
            (name) => slot(`${index}.${name}`),
            dialect,
          ),
        );
      if (first === undefined) throw new Error('An empty batch of feed sources.');
      if (rest.length === 0) return first;
      let union = db.selectFrom(first.as('arm')).select('arm.id');
      for (const query of rest) union = union.union(db.selectFrom(query.as('arm')).select('arm.id'));
      return union.orderBy('id', 'desc').limit(sql<number>`${slot('limit')}`);
    },
    values,
  ) as Promise<Row[]>;
}

/** One kind of source over an array of keys: `unnest(keys) CROSS JOIN LATERAL (the source query)`. */
function lateralRead(
  db: Kysely<DB>,
  viewer: Viewer,
  group: Group,
  window: IdWindow,
  exclusions: FeedExclusions,
  columns: SourceColumns,
  slot: (name: string) => string,
) {
  const [first] = group.sources;
  if (!first) throw new Error('An empty group of feed sources.');
  const inner = buildSourceQuery(
    db,
    shapeOf(viewer),
    flagsOf(first),
    window,
    exclusions,
    columns,
    slot,
    'postgres',
    sql<string>`src.key`,
  );
  return db
    .selectFrom(sql<{ key: string }>`unnest(cast(${slot('keys')} as text[]))`.as<'src'>(sql`src(key)`))
    .innerJoinLateral(inner.as('arm'), (join) => join.onTrue())
    .selectAll('arm')
    .orderBy('arm.id', 'desc')
    .limit(sql<number>`${slot('limit')}`);
}
