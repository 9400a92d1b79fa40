import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Atrium, type BuildOptions, buildApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { createTestDatabase } from './test-db.ts';

export interface TestApp extends Atrium {
  config: Config;
  /** Delivers every pending outbox event now (tests run without the background poller). */
  drainEvents(): Promise<void>;
}

/** A real app on a real database (SQLite, or PostgreSQL with TEST_DATABASE_URL), driven through inject. */
export async function createTestApp(
  env: Record<string, string> = {},
  options: BuildOptions = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'atrium-data-'));
  const config = loadConfig({
    ATRIUM_DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    PUBLIC_URL: 'http://atrium.test',
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    ...env,
  });
  const atrium = await buildApp(config, { dispatch: false, web: false, ...options });
  return {
    ...atrium,
    config,
    async drainEvents() {
      while ((await atrium.dispatcher.runOnce()) > 0) {
        // until nothing is due
      }
    },
    async close() {
      await atrium.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
