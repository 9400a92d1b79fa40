import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SESSION_COOKIE } from '../../apps/server/src/platform/auth/sessions.ts';
import { csrfTokenFor } from '../../apps/server/src/platform/http/auth-guard.ts';
import type { PreparedDataset } from '../dataset/cache.ts';
import type { PlannedSpace } from '../dataset/organization.ts';
import type { RequestSpec } from './http-client.ts';
import { clientIp } from './load.ts';
import type { BenchOptions } from './options.ts';
import { type Started, startServer } from './server.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

/** A person with a session in the dataset, and what the load needs to act as them. */
export interface BenchPerson {
  index: number;
  id: string;
  kind: 'member' | 'external';
  cookie: string;
  csrf: string;
  spaces: PlannedSpace[];
}

export interface Target {
  url: string;
  pid: number;
}

/** Everything the dataset goals share: the servers, the people, the options. */
export interface DatasetBench {
  options: BenchOptions;
  dataset: PreparedDataset;
  app: Target & { readyMs: number };
  fastify: Target;
  node: Target;
  /** Sampled people with sessions (the worst-case people are apart). */
  people: BenchPerson[];
  quiet: BenchPerson;
  busy: BenchPerson;
  log: (line: string) => void;
  /** Stops the app (P6 measures raw inserts on the same database afterwards). */
  stopApp(): Promise<void>;
  close(): Promise<void>;
}

const target = (server: Started<{ port: number }>): Target => ({
  url: `http://127.0.0.1:${server.info.port}`,
  pid: server.child.pid ?? 0,
});

export async function startDatasetBench(
  options: BenchOptions,
  dataset: PreparedDataset,
  log: (line: string) => void,
): Promise<DatasetBench> {
  const dir = mkdtempSync(join(tmpdir(), 'atrium-bench-app-'));
  const secret = randomBytes(32).toString('base64url');
  const node = await startServer<{ port: number }>(join(HERE, '../servers/node-hello.ts'));
  const fastify = await startServer<{ port: number }>(join(HERE, '../servers/fastify-hello.ts'));
  let app: Started<{ port: number; readyMs: number }> | undefined;
  try {
    app = await startServer<{ port: number; readyMs: number }>(join(HERE, '../servers/app-dataset.ts'), {
      ...process.env,
      BENCH_DATA_DIR: dir,
      BENCH_DATABASE_URL: dataset.databaseUrl,
      SESSION_SECRET: secret,
      BENCH_LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    });
  } catch (error) {
    await Promise.all([node.stop(), fastify.stop()]);
    throw error;
  }
  const { org } = dataset;
  const person = (index: number, token: string): BenchPerson => {
    const p = org.people[index];
    if (!p) throw new Error(`no person ${index}`);
    return {
      index,
      id: p.id,
      kind: p.kind,
      cookie: `${SESSION_COOKIE}=${token}`,
      csrf: csrfTokenFor(secret, token),
      spaces: (org.memberships[index] ?? []).flatMap((s) => org.spaces[s] ?? []),
    };
  };
  const sessions = org.sessions.map((s) => person(s.personIndex, s.token));
  const special = new Set([org.quietPerson, org.busyPerson]);
  const running = app;
  let appStopped = false;
  const stopApp = async () => {
    if (appStopped) return;
    appStopped = true;
    await running.stop();
  };
  return {
    options,
    dataset,
    app: { ...target(running), readyMs: running.info.readyMs },
    fastify: target(fastify),
    node: target(node),
    people: sessions.filter((p) => !special.has(p.index)),
    quiet: sessions.find((p) => p.index === org.quietPerson) ?? person(org.quietPerson, ''),
    busy: sessions.find((p) => p.index === org.busyPerson) ?? person(org.busyPerson, ''),
    log,
    stopApp,
    async close() {
      await Promise.all([node.stop(), fastify.stop(), stopApp()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Headers of the i-th request as `who`: their session, and a distinct client address (rate limits). */
export const headersAs = (who: BenchPerson, i: number): Record<string, string> => ({
  cookie: who.cookie,
  'x-forwarded-for': clientIp(i),
});

export const HOME = '/api/v1/feeds/home?limit=20';

/** The home feed as the i-th sampled person, so every request varies the person and the session. */
export const homeRequest =
  (people: readonly BenchPerson[]) =>
  (i: number): RequestSpec => {
    const who = people[i % people.length] as BenchPerson;
    return { path: HOME, headers: headersAs(who, i) };
  };

/** Whether a route exists yet: an unknown route answers 404 whoever asks. */
export async function routeAnswers(
  url: string,
  spec: RequestSpec,
): Promise<{ ok: boolean; status: number; body: string }> {
  const response = await fetch(`${url}${spec.path}`, {
    method: spec.method ?? 'GET',
    headers: spec.body === undefined ? spec.headers : { ...spec.headers, 'content-type': 'application/json' },
    body: spec.body,
  });
  const body = await response.text();
  return {
    ok: response.status >= 200 && response.status < 300,
    status: response.status,
    body: body.slice(0, 300),
  };
}
