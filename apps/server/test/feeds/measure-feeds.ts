// Per-page feed timings on a seeded world (ADR 0008). Not a test: figures depend on the machine.
//   node apps/server/test/feeds/measure-feeds.ts [posts]      SQLite (PostgreSQL with TEST_DATABASE_URL)
// ROUNDS sets the repetitions per measurement (default 300).
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { readFeed, readHomeFeed, topicSource } from '../../src/modules/feeds/feed-reads.ts';
import type { Viewer } from '../../src/platform/access/people.ts';
import { sessionFor } from '../support/factories.ts';
import { createTestApp } from '../support/test-app.ts';
import { seedFeedWorld } from './feed-seed.ts';

const posts = Number(process.argv[2] ?? 200_000);
const rounds = Number(process.env.ROUNDS ?? 300);
// Many requests from one address: each gets its own forwarded address, or the per-IP limit answers 429.
const app = await createTestApp({ TRUST_PROXY: 'true' });
let requests = 0;
const { db, dialect } = app.ctx;

function stats(times: number[], cpuMicros: number) {
  times.sort((a, b) => a - b);
  const at = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(2);
  return `p50 ${at(0.5)} ms  p99 ${at(0.99)} ms  cpu ${(cpuMicros / 1000 / times.length).toFixed(2)} ms`;
}

async function time(run: () => Promise<unknown>): Promise<string> {
  for (let i = 0; i < 20; i++) await run();
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  return stats(times, cpu.user + cpu.system);
}

try {
  const started = performance.now();
  const world = await seedFeedWorld(db, { people: 5000, spaces: 500, posts, quietSpaces: 100, topics: 300 });
  await sql`analyze`.execute(db);
  console.log(`${dialect}: seeded ${posts} posts in ${Math.round(performance.now() - started)} ms`);
  const viewer = (id: string): Viewer => ({
    id,
    kind: world.people.find((p) => p.id === id)?.kind ?? 'member',
    role: 'user',
  });
  const ordinary = world.people.find((p, i) => p.kind === 'member' && i > 100)?.id ?? '';
  const cases: [string, string][] = [
    ['ordinary employee (4-20 spaces)', ordinary],
    ['busy (40 spaces, 15 people, topics)', world.busyPerson],
    ['100 quiet spaces', world.quietPerson],
    ['one empty space', world.emptyPerson],
    ['external person', world.externalPerson],
  ];
  const pageCursor = async (who: Viewer, pages: number) => {
    let before: string | undefined;
    for (let page = 1; page < pages; page++) {
      const rows = await readHomeFeed(db, dialect, who, { before, limit: 20 });
      if (rows.length <= 20) return undefined;
      before = rows[19]?.id;
    }
    return before;
  };
  console.log('\nselection only (ids and rows of one page, no presenter):');
  for (const [label, id] of cases) {
    const who = viewer(id);
    const tenth = await pageCursor(who, 10);
    console.log(
      `${label.padEnd(38)} page 1   ${await time(() => readHomeFeed(db, dialect, who, { before: undefined, limit: 20 }))}`,
    );
    if (tenth)
      console.log(
        `${''.padEnd(38)} page 10  ${await time(() => readHomeFeed(db, dialect, who, { before: tenth, limit: 20 }))}`,
      );
  }
  const busy = viewer(world.busyPerson);
  console.log(
    `${'topic feed (most used topic)'.padEnd(38)} page 1   ${await time(() => readFeed(db, dialect, busy, [topicSource(world.topics[0] ?? '')], { before: undefined, limit: 20 }))}`,
  );

  console.log('\nGET /api/v1/feeds/home through the app (session, presenter, JSON):');
  for (const [label, id] of cases) {
    const person = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const session = await sessionFor(app, person);
    const tenth = await pageCursor(viewer(id), 10);
    const get = async (url: string) => {
      requests += 1;
      const forwarded = `10.${(requests >> 16) & 255}.${(requests >> 8) & 255}.${requests & 255}`;
      const res = await app.app.inject({
        method: 'GET',
        url,
        headers: { ...session.headers, 'x-forwarded-for': forwarded },
      });
      if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
    };
    console.log(`${label.padEnd(38)} page 1   ${await time(() => get('/api/v1/feeds/home'))}`);
    if (tenth) {
      const cursor = Buffer.from(JSON.stringify([tenth])).toString('base64url');
      console.log(
        `${''.padEnd(38)} page 10  ${await time(() => get(`/api/v1/feeds/home?cursor=${cursor}`))}`,
      );
    }
  }
} finally {
  await app.close();
}
