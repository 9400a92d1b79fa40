/**
 * The bench dataset (PERFORMANCE.md protocol, step 2): seed 42, 10k people, 500 spaces with Zipf sizes
 * and activity, 4–20 spaces per person, 1M posts per unit of scale. Bump GENERATOR_VERSION whenever the
 * rows it produces change, so cached datasets are rebuilt.
 */
export declare const GENERATOR_VERSION = 1;
export declare const SEED = 42;
export interface DatasetSpec {
  scale: number;
  seed: number;
  people: number;
  /** Share of people who are external (customers, partners). */
  externalShare: number;
  spaces: number;
  /** Share of spaces with an external audience. */
  externalSpaceShare: number;
  posts: number;
  topics: number;
  records: number;
  /** People with a session the load can use (the worst-case people come on top). */
  sessions: number;
  /** Posts are spread evenly over this window, ending at `endMs`. */
  startMs: number;
  endMs: number;
}
/** The dataset at a scale; `overrides` shrink it further for tests. */
export declare function datasetSpec(scale: number, overrides?: Partial<DatasetSpec>): DatasetSpec;
/** Milliseconds in an hour and a day, for offsets of comments, reactions and pins. */
export declare const HOUR: number;
export declare const DAY: number;
