import { type ContentState, closingRows, contentRows } from './content.ts';
import type { Organization } from './organization.ts';
import { organizationRows } from './organization-rows.ts';
import type { DatasetSpec } from './spec.ts';
import { type Row, RowBuffer, type TableName } from './tables.ts';

/** Where generated rows go: a bulk loader, or memory (tests, the raw-insert baseline). */
export interface Sink {
  /** Rows of several tables, in foreign-key order; resolves when the sink can take more. */
  write(batch: [TableName, Row[]][]): Promise<void> | void;
}

export interface GenerateCounts {
  posts: number;
  rows: number;
  tables: Partial<Record<TableName, number>>;
}

/** Posts per batch: big enough for cheap transactions, small enough to keep memory flat. */
const CHUNK = 2_000;

/** Streams the whole dataset into the sink, in batches; `progress` gets posts done / total. */
export async function generate(
  spec: DatasetSpec,
  org: Organization,
  sink: Sink,
  progress?: (done: number, total: number) => void,
): Promise<GenerateCounts> {
  const counts: GenerateCounts = { posts: spec.posts, rows: 0, tables: {} };
  const buffer = new RowBuffer();
  const flush = async () => {
    const batch = buffer.drain();
    for (const [table, rows] of batch) {
      counts.rows += rows.length;
      counts.tables[table] = (counts.tables[table] ?? 0) + rows.length;
    }
    await sink.write(batch);
  };
  organizationRows(spec, org, buffer);
  await flush();
  const state: ContentState = { heads: new Map(), topics: new Map() };
  for (let from = 0; from < spec.posts; from += CHUNK) {
    contentRows(spec, org, from, Math.min(spec.posts, from + CHUNK), buffer, state);
    await flush();
    progress?.(Math.min(spec.posts, from + CHUNK), spec.posts);
  }
  closingRows(state, buffer);
  await flush();
  return counts;
}

/** A sink that keeps every row in memory, per table. */
export function memorySink(): Sink & { tables: Map<TableName, Row[]> } {
  const tables = new Map<TableName, Row[]>();
  return {
    tables,
    write(batch) {
      for (const [table, rows] of batch) {
        const list = tables.get(table);
        if (list) for (const row of rows) list.push(row);
        else tables.set(table, [...rows]);
      }
    },
  };
}
