import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
import { quoteIdent, seedPostgres, withAdmin, withDatabase } from './postgres-load.ts';
import type { DatasetSpec } from './spec.ts';

const recordOf = (template: string): SeedRecord | undefined => {
  const file = join(CACHE_DIR, `${template}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SeedRecord) : undefined;
};

async function dropTemplate(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, async (c) => {
    await c.query(`alter database ${quoteIdent(name)} is_template false`);
    await c.query(`drop database ${quoteIdent(name)}`);
  });
  rmSync(join(CACHE_DIR, `${name}.json`), { force: true });
}

/**
 * The PostgreSQL dataset for the spec as a template database (seeded when missing, cloned and migrated
 * forward when only new migrations were appended since), and a clone of it for this run.
 */
export async function postgresDataset(spec: DatasetSpec, adminUrl: string, log: (line: string) => void) {
  mkdirSync(CACHE_DIR, { recursive: true });
  const current = currentMigrations();
  const key = cacheKey(spec.scale, current);
  const prefix = `atrium_bench_${scaleTag(spec.scale)}_`;
  const template = `${prefix}${key}`;
  const templates = await withAdmin(adminUrl, async (c) => {
    const { rows } = await c.query<{ datname: string; datistemplate: boolean }>(
      'select datname, datistemplate from pg_database where datname like $1',
      [`${prefix}%`],
    );
    return rows;
  });
  let seed: SeedRecord;
  const exact = templates.find((t) => t.datname === template && t.datistemplate);
  const older = templates.find(
    (t) => t.datistemplate && upgradable(recordOf(t.datname)?.migrations, current),
  );
  if (exact && recordOf(template)) {
    seed = { ...(recordOf(template) as SeedRecord), cached: true };
  } else if (older) {
    const record = recordOf(older.datname) as SeedRecord;
    log(
      `Running ${current.length - (record.migrations?.length ?? 0)} new migration(s) on a clone of ${older.datname}…`,
    );
    await withAdmin(adminUrl, (c) =>
      c.query(`create database ${quoteIdent(template)} template ${quoteIdent(older.datname)}`),
    );
    const database = openDatabase(withDatabase(adminUrl, template));
    try {
      await migrateToLatest(database.db);
    } finally {
      await database.close();
    }
    await withAdmin(adminUrl, (c) => c.query(`alter database ${quoteIdent(template)} is_template true`));
    await dropTemplate(adminUrl, older.datname);
    seed = { ...record, cached: true, key, migrations: current };
    writeFileSync(
      join(CACHE_DIR, `${template}.json`),
      `${JSON.stringify({ ...seed, cached: false }, null, 2)}\n`,
    );
  } else {
    for (const t of templates) await dropTemplate(adminUrl, t.datname);
    await withAdmin(adminUrl, (c) => c.query(`create database ${quoteIdent(template)}`));
    log(
      `Seeding ${spec.posts.toLocaleString('en-US')} posts into PostgreSQL (template database ${template})…`,
    );
    const bar = createProgress('seeding posts');
    const result = await seedPostgres(withDatabase(adminUrl, template), spec, (done, total) =>
      bar.update(done, total),
    );
    bar.finish();
    await withAdmin(adminUrl, (c) => c.query(`alter database ${quoteIdent(template)} is_template true`));
    seed = { ...result, cached: false, key, migrations: current };
    writeFileSync(join(CACHE_DIR, `${template}.json`), `${JSON.stringify(seed, null, 2)}\n`);
  }
  const run = `atrium_bench_run_${process.pid}`;
  await withAdmin(adminUrl, async (c) => {
    await c.query(`drop database if exists ${quoteIdent(run)}`);
    await c.query(`create database ${quoteIdent(run)} template ${quoteIdent(template)}`);
  });
  return {
    databaseUrl: withDatabase(adminUrl, run),
    seed,
    cleanup: () =>
      withAdmin(adminUrl, (c) => c.query(`drop database if exists ${quoteIdent(run)} with (force)`)),
  };
}
