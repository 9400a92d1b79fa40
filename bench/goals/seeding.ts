// P7: bulk seeding throughput (the generator's bulk path: generation, load, index build) against a raw
// batched insert of exactly the same rows into a schema with all its indexes, in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openDatabase } from '../../apps/server/src/platform/db/connect.ts';
import { migrateToLatest } from '../../apps/server/src/platform/db/migrate.ts';
import { DEFAULT_POSTGRES_URL, type Dialect } from '../dataset/cache.ts';
import { generate, memorySink } from '../dataset/generate.ts';
import { planOrganization } from '../dataset/organization.ts';
import { quoteIdent, seedPostgres, withAdmin, withDatabase } from '../dataset/postgres-load.ts';
import { datasetSpec } from '../dataset/spec.ts';
import { migrateSqlite, seedSqlite } from '../dataset/sqlite-load.ts';
import { type Row, TABLE_ORDER, TABLES, type TableName } from '../dataset/tables.ts';
import { NOISY, quietest, withForeignLoad } from '../lib/measure.ts';
import type { BenchOptions } from '../lib/options.ts';
import { type GoalReport, num, pct } from '../lib/report.ts';

const GOAL = 0.5;
const ROWS_PER_TRANSACTION = 10_000;

type Tables = Map<TableName, Row[]>;
const rowCount = (tables: Tables) => [...tables.values()].reduce((sum, rows) => sum + rows.length, 0);

/** Plain prepared single-row inserts, 10k rows per transaction, the app's pragmas, every index in place. */
async function rawSqlite(dir: string, tables: Tables): Promise<number> {
  const path = join(dir, 'raw.db');
  await migrateSqlite(path);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  try {
    const started = performance.now();
    for (const table of TABLE_ORDER) {
      const rows = tables.get(table) ?? [];
      const columns = TABLES[table];
      const insert = db.prepare(
        `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      );
      const chunk = db.transaction((from: number) => {
        for (let i = from; i < Math.min(rows.length, from + ROWS_PER_TRANSACTION); i++) insert.run(rows[i]);
      });
      for (let from = 0; from < rows.length; from += ROWS_PER_TRANSACTION) chunk(from);
    }
    return performance.now() - started;
  } finally {
    db.close();
  }
}

/** Multi-row INSERTs (500 rows per statement), 10k rows per transaction, every index in place. */
async function rawPostgres(url: string, tables: Tables): Promise<number> {
  const database = openDatabase(url);
  await migrateToLatest(database.db);
  await database.close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    for (const table of TABLE_ORDER) {
      const rows = tables.get(table) ?? [];
      const columns = TABLES[table];
      const perStatement = Math.min(500, Math.floor(60_000 / columns.length));
      for (let from = 0; from < rows.length; from += ROWS_PER_TRANSACTION) {
        await client.query('begin');
        const end = Math.min(rows.length, from + ROWS_PER_TRANSACTION);
        for (let s = from; s < end; s += perStatement) {
          const slice = rows.slice(s, Math.min(end, s + perStatement));
          const tuples = slice.map(
            (_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`,
          );
          await client.query(
            `insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`,
            slice.flat(),
          );
        }
        await client.query('commit');
      }
    }
    return performance.now() - started;
  } finally {
    await client.end();
  }
}

interface Attempt {
  seedMs: number;
  rawMs: number;
  rows: number;
  foreignLoad: number;
}

