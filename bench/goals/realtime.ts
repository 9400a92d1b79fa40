// P8–P11 (PERFORMANCE.md protocol, step 5): N authenticated sockets subscribed to one space, a post
// through the API, every delivery timed; the same sockets against a bare `ws` broadcast in the same run;
// `GET /api/v1/me` latency while the largest broadcast runs. Three processes besides the bench: the app
// (`atrium serve`), the raw `ws` server, and the client fleet, so each one's CPU is its own.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LoopResult, openLoop, type RequestSpec } from '../lib/http-client.ts';
import { clientIp } from '../lib/load.ts';
import { quietest, withForeignLoad } from '../lib/measure.ts';
import type { BenchOptions } from '../lib/options.ts';
import { type AtriumServer, startAtrium, streamUrl } from '../realtime/atrium-server.ts';
import { type ConnectResult, Fleet, type FleetSocket } from '../realtime/fleet.ts';
import {
  type BurstPhase,
  burstPhase,
  cpuPerBroadcast,
  type LatencyPhase,
  latencyPhase,
  sustainedPhase,
  warmUp,
} from '../realtime/phases.ts';
import { fileLimits, Worker } from '../realtime/processes.ts';
import { type RealtimeDataset, seedRealtime } from '../realtime/seed.ts';
import { appTarget, type BroadcastTarget, rawTarget } from '../realtime/targets.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
/** Authors rotate so no one reaches the per-person post limit (60 a minute). */
const AUTHORS = 60;
/** `/api/v1/me` requests per second while P11 watches. */
const ME_RATE = 200;

export interface SizeResult {
  target: 'app' | 'raw';
  sockets: number;
  connect: ConnectResult;
  latency?: LatencyPhase;
  burst?: BurstPhase;
  /** P11, at the largest size on the app: /me with the sockets connected and idle, then during broadcasts. */
  me?: MeResult;
  foreignLoad: number;
  attempts: number;
}

export interface MeResult {
  idle: LoopResult;
  during: LoopResult;
  /** The broadcasts that ran meanwhile, one after another. */
  broadcasts: { posts: number; delivered: number; expected: number };
  foreignLoad: number;
  attempts: number;
}

export interface RealtimeRun {
  sizes: number[];
  fileLimit: number;
  seedMs: number;
  appReadyMs: number;
  /** Whether `/api/v1/stream` accepted a socket; when not, why (e.g. "HTTP 404"). */
  gateway: { available: boolean; reason?: string };
  frameBytes: number;
  /** Posts sent one at a time per socket count. */
  postsPerSize: Record<number, number>;
  /** The app's CPU per post with no socket connected (ms): the part of a broadcast that is not delivery. */
  postCpuMs: number | undefined;
  results: SizeResult[];
}

/** A post.created frame as the live protocol shapes it, to size the raw frames before the app has sent one. */
const expectedFrameBytes = (spaceId: string): string =>
  JSON.stringify({
    type: 'event',
    id: randomUUID(),
    name: 'post.created',
    channel: `space:${spaceId}`,
    data: { postId: randomUUID(), spaceId, authorId: randomUUID() },
  });

