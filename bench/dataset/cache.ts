import type { SeedRecord } from './cache-key.ts';
import { postgresDataset } from './cache-postgres.ts';
import { sqliteDataset } from './cache-sqlite.ts';
import { type Organization, planOrganization } from './organization.ts';
import { type DatasetSpec, datasetSpec } from './spec.ts';

export type Dialect = 'sqlite' | 'postgres';
export type { SeedRecord };

export interface PreparedDataset {
  dialect: Dialect;
  spec: DatasetSpec;
  org: Organization;
  /** A private copy for this run: the app may write to it (sessions, new posts). */
  databaseUrl: string;
  seed: SeedRecord;
  /** Milliseconds to get the run's copy ready (seeding, migrating or copying). */
  readyMs: number;
  cleanup(): Promise<unknown>;
}

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The seeded dataset for this run, from the cache when it is current (see cache-sqlite.ts and
 * cache-postgres.ts), else generated and cached; the run always gets its own copy.
 */
export async function prepareDataset(options: {
  dialect: Dialect;
  scale: number;
  postgresUrl?: string;
  log?: (line: string) => void;
}): Promise<PreparedDataset> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const started = performance.now();
  const spec = datasetSpec(options.scale);
  const org = planOrganization(spec);
  const prepared =
    options.dialect === 'sqlite'
      ? await sqliteDataset(spec, log)
      : await postgresDataset(spec, options.postgresUrl ?? DEFAULT_POSTGRES_URL, log);
  return {
    dialect: options.dialect,
    spec,
    org,
    ...prepared,
    readyMs: Math.round(performance.now() - started),
  };
}
