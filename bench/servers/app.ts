// The real app as `atrium serve --demo` builds it, on SQLite in BENCH_DATA_DIR, plus sessions for many demo
// people so load can vary the person per request. Reports {port, cookies, readyMs} to the parent over IPC.
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { buildApp } from '../../apps/server/src/app.ts';
import { loadConfig } from '../../apps/server/src/config.ts';
import { createSession, SESSION_COOKIE } from '../../apps/server/src/platform/auth/sessions.ts';
import { ensureDemoOrganization } from '../../apps/server/src/seed/demo.ts';

const started = performance.now();
const dir = process.env.BENCH_DATA_DIR;
if (!dir) throw new Error('BENCH_DATA_DIR is required');
const sessions = Number(process.env.BENCH_SESSIONS ?? '200');
const config = loadConfig({
  ...process.env,
  ATRIUM_DATA_DIR: dir,
  DATABASE_URL: `sqlite:${join(dir, 'atrium.db')}`,
  PORT: '0',
  // Load arrives with a different X-Forwarded-For per request, as many clients behind a proxy would.
  TRUST_PROXY: 'true',
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
});
const atrium = await buildApp(config);
await ensureDemoOrganization(atrium.ctx, { log: false });
const people = await atrium.ctx.db
  .selectFrom('people')
  .select('id')
  .where('status', '=', 'active')
  .orderBy('handle')
  .limit(sessions)
  .execute();
const cookies: string[] = [];
for (const person of people) {
  const { token } = await createSession(atrium.ctx.db, person.id, { ip: '127.0.0.1', userAgent: 'bench' });
  cookies.push(`${SESSION_COOKIE}=${token}`);
}
await atrium.app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({
  port: (atrium.app.server.address() as AddressInfo).port,
  cookies,
  readyMs: Math.round(performance.now() - started),
});
process.on('SIGTERM', () => {
  atrium.close().then(() => process.exit(0));
});