export async function runP7(options: BenchOptions, log: (line: string) => void): Promise<GoalReport> {
  const dialect: Dialect = options.dialect;
  const spec = datasetSpec(options.quick ? 0.01 : 0.05);
  const org = planOrganization(spec);
  const memory = memorySink();
  await generate(spec, org, memory);
  const rows = rowCount(memory.tables);
  const adminUrl = options.postgresUrl ?? DEFAULT_POSTGRES_URL;
  const measured = await quietest(
    'P7',
    options.attempts,
    async (): Promise<Attempt> => {
      log(
        `P7: seeding ${spec.posts.toLocaleString('en-US')} posts (${num(rows)} rows) on ${dialect}, then a raw batched insert of the same rows…`,
      );
      if (dialect === 'sqlite') {
        const dir = mkdtempSync(join(tmpdir(), 'atrium-bench-p7-'));
        try {
          const seed = await withForeignLoad([], () => seedSqlite(join(dir, 'seed.db'), spec));
          const raw = await withForeignLoad([], () => rawSqlite(dir, memory.tables));
          return {
            seedMs: seed.value.timings.totalMs,
            rawMs: raw.value,
            rows,
            foreignLoad: Math.max(seed.foreignLoad, raw.foreignLoad),
          };
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
      const names = [`atrium_bench_p7_seed_${process.pid}`, `atrium_bench_p7_raw_${process.pid}`];
      await withAdmin(adminUrl, async (c) => {
        for (const n of names) {
          await c.query(`drop database if exists ${quoteIdent(n)}`);
          await c.query(`create database ${quoteIdent(n)}`);
        }
      });
      try {
        const seed = await withForeignLoad([], () =>
          seedPostgres(withDatabase(adminUrl, names[0] ?? ''), spec),
        );
        const raw = await withForeignLoad([], () =>
          rawPostgres(withDatabase(adminUrl, names[1] ?? ''), memory.tables),
        );
        return {
          seedMs: seed.value.timings.totalMs,
          rawMs: raw.value,
          rows,
          foreignLoad: Math.max(seed.foreignLoad, raw.foreignLoad),
        };
      } finally {
        await withAdmin(adminUrl, async (c) => {
          for (const n of names) await c.query(`drop database if exists ${quoteIdent(n)} with (force)`);
        });
      }
    },
    (r) => r.foreignLoad,
    log,
  );
  const seedRate = (measured.rows / measured.seedMs) * 1000;
  const rawRate = (measured.rows / measured.rawMs) * 1000;
  const ratio = seedRate / rawRate;
  const pass = ratio >= GOAL;
  const postsRate = (spec.posts / measured.seedMs) * 1000;
  return {
    goal: 'P7',
    title: 'bulk seeding',
    note:
      `The bench generator's bulk path (generate, ${dialect === 'sqlite' ? 'multi-row prepared inserts with secondary indexes built after the load' : 'COPY with indexes built after the load, ANALYZE'}) for ` +
      `${spec.posts.toLocaleString('en-US')} posts and everything around them, timed end to end including the app's migrations, ` +
      `against the same rows inserted raw (${dialect === 'sqlite' ? 'prepared single-row inserts' : 'multi-row INSERTs'}, 10k rows per transaction, indexes in place). No search index exists yet, so neither side maintains one.`,
    pass,
    rows: [
      {
        metric: 'P7 seeding rows/s (vs raw batched insert)',
        baseline: num(rawRate),
        app: num(seedRate),
        ratio: pct(ratio),
        goal: `≥ ${pct(GOAL)}`,
        result: pass ? 'pass' : 'FAIL',
        value: seedRate,
        higherIsBetter: true,
      },
      {
        metric: 'posts/s while seeding',
        baseline: '',
        app: num(postsRate),
        ratio: '',
        goal: '',
        result: 'info',
      },
      {
        metric: 'seconds (seed / raw)',
        baseline: (measured.rawMs / 1000).toFixed(1),
        app: (measured.seedMs / 1000).toFixed(1),
        ratio: '',
        goal: '',
        result: 'info',
      },
      {
        metric: 'foreign CPU load (attempts)',
        baseline: '',
        app: `${pct(measured.foreignLoad)} (${measured.attempts})`,
        ratio: '',
        goal: `≤ ${pct(NOISY)}`,
        result: 'info',
      },
    ],
    raw: { ...measured, seedRate, rawRate, posts: spec.posts },
  };
}
