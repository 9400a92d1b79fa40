import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFromSession } from '../../src/platform/auth/sessions.ts';
import { openDatabase } from '../../src/platform/db/connect.ts';

// The pieces of the real-time benchmarks (bench/realtime, bench/servers/raw-ws.ts) with a handful of
// sockets: the seeded sessions authenticate, the client fleet in its own process subscribes and stamps
// every delivery, and the raw `ws` baseline and the app both reach every socket. bench/ is type-checked
// by its own project, so it is loaded here by URL with the few types used.
interface Person {
  id: string;
  token: string;
}
interface Dataset {
  path: string;
  spaceId: string;
  listeners: Person[];
  authors: Person[];
  prober: Person;
}
interface Phase {
  posts: number;
  delivered: number;
  expected: number;
  frameBytes?: number;
  cpuPerDeliveryUs: number;
}
interface Connected {
  open: number;
  failed: number;
  failures: Record<string, number>;
}
interface FleetHandle {
  pid: number;
  connect(url: string, options: { origin: string; channel: string; sockets: unknown[] }): Promise<Connected>;
  disconnect(): Promise<void>;
  stop(): Promise<void>;
}
interface WorkerHandle {
  pid: number;
  request<T>(message: Record<string, unknown>, reply: string): Promise<T>;
  stop(): Promise<void>;
}
interface Target {
  pid: number;
  close(): void;
}
interface Server {
  url: string;
  origin: string;
  pid: number;
  csrfFor(token: string): string;
  stop(): Promise<void>;
}
type PhaseFn = (target: Target, fleet: FleetHandle, options: Record<string, number>) => Promise<Phase>;

const bench = (file: string) => import(new URL(`../../../../bench/${file}`, import.meta.url).href);
const { seedRealtime } = (await bench('realtime/seed.ts')) as {
  seedRealtime(path: string, sizes: { listeners: number; authors: number }): Promise<Dataset>;
};
const { Fleet } = (await bench('realtime/fleet.ts')) as { Fleet: new () => FleetHandle };
const { Worker } = (await bench('realtime/processes.ts')) as {
  Worker: new (script: string) => WorkerHandle;
};
const { latencyPhase, burstPhase } = (await bench('realtime/phases.ts')) as {
  latencyPhase: PhaseFn;
  burstPhase: PhaseFn;
};
const { appTarget, rawTarget } = (await bench('realtime/targets.ts')) as {
  appTarget(options: Record<string, unknown>): Target;
  rawTarget(worker: WorkerHandle, frameBytes: () => number): Target;
};
const { startAtrium, streamUrl } = (await bench('realtime/atrium-server.ts')) as {
  startAtrium(options: { databasePath: string; dataDir: string }): Promise<Server>;
  streamUrl(server: { url: string }): string;
};

const SOCKETS = 6;
const dir = mkdtempSync(join(tmpdir(), 'atrium-bench-realtime-'));
let dataset: Dataset;

const socketsOf = (people: Person[]) =>
  people.map((p, i) => ({ cookie: `atrium_session=${p.token}`, ip: `10.9.0.${i + 1}` }));

beforeAll(async () => {
  dataset = await seedRealtime(join(dir, 'realtime.db'), { listeners: SOCKETS, authors: 2 });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('real-time bench', () => {
  it('seeds members of one open space whose sessions the app accepts', async () => {
    const file = new Database(dataset.path, { readonly: true });
    const members = file
      .prepare('select person_id from space_members where space_id = ?')
      .all(dataset.spaceId) as { person_id: string }[];
    const space = file.prepare('select visibility from spaces where id = ?').get(dataset.spaceId);
    file.close();
    expect(space).toEqual({ visibility: 'open' });
    const everyone = [...dataset.listeners, ...dataset.authors, dataset.prober];
    expect(new Set(everyone.map((p) => p.id)).size).toBe(SOCKETS + 3);
    const memberIds = new Set(members.map((m) => m.person_id));
    for (const person of everyone) expect(memberIds.has(person.id)).toBe(true);
    const app = openDatabase(`sqlite:${dataset.path}`);
    try {
      for (const person of everyone)
        expect((await actorFromSession(app.db, person.token))?.id).toBe(person.id);
    } finally {
      await app.close();
    }
  });

  it('times every delivery of the raw ws baseline', async () => {
    const raw = new Worker(new URL('../../../../bench/servers/raw-ws.ts', import.meta.url).pathname);
    const fleet = new Fleet();
    try {
      const { port } = await raw.request<{ port: number }>({ type: 'listen' }, 'listening');
      const connected = await fleet.connect(`ws://127.0.0.1:${port}/`, {
        origin: 'http://127.0.0.1',
        channel: `space:${dataset.spaceId}`,
        sockets: socketsOf(dataset.listeners),
      });
      expect(connected).toMatchObject({ open: SOCKETS, failed: 0 });
      const target = rawTarget(raw, () => 300);
      const latency = await latencyPhase(target, fleet, { sockets: SOCKETS, posts: 2, first: 0 });
      expect(latency).toMatchObject({
        posts: 2,
        delivered: 2 * SOCKETS,
        expected: 2 * SOCKETS,
        frameBytes: 300,
      });
      const burst = await burstPhase(target, fleet, { sockets: SOCKETS, posts: 5, first: 2 });
      expect(burst).toMatchObject({ posts: 5, delivered: 5 * SOCKETS, expected: 5 * SOCKETS });
    } finally {
      await fleet.stop();
      await raw.stop();
    }
  });

  it('times every delivery of a post through the app to its subscribed sockets', async () => {
    const server = await startAtrium({ databasePath: dataset.path, dataDir: dir });
    const fleet = new Fleet();
    try {
      const connected = await fleet.connect(streamUrl(server), {
        origin: server.origin,
        channel: `space:${dataset.spaceId}`,
        sockets: socketsOf(dataset.listeners),
      });
      expect(connected).toMatchObject({ open: SOCKETS, failed: 0 });
      const target = appTarget({
        url: server.url,
        pid: server.pid,
        spaceId: dataset.spaceId,
        authors: dataset.authors,
        csrfFor: server.csrfFor,
      });
      const latency = await latencyPhase(target, fleet, { sockets: SOCKETS, posts: 2, first: 0 });
      expect(latency).toMatchObject({ posts: 2, delivered: 2 * SOCKETS, expected: 2 * SOCKETS });
      const burst = await burstPhase(target, fleet, { sockets: SOCKETS, posts: 4, first: 2 });
      expect(burst).toMatchObject({ posts: 4, delivered: 4 * SOCKETS, expected: 4 * SOCKETS });
      target.close();
    } finally {
      await fleet.stop();
      await server.stop();
    }
  });
});
