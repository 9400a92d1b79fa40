import type { PreparedDataset } from '../dataset/cache.ts';
import { rawPostgresFeed } from './raw-feed-postgres.ts';
import { type RawPage, rawSqliteFeed } from './raw-feed-sqlite.ts';
import { type Percentiles, percentiles } from './stats.ts';

export interface RawFeed {
  page(viewerId: string, cursor: string | null): RawPage | Promise<RawPage>;
  close(): unknown;
}

/** The hand-written feed on the run's database, through the dialect's own driver. */
export async function openRawFeed(dataset: PreparedDataset): Promise<RawFeed> {
  if (dataset.dialect === 'sqlite') return rawSqliteFeed(dataset.databaseUrl.slice('sqlite:'.length));
  return rawPostgresFeed(dataset.databaseUrl);
}

export interface RawTiming {
  pages: number;
  pagesPerSecond: number;
  latencyMs: Percentiles;
}

/** Pages one after another for `seconds` (at most `max`), cycling through the given requests. */
export async function timeRaw(
  raw: RawFeed,
  requests: readonly { viewerId: string; cursor: string | null }[],
  seconds: number,
  max = 20_000,
): Promise<RawTiming> {
  const samples: number[] = [];
  const started = performance.now();
  const end = started + seconds * 1000;
  // A short warm-up fills the page cache and the prepared statements.
  for (let i = 0; i < Math.min(200, requests.length * 2); i++) {
    const r = requests[i % requests.length];
    if (r) await raw.page(r.viewerId, r.cursor);
  }
  for (let i = 0; performance.now() < end && i < max; i++) {
    const r = requests[i % requests.length];
    if (!r) break;
    const t = performance.now();
    await raw.page(r.viewerId, r.cursor);
    samples.push(performance.now() - t);
  }
  const total = samples.reduce((sum, v) => sum + v, 0) / 1000;
  return { pages: samples.length, pagesPerSecond: samples.length / total, latencyMs: percentiles(samples) };
}
