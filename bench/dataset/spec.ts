/**
 * The bench dataset (PERFORMANCE.md protocol, step 2): seed 42, 10k people, 500 spaces with Zipf sizes
 * and activity, 4–20 spaces per person, 1M posts per unit of scale. Bump GENERATOR_VERSION whenever the
 * rows it produces change, so cached datasets are rebuilt.
 */
export const GENERATOR_VERSION = 1;
export const SEED = 42;

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

const END = Date.parse('2026-10-01T00:00:00.000Z');
const YEAR = 365 * 24 * 3600 * 1000;

/** The dataset at a scale; `overrides` shrink it further for tests. */
export function datasetSpec(scale: number, overrides: Partial<DatasetSpec> = {}): DatasetSpec {
  if (!(scale > 0)) throw new Error(`--scale must be a positive number, got ${scale}`);
  return {
    scale,
    seed: SEED,
    people: 10_000,
    externalShare: 0.08,
    spaces: 500,
    externalSpaceShare: 0.08,
    posts: Math.round(1_000_000 * scale),
    topics: 2_000,
    records: 600,
    sessions: 1_000,
    startMs: END - 2 * YEAR,
    endMs: END,
    ...overrides,
  };
}

/** Milliseconds in an hour and a day, for offsets of comments, reactions and pins. */
export const HOUR = 3600 * 1000;
export const DAY = 24 * HOUR;
