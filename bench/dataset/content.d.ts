import type { Organization } from './organization.ts';
import { type DatasetSpec } from './spec.ts';
import type { RowBuffer } from './tables.ts';
/** What the generator tracks across posts: the newest post of every feed source, and topic totals. */
export interface ContentState {
  heads: Map<string, string>;
  topics: Map<
    string,
    {
      count: number;
      firstMs: number;
      lastMs: number;
    }
  >;
}
/**
 * Posts `from`..`to-1` with their comments, reactions, topics, polls and praise. Post i is created at
 * an evenly spread, strictly increasing time, and its UUIDv7 id is built from that time, so id order is
 * time order. Every post gets its own random stream (seeded by its index), so any range of posts comes
 * out the same whether generated alone or as part of the whole.
 */
export declare function contentRows(
  spec: DatasetSpec,
  org: Organization,
  from: number,
  to: number,
  out: RowBuffer,
  state: ContentState,
): void;
/** The rows written after every post: topic totals and the heads of every feed source. */
export declare function closingRows(state: ContentState, out: RowBuffer): void;
