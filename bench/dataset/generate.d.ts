import type { Organization } from './organization.ts';
import type { DatasetSpec } from './spec.ts';
import { type Row, type TableName } from './tables.ts';
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
/** Streams the whole dataset into the sink, in batches; `progress` gets posts done / total. */
export declare function generate(
  spec: DatasetSpec,
  org: Organization,
  sink: Sink,
  progress?: (done: number, total: number) => void,
): Promise<GenerateCounts>;
/** A sink that keeps every row in memory, per table. */
export declare function memorySink(): Sink & {
  tables: Map<TableName, Row[]>;
};
