import type { PresenceState } from '@atrium/contracts';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { LocalPresence } from './local-presence.ts';
import type { PresenceStore } from './presence.ts';

export interface RedisPresenceOptions {
  url: string;
  /** Prefix of every key, shared by the nodes of one deployment. */
  prefix: string;
  /** This node's id: its field in each person's hash. */
  nodeId: string;
  log: Logger;
  /** Called after this node's state for a person changed and was written (or failed to be). */
  onChange: (personId: string) => void;
  /** How often this node rewrites the state of its people (default 15 s). */
  refreshMs?: number;
  /** How long a written state counts without a refresh: a crashed node's people go offline after it. */
  ttlMs?: number;
  /** The clock, for expiry (tests move it). */
  now?: () => number;
}

const RANK: Record<PresenceState, number> = { offline: 0, away: 1, online: 2 };

const better = (a: PresenceState, b: PresenceState): PresenceState => (RANK[b] > RANK[a] ? b : a);

/** A field's value `state|expiresAtMs` while it has not expired; anything else counts as offline. */
function stateOfField(value: string, now: number): PresenceState {
  const [state, expires] = value.split('|');
  if (state !== 'online' && state !== 'away') return 'offline';
  const expiresAt = Number(expires);
  return Number.isFinite(expiresAt) && expiresAt > now ? state : 'offline';
}

/**
 * Presence across nodes. Each node keeps its own sockets in memory (LocalPresence) and writes every
 * person's local state into a Redis hash, `<prefix>presence:<personId>`, one field per node holding
 * `state|expiresAtMs`; it refreshes its fields every `refreshMs` and deletes them when the person's last
 * socket here closes. A reader aggregates every node's unexpired field (online beats away beats offline).
 *
 * Redis is never on the critical path: writes are fire-and-forget (rewritten by the next refresh and
 * whenever the connection comes back) and a read that fails or times out falls back to this node's own
 * view, so presence degrades to "this node" while Redis is down and nothing throws.
 */
export function createRedisPresenceStore(
  options: RedisPresenceOptions,
): PresenceStore & { connected(): Promise<void> } {
  const { prefix, nodeId, log, onChange } = options;
  const refreshMs = options.refreshMs ?? 15_000;
  const ttlMs = options.ttlMs ?? 45_000;
  const now = options.now ?? Date.now;
  const local = new LocalPresence();
  const keyOf = (personId: string) => `${prefix}presence:${personId}`;
  const redis = new Redis(options.url, {
    retryStrategy: () => 200,
    maxRetriesPerRequest: 0,
    // Fail at once while disconnected instead of queueing: a read falls back, the refresh rewrites.
    enableOfflineQueue: false,
    commandTimeout: 1_000,
  });
  redis.on('error', (error: Error) => log.warn({ err: error.message }, 'presence: redis error'));

  const writeAll = async (personIds: readonly string[]): Promise<void> => {
    if (personIds.length === 0) return;
    if (redis.status !== 'ready') throw new Error('not connected');
    const pipeline = redis.pipeline();
    const expiresAt = now() + ttlMs;
    for (const personId of personIds) {
      const state = local.stateOf(personId);
      if (state === 'offline') pipeline.hdel(keyOf(personId), nodeId);
      else {
        pipeline.hset(keyOf(personId), nodeId, `${state}|${expiresAt}`);
        pipeline.pexpire(keyOf(personId), ttlMs);
      }
    }
    await pipeline.exec();
  };

  /** People whose latest state may not have reached Redis (written while it was away). */
  const dirty = new Set<string>();
  const warn = (what: string) => (error: unknown) =>
    log.warn({ err: error instanceof Error ? error.message : error }, `presence: ${what}`);

  const changed = (personId: string): void => {
    if (redis.status !== 'ready') {
      dirty.add(personId);
      onChange(personId);
      return;
    }
    // Tell the other nodes only once Redis holds the new state, so that they read it.
    writeAll([personId])
      .catch((error: unknown) => {
        dirty.add(personId);
        warn('write failed')(error);
      })
      .finally(() => onChange(personId));
  };

  /** Rewrites every state of this node; people changed during an outage are announced again. */
  const refresh = (): void => {
    if (redis.status !== 'ready') return;
    const missed = [...dirty];
    dirty.clear();
    writeAll([...new Set([...local.people(), ...missed])])
      .then(() => {
        for (const personId of missed) onChange(personId);
      })
      .catch((error: unknown) => {
        for (const personId of missed) dirty.add(personId);
        warn('refresh failed')(error);
      });
  };
  const timer = setInterval(refresh, refreshMs);
  timer.unref();
  // After an outage the fields may have expired: write them back as soon as the connection returns.
  redis.on('ready', refresh);
  const connected = new Promise<void>((resolve) => redis.once('ready', () => resolve()));

  const localStates = (ids: readonly string[]) =>
    new Map<string, PresenceState>(ids.map((id) => [id, local.stateOf(id)]));

  return {
    /** Resolves once the first connection is ready (states written before that are written then). */
    connected: () => connected,
    socketActive(personId, socketId) {
      if (local.set(personId, socketId, 'active')) changed(personId);
    },
    socketIdle(personId, socketId) {
      if (local.set(personId, socketId, 'idle')) changed(personId);
    },
    socketClosed(personId, socketId) {
      if (local.remove(personId, socketId)) changed(personId);
    },
    async statesOf(personIds) {
      const ids = [...new Set(personIds)];
      const states = localStates(ids);
      if (ids.length === 0 || redis.status !== 'ready') return states;
      try {
        const pipeline = redis.pipeline();
        for (const id of ids) pipeline.hgetall(keyOf(id));
        const replies = (await pipeline.exec()) ?? [];
        const at = now();
        ids.forEach((id, i) => {
          const [error, fields] = replies[i] ?? [null, null];
          if (error || fields === null || typeof fields !== 'object') return;
          let state = states.get(id) ?? 'offline';
          for (const [node, value] of Object.entries(fields as Record<string, string>)) {
            // This node's own field may lag behind its memory; memory is the truth here.
            if (node !== nodeId) state = better(state, stateOfField(value, at));
          }
          states.set(id, state);
        });
        return states;
      } catch (error) {
        warn('read failed')(error);
        return localStates(ids);
      }
    },
    async close() {
      clearInterval(timer);
      const people = local.people();
      if (people.length > 0 && redis.status === 'ready') {
        const pipeline = redis.pipeline();
        for (const personId of people) pipeline.hdel(keyOf(personId), nodeId);
        await pipeline.exec().catch(() => undefined);
      }
      redis.disconnect();
    },
  };
}
