import Database from 'better-sqlite3';
import { type GenerateCounts, type Sink } from './generate.ts';
import type { Organization } from './organization.ts';
import type { DatasetSpec } from './spec.ts';
export interface LoadTimings {
  migrateMs: number;
  insertMs: number;
  indexMs: number;
  totalMs: number;
}
/** Creates the app's schema by running its own migrations on a fresh file. */
export declare function migrateSqlite(path: string): Promise<void>;
/** Settings for a one-off bulk load: no journal, no fsync, a big page cache, no foreign-key lookups. */
export declare function loadPragmas(db: Database.Database): void;
/**
 * Secondary indexes of the tables the generator fills, as the migrations created them. Dropped before
 * the load and rebuilt after it: building an index from sorted data beats maintaining it row by row.
 * Primary keys and unique constraints stay (SQLite cannot drop them).
 */
export declare function dropSecondaryIndexes(db: Database.Database): string[];
/** Prepared multi-row inserts through better-sqlite3, one transaction per batch. */
export declare function sqliteSink(db: Database.Database): Sink;
/** Seeds a fresh SQLite file with the whole dataset: migrations, bulk insert, then the indexes. */
export declare function seedSqlite(
  path: string,
  spec: DatasetSpec,
  org: Organization,
  progress?: (done: number, total: number) => void,
): Promise<{
  counts: GenerateCounts;
  timings: LoadTimings;
}>;
