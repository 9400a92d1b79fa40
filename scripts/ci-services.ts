// Fails loudly (exit 1) unless PostgreSQL and Redis answer at the given URLs.
import { Redis } from 'ioredis';
import pg from 'pg';

const [pgUrl, redisUrl] = process.argv.slice(2);
if (!pgUrl || !redisUrl) {
  process.stderr.write('usage: ci-services.ts <postgres-url> <redis-url>\n');
  process.exit(2);
}
let failed = false;
const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  const { rows } = await client.query<{ version: string }>('select version()');
  process.stdout.write(`PostgreSQL ok: ${rows[0]?.version}\n`);
} catch (error) {
  process.stderr.write(`PostgreSQL is NOT reachable at ${pgUrl}: ${String(error)}\n`);
  failed = true;
} finally {
  await client.end().catch(() => {});
}
const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
redis.on('error', () => {});
try {
  await redis.connect();
  process.stdout.write(`Redis ok: ${await redis.ping()}\n`);
} catch (error) {
  process.stderr.write(`Redis is NOT reachable at ${redisUrl}: ${String(error)}\n`);
  failed = true;
} finally {
  redis.disconnect();
}
process.exit(failed ? 1 : 0);
