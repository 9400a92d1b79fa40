import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import Database from 'better-sqlite3';

export interface BenchEnvironment {
  date: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  loadAverage: number[];
  node: string;
  sqlite: string;
  postgres: string | null;
  gitSha: string | null;
  gitDirty: boolean | null;
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** What the figures were measured on (PERFORMANCE.md protocol, step 1). */
export function environment(postgres: string | null = null): BenchEnvironment {
  const memory = new Database(':memory:');
  const sqlite = (memory.prepare('select sqlite_version() as v').get() as { v: string }).v;
  memory.close();
  const status = git(['status', '--porcelain']);
  return {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    node: process.version,
    sqlite,
    // Filled in when the run uses PostgreSQL (postgresVersion below).
    postgres,
    gitSha: git(['rev-parse', 'HEAD']),
    gitDirty: status === null ? null : status !== '',
  };
}

/** `select version()` of the server the PostgreSQL goals run on. */
export async function postgresVersion(url: string): Promise<string> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>("select current_setting('server_version') as v");
    return rows[0]?.v ?? 'unknown';
  } finally {
    await client.end();
  }
}