export async function runRealtime(options: BenchOptions, log: (line: string) => void): Promise<RealtimeRun> {
  const sizes = [...options.sockets].sort((a, b) => a - b);
  const largest = sizes[sizes.length - 1] ?? 0;
  const limit = fileLimits();
  // The fleet holds every socket in one process, the server as many: both need that many descriptors.
  if (limit.hard < largest + 500)
    log(`P8–P11: the open-file limit is ${limit.hard}; ${largest} sockets need about ${largest + 500}.`);
  const dir = mkdtempSync(join(tmpdir(), 'atrium-bench-realtime-'));
  const stops: (() => Promise<void>)[] = [];
  try {
    log(`P8–P11: seeding ${largest} members with sessions in one space…`);
    const dataset = await seedRealtime(join(dir, 'realtime.db'), { listeners: largest, authors: AUTHORS });
    const server = await startAtrium({ databasePath: dataset.path, dataDir: dir });
    stops.push(server.stop);
    const rawWorker = new Worker(join(HERE, '../servers/raw-ws.ts'));
    stops.push(() => rawWorker.stop());
    const { port } = await rawWorker.request<{ port: number }>({ type: 'listen' }, 'listening');
    const gateway = await probeGateway(server, dataset);
    log(
      `P8–P11: app ready in ${server.readyMs} ms; /api/v1/stream ${gateway.available ? 'answers' : `unavailable (${gateway.reason})`}.`,
    );
    let frameBytes = Buffer.byteLength(expectedFrameBytes(dataset.spaceId));
    const app = appTarget({
      url: server.url,
      pid: server.pid,
      spaceId: dataset.spaceId,
      authors: dataset.authors,
      csrfFor: server.csrfFor,
    });
    const raw = rawTarget(rawWorker, () => frameBytes);
    // More at the smallest count, where P8 judges a p99 over them.
    const postsAt = (n: number) => (options.quick ? 8 : n <= 1000 ? 100 : 30);
    const context: MeasureContext = {
      options,
      log,
      dataset,
      server,
      postsAt,
      nextPost: 0,
    };
    let postCpuMs: number | undefined;
    if (gateway.available) {
      log('P8–P11: the app CPU per post with no socket connected…');
      postCpuMs = await cpuPerBroadcast(app, 60, context.nextPost);
      context.nextPost += 63;
    }
    const results: SizeResult[] = [];
    for (const n of sizes) {
      if (gateway.available) {
        const result = await measure(context, app, streamUrl(server), n, n === largest);
        if (result.latency?.frameBytes) frameBytes = result.latency.frameBytes;
        results.push(result);
      }
      results.push(await measure(context, raw, `ws://127.0.0.1:${port}/`, n, false));
    }
    app.close();
    return {
      sizes,
      fileLimit: limit.hard,
      seedMs: Math.round(dataset.seedMs),
      appReadyMs: server.readyMs,
      gateway,
      frameBytes,
      postsPerSize: Object.fromEntries(sizes.map((n) => [n, postsAt(n)])),
      postCpuMs,
      results,
    };
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

interface MeasureContext {
  options: BenchOptions;
  log: (line: string) => void;
  dataset: RealtimeDataset;
  server: AtriumServer;
  postsAt(sockets: number): number;
  /** Every post of the run gets its own index: author rotation, client address. */
  nextPost: number;
}

const socketsFor = (dataset: RealtimeDataset, n: number): FleetSocket[] =>
  dataset.listeners.slice(0, n).map((p, i) => ({ cookie: `atrium_session=${p.token}`, ip: clientIp(i) }));

/** One socket as the prober: does the gateway exist and accept a cookie-authenticated subscription? */
async function probeGateway(
  server: AtriumServer,
  dataset: RealtimeDataset,
): Promise<{ available: boolean; reason?: string }> {
  const fleet = new Fleet();
  try {
    const result = await fleet.connect(streamUrl(server), {
      origin: server.origin,
      channel: `space:${dataset.spaceId}`,
      sockets: [{ cookie: `atrium_session=${dataset.prober.token}`, ip: clientIp(3_000_000) }],
    });
    await fleet.disconnect();
    return result.open === 1
      ? { available: true }
      : { available: false, reason: Object.keys(result.failures).join(', ') };
  } finally {
    await fleet.stop();
  }
}

const meRequest =
  (dataset: RealtimeDataset, offset: number) =>
  (i: number): RequestSpec => ({
    path: '/api/v1/me',
    headers: { cookie: `atrium_session=${dataset.prober.token}`, 'x-forwarded-for': clientIp(offset + i) },
  });

async function measure(
  context: MeasureContext,
  target: BroadcastTarget,
  url: string,
  n: number,
  withMe: boolean,
): Promise<SizeResult> {
  const { options, log, dataset, server } = context;
  const label = `P8–P11 ${target.name} ${n.toLocaleString('en-US')} sockets`;
  const fleet = new Fleet();
  try {
    log(`${label}: connecting…`);
    const connect = await fleet.connect(url, {
      origin: server.origin,
      channel: `space:${dataset.spaceId}`,
      sockets: socketsFor(dataset, n),
    });
    const failures = Object.entries(connect.failures).map(([why, count]) => `${count}× ${why}`);
    log(
      `${label}: ${connect.open} open in ${(connect.ms / 1000).toFixed(1)} s${failures.length ? `; failed: ${failures.join(', ')}` : ''}.`,
    );
    if (connect.open === 0) return { target: target.name, sockets: n, connect, foreignLoad: 0, attempts: 0 };
    const open = connect.open;
    await warmUp(target, fleet, open, context.nextPost);
    context.nextPost += 3;
    const bursts = Math.min(400, Math.max(10, Math.round((options.quick ? 30_000 : 200_000) / open)));
    const measured = await quietest(
      label,
      options.attempts,
      () =>
        withForeignLoad([target.pid, fleet.pid], async () => {
          const posts = context.postsAt(n);
          log(`${label}: ${posts} broadcasts one at a time…`);
          const latency = await latencyPhase(target, fleet, {
            sockets: open,
            posts,
            first: context.nextPost,
          });
          context.nextPost += posts;
          log(`${label}: ${bursts} broadcasts back to back…`);
          const burst = await burstPhase(target, fleet, {
            sockets: open,
            posts: bursts,
            first: context.nextPost,
          });
          context.nextPost += bursts;
          return { latency, burst };
        }),
      (r) => r.foreignLoad,
      log,
    );
    const me = withMe ? await measureMe(context, target, fleet, open, label) : undefined;
    return {
      target: target.name,
      sockets: n,
      connect,
      ...measured.value,
      me,
      foreignLoad: measured.foreignLoad,
      attempts: measured.attempts,
    };
  } finally {
    await fleet.disconnect().catch(() => {});
    await fleet.stop();
  }
}

/**
 * P11: `GET /api/v1/me` in open loop for the same length of time twice, with the sockets connected and
 * idle, then while the app broadcasts to all of them one post after another.
 */
async function measureMe(
  context: MeasureContext,
  target: BroadcastTarget,
  fleet: Fleet,
  open: number,
  label: string,
): Promise<MeResult> {
  const { options, server, dataset, log } = context;
  const seconds = options.seconds;
  const measured = await quietest(
    `${label} /me`,
    options.attempts,
    () =>
      withForeignLoad([target.pid, fleet.pid], async () => {
        log(`${label}: GET /api/v1/me at ${ME_RATE}/s for ${seconds} s, sockets idle…`);
        const offset = 4_000_000 + context.nextPost * 1000;
        const idle = await openLoop(server.url, meRequest(dataset, offset), { rate: ME_RATE, seconds });
        log(
          `${label}: GET /api/v1/me at ${ME_RATE}/s for ${seconds} s, broadcasting one post after another…`,
        );
        const stop = new AbortController();
        const probe = openLoop(server.url, meRequest(dataset, offset + 500_000), {
          rate: ME_RATE,
          seconds: seconds * 10,
          stop: stop.signal,
        });
        const broadcasts = await sustainedPhase(target, fleet, {
          sockets: open,
          seconds,
          first: context.nextPost,
        });
        stop.abort();
        context.nextPost += broadcasts.posts;
        return { idle, during: await probe, broadcasts };
      }),
    (r) => r.foreignLoad,
    log,
  );
  return { ...measured.value, foreignLoad: measured.foreignLoad, attempts: measured.attempts };
}
