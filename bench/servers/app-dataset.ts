// The real app as `atrium serve` builds it, on a seeded bench dataset (DATABASE_URL: a private copy of
// the cached SQLite file or a clone of the PostgreSQL template). Sessions are already in the dataset.
// Reports {port, readyMs} to the parent over IPC.
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../apps/server/src/app.ts';
import { loadConfig } from '../../apps/server/src/config.ts';

const started = performance.now();
const dir = process.env.BENCH_DATA_DIR;
const databaseUrl = process.env.BENCH_DATABASE_URL;
if (!dir || !databaseUrl) throw new Error('BENCH_DATA_DIR and BENCH_DATABASE_URL are required');
const config = loadConfig({
  ...process.env,
  ATRIUM_DATA_DIR: dir,
  DATABASE_URL: databaseUrl,
  PORT: '0',
  // Load arrives with a different X-Forwarded-For per request, as many clients behind a proxy would.
  TRUST_PROXY: 'true',
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
});
const atrium = await buildApp(config);
await atrium.app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({
  port: (atrium.app.server.address() as AddressInfo).port,
  readyMs: Math.round(performance.now() - started),
});
process.on('SIGTERM', () => {
  atrium.close().then(() => process.exit(0));
});
