import { randomUUID } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PresenceStore } from '../../src/platform/realtime/presence.ts';
import {
  createRedisPresenceStore,
  type RedisPresenceOptions,
} from '../../src/platform/realtime/redis-presence.ts';

const REDIS_URL = process.env.REDIS_URL;
const log = pino({ level: 'silent' });

/** A store whose onChange calls can be awaited one by one. */
type TestStore = ReturnType<typeof createRedisPresenceStore> & { changed(): Promise<string> };

function store(
  url: string,
  prefix: string,
  nodeId: string,
  extra: Partial<RedisPresenceOptions> = {},
): TestStore {
  const seen: string[] = [];
  const waiting: Array<(personId: string) => void> = [];
  const inner = createRedisPresenceStore({
    url,
    prefix,
    nodeId,
    log,
    onChange: (personId) => {
      const next = waiting.shift();
      if (next) next(personId);
      else seen.push(personId);
    },
    ...extra,
  });
  const changed = () => {
    const first = seen.shift();
    return first !== undefined ? Promise.resolve(first) : new Promise<string>((r) => waiting.push(r));
  };
  return Object.assign(inner, { changed });
}

const stateOf = async (s: PresenceStore, personId: string) => (await s.statesOf([personId])).get(personId);

describe('Redis presence store when Redis is unreachable', () => {
  it('keeps this node’s presence, reports changes and never throws', async () => {
    const s = store('redis://127.0.0.1:1', `atrium-test-${randomUUID()}:`, 'lonely');
    s.socketActive('p1', 'tab');
    expect(await s.changed()).toBe('p1');
    const states = await s.statesOf(['p1', 'p2']);
    expect(Object.fromEntries(states)).toEqual({ p1: 'online', p2: 'offline' });
    s.socketIdle('p1', 'tab');
    expect(await s.changed()).toBe('p1');
    expect(await stateOf(s, 'p1')).toBe('away');
    await s.close();
  });
});

describe.skipIf(!REDIS_URL)('Redis presence store across nodes', () => {
  const url = REDIS_URL ?? '';
  const prefix = `atrium-test-presence-${randomUUID()}:`;
  const open: PresenceStore[] = [];
  let redis: Redis;
  const node = async (id: string, extra: Partial<RedisPresenceOptions> = {}) => {
    const s = store(url, prefix, id, extra);
    open.push(s);
    await s.connected();
    return s;
  };
  beforeAll(() => {
    redis = new Redis(url);
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('aggregates two nodes: online beats away beats offline, and both agree', async () => {
    const a = await node('node-a');
    const b = await node('node-b');
    const person = randomUUID();
    const onlyOnA = randomUUID();
    a.socketActive(person, 'a1');
    a.socketActive(onlyOnA, 'a2');
    b.socketIdle(person, 'b1');
    await Promise.all([a.changed(), a.changed(), b.changed()]);
    for (const s of [a, b]) {
      const states = await s.statesOf([person, onlyOnA, randomUUID()]);
      expect([...states.values()]).toEqual(['online', 'online', 'offline']);
    }
    a.socketClosed(person, 'a1');
    await a.changed();
    expect(await stateOf(a, person)).toBe('away');
    expect(await stateOf(b, person)).toBe('away');
    b.socketClosed(person, 'b1');
    await b.changed();
    expect(await stateOf(a, person)).toBe('offline');
    expect(await stateOf(b, person)).toBe('offline');
    // The last socket gone, nothing is left behind for that person.
    expect(await redis.hgetall(`${prefix}presence:${person}`)).toEqual({});
    expect(await redis.pttl(`${prefix}presence:${onlyOnA}`)).toBeGreaterThan(0);
  });

  it('ignores a node’s states once they expire (a crashed node stops refreshing)', async () => {
    const clock = { a: Date.now(), b: Date.now() };
    const a = await node('node-a', { now: () => clock.a, ttlMs: 45_000 });
    const b = await node('node-b', { now: () => clock.b, ttlMs: 45_000 });
    const person = randomUUID();
    a.socketActive(person, 'a1');
    await a.changed();
    clock.b += 44_000;
    expect(await stateOf(b, person)).toBe('online');
    clock.b += 2_000;
    expect(await stateOf(b, person)).toBe('offline');
    // Node A still knows its own socket.
    expect(await stateOf(a, person)).toBe('online');
  });

  it('removes a node’s states when it closes', async () => {
    const a = store(url, prefix, 'node-a');
    await a.connected();
    const b = await node('node-b');
    const person = randomUUID();
    a.socketActive(person, 'a1');
    await a.changed();
    expect(await stateOf(b, person)).toBe('online');
    await a.close();
    expect(await stateOf(b, person)).toBe('offline');
  });

  it('falls back to local state while Redis is away and writes its state back when it returns', async () => {
    const proxy = await startProxy(new URL(url));
    const viaProxy = new URL(url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    const a = await node('node-a', { url: viaProxy.toString() });
    const b = await node('node-b');
    const mine = randomUUID();
    const theirs = randomUUID();
    const duringOutage = randomUUID();
    a.socketActive(mine, 'a1');
    await a.changed();
    expect(await stateOf(b, mine)).toBe('online');
    b.socketActive(theirs, 'b1');
    await b.changed();
    expect(await stateOf(a, theirs)).toBe('online');

    await proxy.stop();
    // Node A sees only itself now, without failing.
    const states = await a.statesOf([mine, theirs]);
    expect(Object.fromEntries(states)).toEqual({ [mine]: 'online', [theirs]: 'offline' });
    a.socketActive(duringOutage, 'a2');
    expect(await a.changed()).toBe(duringOutage);
    expect(await stateOf(b, duringOutage)).toBe('offline');

    await proxy.restart();
    // Once reconnected, node A writes what Redis missed and announces it again.
    expect(await a.changed()).toBe(duringOutage);
    expect(await stateOf(b, duringOutage)).toBe('online');
    expect(await stateOf(a, theirs)).toBe('online');
  });
});

/** A TCP proxy to Redis that can be cut and restored on the same port. */
async function startProxy(target: URL) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(Number(target.port || 6379), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        const address = server?.address();
        if (address && typeof address === 'object') port = address.port;
        resolve();
      });
    });
  await listen();
  return {
    get port() {
      return port;
    },
    async stop() {
      await new Promise<void>((resolve) => {
        server?.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
    restart: listen,
  };
}
