import {
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProgress } from '../../apps/server/src/cli/progress.ts';
import { openDatabase } from '../../apps/server/src/platform/db/connect.ts';
import { migrateToLatest } from '../../apps/server/src/platform/db/migrate.ts';
import {
  CACHE_DIR,
  cacheKey,
  currentMigrations,
  type SeedRecord,
  scaleTag,
  upgradable,
} from './cache-key.ts';
import type { DatasetSpec } from './spec.ts';
import { seedSqlite } from './sqlite-load.ts';

const readRecord = (meta: string): SeedRecord => JSON.parse(readFileSync(meta, 'utf8')) as SeedRecord;

/** The cached file of this scale that only lacks newer migrations, if any. */
function upgradableFile(prefix: string): { file: string; record: SeedRecord } | undefined {
  const current = currentMigrations();
  for (const name of readdirSync(CACHE_DIR)) {
    if (!name.startsWith(prefix) || !name.endsWith('.db.json')) continue;
    const record = readRecord(join(CACHE_DIR, name));
    const file = join(CACHE_DIR, name.slice(0, -'.json'.length));
    if (existsSync(file) && upgradable(record.migrations, current)) return { file, record };
  }
  return undefined;
}

/**
 * The cached SQLite dataset for the spec, seeded when missing, migrated forward in place when only new
 * migrations were appended since, and a private copy of it for this run.
 */
export async function sqliteDataset(spec: DatasetSpec, log: (line: string) => void) {
  mkdirSync(CACHE_DIR, { recursive: true });
  const current = currentMigrations();
  const key = cacheKey(spec.scale, current);
  const prefix = `sqlite-${scaleTag(spec.scale)}-`;
  const file = join(CACHE_DIR, `${prefix}${key}.db`);
  const meta = `${file}.json`;
  let seed: SeedRecord;
  const older = existsSync(meta) ? undefined : upgradableFile(prefix);
  if (existsSync(file) && existsSync(meta)) {
    seed = { ...readRecord(meta), cached: true };
  } else if (older) {
    const added = current.length - (older.record.migrations?.length ?? 0);
    log(`Running ${added} new migration(s) on the cached SQLite dataset…`);
    const database = openDatabase(`sqlite:${older.file}`);
    try {
      await migrateToLatest(database.db);
    } finally {
      await database.close();
    }
    renameSync(older.file, file);
    rmSync(`${older.file}.json`, { force: true });
    seed = { ...older.record, cached: true, key, migrations: current };
    writeFileSync(meta, `${JSON.stringify({ ...seed, cached: false }, null, 2)}\n`);
  } else {
    // Other keys of this scale are stale (older generator or an edited migration): free the disk.
    for (const name of readdirSync(CACHE_DIR)) {
      if (name.startsWith(prefix)) rmSync(join(CACHE_DIR, name), { force: true });
    }
    log(`Seeding ${spec.posts.toLocaleString('en-US')} posts into SQLite (cached afterwards)…`);
    const bar = createProgress('seeding posts');
    const partial = `${file}.partial`;
    const result = await seedSqlite(partial, spec, (done, total) => bar.update(done, total));
    bar.finish();
    renameSync(partial, file);
    seed = { ...result, cached: false, key, migrations: current };
    writeFileSync(meta, `${JSON.stringify(seed, null, 2)}\n`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'atrium-bench-'));
  const copy = join(dir, 'atrium.db');
  copyFileSync(file, copy, constants.COPYFILE_FICLONE);
  return {
    databaseUrl: `sqlite:${copy}`,
    seed,
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}
