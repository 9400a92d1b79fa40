import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DB } from '../../src/platform/db/schema.ts';

export interface LoggedQuery {
  sql: string;
  parameters: readonly unknown[];
}

/**
 * A second connection to a test database that records every statement it runs, so that a test can
 * EXPLAIN exactly the SQL the feeds issue (with the same parameters).
 */
export function loggingDatabase(url: string): {
  db: Kysely<DB>;
  queries: LoggedQuery[];
  dialect: 'sqlite' | 'postgres';
} {
  const queries: LoggedQuery[] = [];
  const log = (event: { level: string; query: { sql: string; parameters: readonly unknown[] } }) => {
    if (event.level === 'query') queries.push({ sql: event.query.sql, parameters: event.query.parameters });
  };
  if (url.startsWith('sqlite:')) {
    const database = new SQLite(url.slice('sqlite:'.length));
    return {
      db: new Kysely<DB>({ dialect: new SqliteDialect({ database }), log }),
      queries,
      dialect: 'sqlite',
    };
  }
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // Dropping the test database ends these connections from the server side, possibly while they close.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return {
    db: new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log }),
    queries,
    dialect: 'postgres',
  };
}

/** Why a plan reads the whole posts table, or undefined when it does not. */
export async function postsScanIn(
  db: Kysely<DB>,
  dialect: 'sqlite' | 'postgres',
  query: LoggedQuery,
): Promise<string | undefined> {
  if (dialect === 'sqlite') {
    const plan = await db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
    );
    const details = plan.rows.map((row) => row.detail);
    // A full scan of posts (or of one of its indexes), or a walk of its primary key by id range only: the
    // plan that reads the whole table for a person whose sources are quiet.
    const bad = details.find(
      (d) =>
        /\bSCAN posts\b/.test(d) || /posts USING (COVERING )?INDEX sqlite_autoindex_posts_1 \(id[<>]/.test(d),
    );
    return bad === undefined ? undefined : details.join('\n');
  }
  const plan = await db.executeQuery<{ 'QUERY PLAN': unknown }>(
    CompiledQuery.raw(`explain (format json) ${query.sql}`, [...query.parameters]),
  );
  const root = plan.rows[0]?.['QUERY PLAN'];
  const reasons: string[] = [];
  const walk = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n['Relation Name'] === 'posts') {
      const type = String(n['Node Type']);
      const cond = String(n['Index Cond'] ?? '');
      if (type === 'Seq Scan') reasons.push('Seq Scan on posts');
      // Walking the primary key in id order with a filter is the same whole-table read.
      if (n['Index Name'] === 'posts_pkey' && !/=/.test(cond))
        reasons.push(`${type} on posts_pkey (${cond})`);
    }
    for (const value of Object.values(n)) {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value !== null && typeof value === 'object') walk(value);
    }
  };
  walk(root);
  return reasons.length === 0 ? undefined : `${reasons.join('; ')}\n${JSON.stringify(root)}`;
}
