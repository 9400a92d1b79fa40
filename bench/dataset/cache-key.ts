import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrations } from '../../apps/server/src/migrations/index.ts';
import type { GenerateCounts } from './generate.ts';
import { GENERATOR_VERSION } from './spec.ts';
import type { LoadTimings } from './sqlite-load.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
export const CACHE_DIR = resolve(HERE, '../.cache');
const MIGRATIONS_DIR = resolve(HERE, '../../apps/server/src/migrations');

/** A migration as the cache knows it: its name and a hash of its source. */
export interface MigrationStamp {
  name: string;
  sha: string;
}

/** What the cache records beside a seeded dataset (the `.json` next to it). */
export interface SeedRecord {
  counts: GenerateCounts;
  timings: LoadTimings;
  /** False when this run seeded the dataset, true when it came from the cache. */
  cached: boolean;
  key: string;
  /** The migrations the dataset's schema has run, in order. */
  migrations?: MigrationStamp[];
}

/** The app's migrations today, in order, with a hash of each file. */
export function currentMigrations(): MigrationStamp[] {
  return Object.keys(migrations).map((name) => ({
    name,
    sha: createHash('sha256')
      .update(readFileSync(join(MIGRATIONS_DIR, `${name}.ts`)))
      .digest('hex')
      .slice(0, 16),
  }));
}

/** The cache key: generator version, scale and the schema (every migration's name and source). */
export function cacheKey(scale: number, list: MigrationStamp[] = currentMigrations()): string {
  const text = `v${GENERATOR_VERSION}|${scale}|${list.map((m) => `${m.name}=${m.sha}`).join(',')}`;
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/**
 * Whether a cached dataset can be brought up to date by running only the migrations added since it was
 * seeded: its migrations must be the first ones of today's list, unchanged. An edited migration, or a
 * cache from another generator version, means seeding again.
 */
export function upgradable(cached: MigrationStamp[] | undefined, current: MigrationStamp[]): boolean {
  if (!cached || cached.length > current.length) return false;
  return cached.every((m, i) => current[i]?.name === m.name && current[i]?.sha === m.sha);
}

export const scaleTag = (scale: number): string => `s${String(scale).replace('.', '_')}`;
