import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  companySource,
  type FeedWindow,
  personSources,
  readFeed,
  readHomeFeed,
  recordSource,
  spaceSource,
  topicSource,
} from '../../src/modules/feeds/feed-reads.ts';
import {
  liveAnnouncements,
  pinnedPosts,
  readableTopicPostCount,
  topicIsVisible,
  topicTotal,
  visibleTopicsByPrefix,
} from '../../src/modules/feeds/feeds.repository.ts';
import { myFollows } from '../../src/modules/feeds/my-follows.ts';
import { presentPosts } from '../../src/modules/posts/posts.presenter.ts';
import type { Viewer } from '../../src/platform/access/people.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { nowIso } from '../../src/platform/db/time.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { type SeededWorld, seedFeedWorld } from './feed-seed.ts';
import { type LoggedQuery, loggingDatabase, postsScanIn } from './query-log.ts';

/**
 * PERFORMANCE.md P4: no feed query may read the whole posts table, whatever the viewer's sources look like
 * (busy, quiet, empty, external). Every statement the feeds issue (selection, pinned posts, announcements,
 * topics, follows and the post presenter) is captured with its parameters and EXPLAINed on this dialect.
 */
let app: TestApp;
let world: SeededWorld;
let logging: ReturnType<typeof loggingDatabase>;

beforeAll(async () => {
  app = await createTestApp();
  world = await seedFeedWorld(app.ctx.db, {
    people: 300,
    spaces: 60,
    posts: 12_000,
    quietSpaces: 40,
    topics: 40,
    records: 8,
  });
  if (app.ctx.dialect === 'postgres') await sql`analyze`.execute(app.ctx.db);
  logging = loggingDatabase(app.config.databaseUrl);
}, 60_000);

afterAll(async () => {
  await logging.db.destroy();
  await app.close();
});

const viewerOf = (id: string): Viewer => ({
  id,
  kind: world.people.find((p) => p.id === id)?.kind ?? 'member',
  role: 'user',
});

/** Reads pages 1–3 of a feed at two page sizes, so that every shape of statement (cursor, k-th bound, batches) runs. */
async function pages(read: (window: FeedWindow) => Promise<{ id: string }[]>) {
  for (const limit of [20, 50]) {
    let before: string | undefined;
    for (let page = 0; page < 3; page++) {
      const rows = await read({ before, limit });
      if (rows.length <= limit) break;
      before = rows[limit - 1]?.id;
    }
  }
}

async function exerciseFeeds(db: Kysely<DB>) {
  const dialect = logging.dialect;
  const ctx = { ...app.ctx, db };
  const ordinaryMember = world.people.find((p, i) => p.kind === 'member' && i > 20);
  const ordinaryExternal = world.people.find((p) => p.kind === 'external' && p.id !== world.externalPerson);
  const viewers = [world.busyPerson, world.quietPerson, world.emptyPerson, world.externalPerson]
    .concat(ordinaryMember ? [ordinaryMember.id] : [])
    .concat(ordinaryExternal ? [ordinaryExternal.id] : [])
    .map(viewerOf);
  for (const viewer of viewers) {
    await pages((window) => readHomeFeed(db, dialect, viewer, window));
    await liveAnnouncements(db, viewer, nowIso());
    await visibleTopicsByPrefix(db, dialect, viewer, 'seed', { limit: 10, candidates: 30 });
    await visibleTopicsByPrefix(db, dialect, viewer, '', { limit: 10, candidates: 30 });
    await myFollows(db, viewer);
    const topic = world.topics[0] ?? '';
    await topicIsVisible(db, dialect, viewer, topic);
    await readableTopicPostCount(db, dialect, viewer, topic);
    await pages((window) => readFeed(db, dialect, viewer, [topicSource(topic)], window));
    for (const recordId of world.records.slice(0, 2)) {
      await pages((window) => readFeed(db, dialect, viewer, [recordSource(viewer, recordId)], window));
    }
    await pages((window) => readFeed(db, dialect, viewer, personSources(world.people[1]?.id ?? ''), window));
  }
  const busy = viewerOf(world.busyPerson);
  await topicTotal(db, world.topics[0] ?? '');
  await pages((window) => readFeed(db, dialect, busy, [companySource()], window));
  for (const space of [world.spaces[0], world.spaces[world.spaces.length - 2]]) {
    if (!space) continue;
    await pages((window) => readFeed(db, dialect, busy, [spaceSource(space.id)], window));
    await pinnedPosts(db, space.id);
  }
  const page = await readHomeFeed(db, dialect, busy, { before: undefined, limit: 20 });
  await presentPosts(ctx, busy, page);
  const external = viewerOf(world.externalPerson);
  await presentPosts(
    ctx,
    external,
    await readHomeFeed(db, dialect, external, { before: undefined, limit: 20 }),
  );
}

async function scansOfPosts(queries: readonly LoggedQuery[]) {
  const distinct = new Map<string, LoggedQuery>();
  for (const query of queries) {
    if (!distinct.has(query.sql) && !query.sql.startsWith('explain')) distinct.set(query.sql, query);
  }
  const failures: string[] = [];
  for (const query of distinct.values()) {
    const reason = await postsScanIn(logging.db, logging.dialect, query);
    if (reason !== undefined) failures.push(`${query.sql}\n  -> ${reason}`);
  }
  return { failures, statements: distinct.size };
}

describe('feed query plans', () => {
  it('the check recognises a read of the whole table', async () => {
    const p = logging.dialect === 'postgres' ? '$1' : '?';
    const filtered = {
      sql: `select id from posts where body = ${p} order by id desc limit 20`,
      parameters: ['x'],
    };
    expect(await postsScanIn(logging.db, logging.dialect, filtered)).toBeDefined();
    const byId = { sql: `select id from posts where id = ${p}`, parameters: ['x'] };
    expect(await postsScanIn(logging.db, logging.dialect, byId)).toBeUndefined();
  });

  it('never read the whole posts table', async () => {
    logging.queries.length = 0;
    await exerciseFeeds(logging.db);
    const { failures, statements } = await scansOfPosts(logging.queries);
    expect(failures).toEqual([]);
    // The scenarios above reach every kind of statement: home discovery, each source kind, batches, fetches.
    expect(statements).toBeGreaterThan(25);
  });

  it('still hold once SQLite has statistics (ANALYZE)', async () => {
    if (logging.dialect !== 'sqlite') return;
    await sql`analyze`.execute(logging.db);
    logging.queries.length = 0;
    await exerciseFeeds(logging.db);
    const { failures } = await scansOfPosts(logging.queries);
    expect(failures).toEqual([]);
  });
});
