import { sql } from 'kysely';
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
import type { FeedSource } from '../../src/modules/feeds/feed-sources.ts';
import type { Viewer } from '../../src/platform/access/people.ts';
import { sessionFor } from '../support/factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { call } from './feed-helpers.ts';
import { loadSnapshot, referenceFeed, referenceHome, type Snapshot } from './feed-reference.ts';
import { type SeededWorld, seedFeedWorld } from './feed-seed.ts';

/**
 * Keyset pagination over a seeded world: every feed, paged at several sizes, must list exactly the
 * brute-force reference (feed-reference.ts), newest first, with no duplicate and no gap between pages.
 */
let app: TestApp;
let world: SeededWorld;
let snapshot: Snapshot;

beforeAll(async () => {
  app = await createTestApp();
  world = await seedFeedWorld(app.ctx.db, {
    people: 80,
    spaces: 24,
    posts: 2000,
    quietSpaces: 12,
    topics: 12,
    records: 6,
    seed: 7,
  });
  if (app.ctx.dialect === 'postgres') await sql`analyze`.execute(app.ctx.db);
  snapshot = await loadSnapshot(app.ctx.db);
}, 60_000);

afterAll(async () => {
  await app.close();
});

const viewerOf = (id: string): Viewer => ({
  id,
  kind: world.people.find((p) => p.id === id)?.kind ?? 'member',
  role: 'user',
});

/** Pages through a feed with the selection layer, as the routes do: the cursor is the last id of a page. */
async function allPages(read: (window: FeedWindow) => Promise<{ id: string }[]>, limit: number) {
  const ids: string[] = [];
  let before: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const rows = await read({ before, limit });
    const items = rows.slice(0, limit);
    ids.push(...items.map((row) => row.id));
    if (rows.length <= limit) return ids;
    before = items.at(-1)?.id;
  }
  throw new Error('the feed did not end');
}

function interestingViewers(): Viewer[] {
  const ordinary = world.people.slice(21, 60);
  const members = ordinary.filter((p) => p.kind === 'member').slice(0, 3);
  const externals = ordinary.filter((p) => p.kind === 'external').slice(0, 2);
  return [world.busyPerson, world.quietPerson, world.emptyPerson, world.externalPerson]
    .concat([...members, ...externals].map((p) => p.id))
    .map(viewerOf);
}

describe('home feed pages', () => {
  it('list exactly the reference, newest first, at every page size', async () => {
    const { db, dialect } = app.ctx;
    for (const viewer of interestingViewers()) {
      const expected = referenceHome(snapshot, viewer);
      for (const limit of [11, 50]) {
        const ids = await allPages((window) => readHomeFeed(db, dialect, viewer, window), limit);
        expect(ids, `home of ${viewer.id} (${viewer.kind}) by ${limit}`).toEqual(expected);
      }
    }
    // The scenario is not trivial: the busy person's feed mixes many sources, with mutes.
    expect(referenceHome(snapshot, viewerOf(world.busyPerson)).length).toBeGreaterThan(400);
  }, 60_000);

  it('pages the same way through the API, following nextCursor', async () => {
    const person = await app.ctx.db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', world.busyPerson)
      .executeTakeFirstOrThrow();
    const session = await sessionFor(app, person);
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '' : `&cursor=${cursor}`;
      const res = await call(app, session, 'GET', `/api/v1/feeds/home?limit=50${query}`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: { id: string }[]; nextCursor: string | null };
      ids.push(...body.items.map((item) => item.id));
      cursor = body.nextCursor;
    } while (cursor !== null);
    expect(ids).toEqual(referenceHome(snapshot, viewerOf(world.busyPerson)));
  });
});

describe('single-source feeds', () => {
  it('list exactly the reference for every viewer', async () => {
    const { db, dialect } = app.ctx;
    const author = world.people[1]?.id ?? '';
    const feeds: {
      name: string;
      sources: (viewer: Viewer) => FeedSource[];
      belongs: (
        post: { stream: string; author_id: string; record_id: string | null; id: string },
        viewer: Viewer,
      ) => boolean;
    }[] = [
      {
        name: 'topic',
        sources: () => [topicSource(world.topics[0] ?? '')],
        belongs: (post) => (snapshot.topicsOf.get(post.id) ?? []).includes(world.topics[0] ?? ''),
      },
      ...world.records.slice(0, 3).map((recordId) => ({
        name: `record ${recordId}`,
        sources: (viewer: Viewer) => [recordSource(viewer, recordId)],
        belongs: (post: { record_id: string | null; stream: string }, viewer: Viewer) =>
          post.record_id === recordId &&
          (viewer.kind === 'member' ||
            snapshot.shares.some((s) => s.record_id === recordId && `space:${s.space_id}` === post.stream)),
      })),
      {
        name: 'person',
        sources: () => personSources(author),
        belongs: (post) => post.author_id === author || post.stream === `person:${author}`,
      },
    ];
    for (const viewer of interestingViewers()) {
      for (const feed of feeds) {
        const expected = referenceFeed(snapshot, viewer, (post) => feed.belongs(post, viewer));
        const ids = await allPages(
          (window) => readFeed(db, dialect, viewer, feed.sources(viewer), window),
          13,
        );
        expect(ids, `${feed.name} feed of ${viewer.id}`).toEqual(expected);
      }
    }
  });

  it('company and space streams list their live posts', async () => {
    const { db, dialect } = app.ctx;
    const viewer = viewerOf(world.busyPerson);
    const streams: [FeedSource, string][] = [[companySource(), 'company']];
    for (const space of world.spaces.slice(0, 3)) streams.push([spaceSource(space.id), `space:${space.id}`]);
    for (const [source, stream] of streams) {
      const expected = snapshot.posts
        .filter((post) => post.stream === stream && post.deleted_at === null && post.hidden_at === null)
        .map((post) => post.id)
        .sort((a, b) => (a < b ? 1 : -1));
      const ids = await allPages((window) => readFeed(db, dialect, viewer, [source], window), 17);
      expect(ids, stream).toEqual(expected);
    }
  });
});
