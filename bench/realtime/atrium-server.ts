import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csrfTokenFor } from '../../apps/server/src/platform/http/auth-guard.ts';
import { withRaisedFileLimit } from './processes.ts';

const MAIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../apps/server/src/main.ts');

/** A running `atrium serve` process. */
export interface AtriumServer {
  url: string;
  /** PUBLIC_URL, which is also the Origin a browser on the app would send. */
  origin: string;
  pid: number;
  readyMs: number;
  /** The CSRF token of a session secret, as the app derives it. */
  csrfFor(token: string): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

function stopped(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

/**
 * Starts the app exactly as an operator does (`node apps/server/src/main.ts serve`) on the given SQLite
 * file, in its own process with the open-file limit raised, and waits until `/readyz` answers 200.
 * TRUST_PROXY is on: every socket and request carries its own X-Forwarded-For, as many people behind a
 * proxy, so the per-address rate limit does not turn 10k upgrades into 429s.
 */
export async function startAtrium(options: { databasePath: string; dataDir: string }): Promise<AtriumServer> {
  const started = performance.now();
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const secret = randomBytes(32).toString('base64url');
  const { command, args } = withRaisedFileLimit([MAIN, 'serve']);
  const child = spawn(command, args, {
    env: {
      ...process.env,
      ATRIUM_DATA_DIR: options.dataDir,
      DATABASE_URL: `sqlite:${options.databasePath}`,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: origin,
      SESSION_SECRET: secret,
      TRUST_PROXY: 'true',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      // A bench run must not reach a real Redis or mail server configured in the shell.
      REDIS_URL: '',
      SMTP_URL: '',
    },
    // Request logs on stdout would flood the table; stderr shows crashes.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // No IPC channel tells it when the bench dies: take it down on the way out.
  const orphaned = () => child.kill('SIGKILL');
  process.once('exit', orphaned);
  child.once('exit', () => process.removeListener('exit', orphaned));
  const exited = new Promise<never>((_, fail) =>
    child.once('exit', (code, signal) =>
      fail(new Error(`atrium serve exited (${signal ?? code}) before it was ready`)),
    ),
  );
  exited.catch(() => {});
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = await Promise.race([
      fetch(`${origin}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      ),
      exited,
    ]);
    if (ready) break;
    if (Date.now() > deadline) {
      await stopped(child);
      throw new Error('atrium serve was not ready within 60 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: origin,
    origin,
    pid: child.pid ?? 0,
    readyMs: Math.round(performance.now() - started),
    csrfFor: (token) => csrfTokenFor(secret, token),
    stop: () => stopped(child),
  };
}

export const streamUrl = (server: { url: string }): string =>
  `${server.url.replace(/^http/, 'ws')}/api/v1/stream`;
