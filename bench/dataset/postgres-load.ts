import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openDatabase } from '../../apps/server/src/platform/db/connect.ts';
import { migrateToLatest } from '../../apps/server/src/platform/db/migrate.ts';
import type { GenerateCounts, Sink } from './generate.ts';
import { generateInWorker } from './generate-worker.ts';
import type { DatasetSpec } from './spec.ts';
import type { LoadTimings } from './sqlite-load.ts';
import { type Row, TABLES, type Value } from './tables.ts';

/** A database URL on the same server with another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** COPY's text format: tab-separated, `\N` for null, backslash escapes. */
function copyValue(value: Value): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : value;
}

export function copyText(rows: readonly Row[]): string {
  let text = '';
  for (const row of rows) text += `${row.map(copyValue).join('\t')}\n`;
  return text;
}

/** COPY FROM STDIN per table and batch, on one connection. */
export function postgresSink(client: pg.Client): Sink {
  return {
    async write(batch) {
      for (const [table, rows] of batch) {
        const stream = client.query(copyFrom(`copy ${table} (${TABLES[table].join(', ')}) from stdin`));
        await pipeline(Readable.from([copyText(rows)]), stream);
      }
    },
  };
}

/** Secondary (non-constraint) indexes of the generated tables, dropped for the load, rebuilt after. */
async function dropSecondaryIndexes(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ indexname: string; indexdef: string }>(
    `select i.indexname, i.indexdef from pg_indexes i
     where i.schemaname = 'public' and i.tablename = any($1)
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [Object.keys(TABLES)],
  );
  for (const row of rows) await client.query(`drop index ${quoteIdent(row.indexname)}`);
  return rows.map((r) => r.indexdef);
}

/**
 * Seeds an empty database (already created) with the dataset: the app's migrations, COPY with foreign-key
 * triggers off (the rows are consistent by construction) and secondary indexes dropped, then the indexes
 * in one pass each, then ANALYZE.
 */
export async function seedPostgres(
  url: string,
  spec: DatasetSpec,
  progress?: (done: number, total: number) => void,
): Promise<{ counts: GenerateCounts; timings: LoadTimings }> {
  const started = performance.now();
  const database = openDatabase(url);
  try {
    await migrateToLatest(database.db);
  } finally {
    await database.close();
  }
  const migrated = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`set session_replication_role = replica`);
    await client.query(`set maintenance_work_mem = '512MB'`);
    const indexes = await dropSecondaryIndexes(client);
    const counts = await generateInWorker(spec, postgresSink(client), progress);
    const inserted = performance.now();
    for (const sql of indexes) await client.query(sql);
    await client.query('analyze');
    const indexed = performance.now();
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
    await client.end();
  }
}

/** Runs statements on the server's maintenance database (create, drop, clone databases). */
export async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
