import Database from 'better-sqlite3';
import pg from 'pg';
import { createRng, isoAt, uuidv7At } from '../dataset/random.ts';
import { body } from '../dataset/text.ts';
import { type Percentiles, percentiles } from './stats.ts';

/**
 * Raw write primitives on the run's database, through the driver alone: a post row plus its outbox rows
 * (an `events` row and one `event_deliveries` row) per commit, and the same rows batched. Whatever
 * triggers the schema has on `posts` (a search index, once there is one) fire here as in the app.
 */
export interface RawInsertResult {
  /** Post rows per second, one commit per post. */
  singleRowsPerSecond: number;
  singleCommitMs: Percentiles;
  /** Post rows per second, many per transaction. */
  batchedRowsPerSecond: number;
  /** Concurrent writers used for the single-row figure (1 on SQLite, the app's pool size on PostgreSQL). */
  writers: number;
  /** Triggers on `posts` (e.g. a full-text index) that fired on every insert. */
  postTriggers: string[];
}

export interface InsertTarget {
  spaceIds: string[];
  authorIds: string[];
}

const POST_COLUMNS = 'id, author_id, kind, target_type, stream, space_id, body, body_html, created_at';
const rng = createRng(4242);

function postRow(target: InsertTarget, i: number): (string | null)[] {
  const now = Date.now();
  const space = target.spaceIds[i % target.spaceIds.length] ?? '';
  const text = body(rng, ['release'], 2);
  return [
    uuidv7At(now, rng),
    target.authorIds[i % target.authorIds.length] ?? '',
    'update',
    'space',
    `space:${space}`,
    space,
    text.body,
    text.html,
    isoAt(now),
  ];
}

function eventRows(post: (string | null)[]): [(string | null)[], (string | number | null)[]] {
  const now = isoAt(Date.now());
  const id = uuidv7At(Date.now(), rng);
  return [
    [
      id,
      'post.created',
      post[1] ?? null,
      'post',
      post[0] ?? null,
      post[5] ?? null,
      JSON.stringify({ postId: post[0] }),
      now,
    ],
    [id, 'bench.raw', 'done', 1, now, now],
  ];
}

const EVENT_SQL =
  'insert into events (id, name, actor_id, subject_type, subject_id, space_id, payload, created_at)';
const DELIVERY_SQL =
  'insert into event_deliveries (event_id, handler, status, attempts, next_attempt_at, updated_at)';

export function rawSqliteInserts(path: string, target: InsertTarget, seconds: number): RawInsertResult {
  const db = new Database(path);
  // The app's settings (platform/db/connect.ts).
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  try {
    const post = db.prepare(`insert into posts (${POST_COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const event = db.prepare(`${EVENT_SQL} values (?, ?, ?, ?, ?, ?, ?, ?)`);
    const delivery = db.prepare(`${DELIVERY_SQL} values (?, ?, ?, ?, ?, ?)`);
    const insert = (i: number) => {
      const row = postRow(target, i);
      post.run(row);
      const [e, d] = eventRows(row);
      event.run(e);
      delivery.run(d);
    };
    const one = db.transaction(insert);
    const many = db.transaction((from: number, count: number) => {
      for (let i = from; i < from + count; i++) insert(i);
    });
    const commits: number[] = [];
    let i = 0;
    const half = (seconds * 1000) / 2;
    let started = performance.now();
    while (performance.now() - started < half) {
      const t = performance.now();
      one(i++);
      commits.push(performance.now() - t);
    }
    const single = commits.length / ((performance.now() - started) / 1000);
    let batched = 0;
    started = performance.now();
    while (performance.now() - started < half) {
      many(i, 1000);
      i += 1000;
      batched += 1000;
    }
    const triggers = db
      .prepare("select name from sqlite_master where type = 'trigger' and tbl_name = 'posts'")
      .all() as {
      name: string;
    }[];
    return {
      singleRowsPerSecond: single,
      singleCommitMs: percentiles(commits),
      batchedRowsPerSecond: batched / ((performance.now() - started) / 1000),
      writers: 1,
      postTriggers: triggers.map((t) => t.name),
    };
  } finally {
    db.close();
  }
}

const placeholders = (rows: number, columns: number, from = 1): string =>
  Array.from(
    { length: rows },
    (_, r) => `(${Array.from({ length: columns }, (_, c) => `$${from + r * columns + c}`).join(', ')})`,
  ).join(', ');

export async function rawPostgresInserts(
  url: string,
  target: InsertTarget,
  seconds: number,
): Promise<RawInsertResult> {
  const writers = 10;
  const clients = await Promise.all(
    Array.from({ length: writers }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  try {
    const commits: number[] = [];
    let i = 0;
    const half = (seconds * 1000) / 2;
    let started = performance.now();
    const insertOne = async (c: pg.Client, row: (string | null)[]) => {
      const [e, d] = eventRows(row);
      await c.query({
        name: 'raw_post',
        text: `insert into posts (${POST_COLUMNS}) values ${placeholders(1, 9)}`,
        values: row,
      });
      await c.query({ name: 'raw_event', text: `${EVENT_SQL} values ${placeholders(1, 8)}`, values: e });
      await c.query({
        name: 'raw_delivery',
        text: `${DELIVERY_SQL} values ${placeholders(1, 6)}`,
        values: d,
      });
    };
    await Promise.all(
      clients.map(async (c) => {
        while (performance.now() - started < half) {
          const t = performance.now();
          await c.query('begin');
          await insertOne(c, postRow(target, i++));
          await c.query('commit');
          commits.push(performance.now() - t);
        }
      }),
    );
    const single = commits.length / ((performance.now() - started) / 1000);
    const c = clients[0] as pg.Client;
    const perStatement = 500;
    let batched = 0;
    started = performance.now();
    while (performance.now() - started < half) {
      await c.query('begin');
      for (let s = 0; s < 10; s++) {
        const rows = Array.from({ length: perStatement }, () => postRow(target, i++));
        const events = rows.map(eventRows);
        await c.query(
          `insert into posts (${POST_COLUMNS}) values ${placeholders(perStatement, 9)}`,
          rows.flat(),
        );
        await c.query(
          `${EVENT_SQL} values ${placeholders(perStatement, 8)}`,
          events.flatMap((e) => e[0]),
        );
        await c.query(
          `${DELIVERY_SQL} values ${placeholders(perStatement, 6)}`,
          events.flatMap((e) => e[1]),
        );
        batched += perStatement;
      }
      await c.query('commit');
    }
    const triggers = await c.query<{ tgname: string }>(
      "select tgname from pg_trigger where tgrelid = 'posts'::regclass and not tgisinternal",
    );
    return {
      singleRowsPerSecond: single,
      singleCommitMs: percentiles(commits),
      batchedRowsPerSecond: batched / ((performance.now() - started) / 1000),
      writers,
      postTriggers: triggers.rows.map((t) => t.tgname),
    };
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}
