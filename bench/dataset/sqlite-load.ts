import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { openDatabase } from '../../apps/server/src/platform/db/connect.ts';
import { migrateToLatest } from '../../apps/server/src/platform/db/migrate.ts';
import type { GenerateCounts, Sink } from './generate.ts';
import { generateInWorker } from './generate-worker.ts';
import type { DatasetSpec } from './spec.ts';
import { type Row, TABLES, type TableName } from './tables.ts';

export interface LoadTimings {
  migrateMs: number;
  insertMs: number;
  indexMs: number;
  totalMs: number;
}

/** Creates the app's schema by running its own migrations on a fresh file. */
export async function migrateSqlite(path: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  const database = openDatabase(`sqlite:${path}`);
  try {
    await migrateToLatest(database.db);
  } finally {
    await database.close();
  }
}

/**
 * Settings for a one-off bulk load: an in-memory rollback journal (the migrations left the file in WAL mode,
 * and better-sqlite3's defensive mode refuses `journal_mode = OFF`), no fsync, a big page cache, no
 * foreign-key lookups.
 */
export function loadPragmas(db: Database.Database): void {
  db.pragma('journal_mode = DELETE');
  db.pragma('journal_mode = MEMORY');
  db.pragma('synchronous = OFF');
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = OFF');
}

/**
 * Secondary indexes of the tables the generator fills, as the migrations created them. Dropped before
 * the load and rebuilt after it: building an index from sorted data beats maintaining it row by row.
 * Primary keys and unique constraints stay (SQLite cannot drop them).
 */
export function dropSecondaryIndexes(db: Database.Database): string[] {
  const tables = Object.keys(TABLES);
  const rows = db
    .prepare(
      `select name, sql from sqlite_master where type = 'index' and sql is not null
       and tbl_name in (${tables.map(() => '?').join(', ')})`,
    )
    .all(...tables) as { name: string; sql: string }[];
  for (const row of rows) db.exec(`drop index "${row.name}"`);
  return rows.map((r) => r.sql);
}

/** Rows per INSERT: multi-row statements cut the per-call overhead to well under half. */
const ROWS_PER_STATEMENT = 32;

/** Prepared multi-row inserts through better-sqlite3, one transaction per batch. */
export function sqliteSink(db: Database.Database): Sink {
  const statements = new Map<string, Database.Statement>();
  const statement = (table: TableName, rows: number) => {
    const key = `${table}/${rows}`;
    let s = statements.get(key);
    if (!s) {
      const columns = TABLES[table];
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      s = db.prepare(
        `insert into ${table} (${columns.join(', ')}) values ${Array(rows).fill(tuple).join(', ')}`,
      );
      statements.set(key, s);
    }
    return s;
  };
  const writeBatch = db.transaction((batch: [TableName, Row[]][]) => {
    for (const [table, rows] of batch) {
      const many = statement(table, ROWS_PER_STATEMENT);
      let i = 0;
      for (; i + ROWS_PER_STATEMENT <= rows.length; i += ROWS_PER_STATEMENT) {
        many.run(rows.slice(i, i + ROWS_PER_STATEMENT).flat());
      }
      const one = statement(table, 1);
      for (; i < rows.length; i++) one.run(rows[i]);
    }
  });
  return { write: (batch) => writeBatch(batch) };
}

/** Seeds a fresh SQLite file with the whole dataset: migrations, bulk insert, then the indexes. */
export async function seedSqlite(
  path: string,
  spec: DatasetSpec,
  progress?: (done: number, total: number) => void,
): Promise<{ counts: GenerateCounts; timings: LoadTimings }> {
  const started = performance.now();
  await migrateSqlite(path);
  const migrated = performance.now();
  const db = new Database(path);
  try {
    loadPragmas(db);
    const indexes = dropSecondaryIndexes(db);
    const counts = await generateInWorker(spec, sqliteSink(db), progress);
    const inserted = performance.now();
    for (const sql of indexes) db.exec(sql);
    const indexed = performance.now();
    db.pragma('journal_mode = WAL');
    return {
      counts,
      timings: {
        migrateMs: migrated - started,
        insertMs: inserted - migrated,
        indexMs: indexed - inserted,
        totalMs: indexed - started,
      },
    };
  } finally {
    db.close();
  }
}
