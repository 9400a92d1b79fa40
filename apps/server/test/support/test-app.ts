import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { type Atrium, type BuildOptions, buildApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { createTestDatabase } from './test-db.ts';

export interface TestApp extends Atrium {
  config: Config;
  /** Delivers every pending outbox event now (tests run without the background poller). */
  drainEvents(): Promise<void>;
  /** Runs every scheduled job due at `now` (default: the real now), as often as new ones fall due. */
  drainJobs(now?: Date): Promise<void>;
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
    ...(process.env.REDIS_URL
      ? { REDIS_URL: process.env.REDIS_URL, REDIS_PREFIX: `atrium-test-${randomUUID()}:` }
      : {}),
    ...env,
  });
  if (config.redisUrl) await assertRedisReachable(config.redisUrl);
  const atrium = await buildApp(config, { dispatch: false, web: false, ...options });
  return {
    ...atrium,
    config,
    async drainEvents() {
      while ((await atrium.dispatcher.runOnce()) > 0) {
        // until nothing is due
      }
    },
    async drainJobs(now?: Date) {
      while ((await atrium.jobs.runOnce(now)) > 0) {
        // until no job is due at `now`
      }
    },
    async close() {
      await atrium.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** When REDIS_URL is set the suite must run against Redis: an unreachable one fails loudly. */
async function assertRedisReachable(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`REDIS_URL is set but Redis is unreachable (${url}): ${String(error)}`);
  } finally {
    redis.disconnect();
  }
}
