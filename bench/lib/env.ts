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
export function environment(): BenchEnvironment {
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
    // P1 runs on SQLite only; PostgreSQL goals record its version when they exist.
    postgres: null,
    gitSha: git(['rev-parse', 'HEAD']),
    gitDirty: status === null ? null : status !== '',
  };
}
