import { randomUUID } from 'node:crypto';
import type { LiveEventName } from '@atrium/contracts';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** Who may receive a live message; checked for every recipient when it is sent, never before. */
export type LiveAccess =
  /**
   * Whoever can read the post at send time (posts, comments, reactions, polls on it; a hidden post only
   * its author and moderators); for the news of its deletion (`asBeforeDeletion`) or of its hiding
   * (`asBeforeHiding`), whoever could read it until then.
   */
  | { kind: 'post'; postId: string; asBeforeDeletion?: boolean; asBeforeHiding?: boolean }
  /** Only this person (notifications, their own read state). */
  | { kind: 'person'; personId: string }
  /** Whoever may see this person (presence). */
  | { kind: 'visible-person'; personId: string };

export interface LiveMessage {
  /** The outbox event id it came from (UUIDv7, so time ordered); clients resume after it. */
  id: string;
  name: LiveEventName;
  /** Channels it goes out on: 'company', 'space:<id>', 'record:<id>', 'post:<id>', 'person:<id>', 'me:<id>'. */
  channels: string[];
  access: LiveAccess;
  /** Ids, counts and enums; a client fetches content through the API, which applies the access model. */
  data: Record<string, unknown>;
  /**
   * Who caused it. Never sent (the recipient may not be allowed to see them): their own sockets get
   * `data.mine: true` instead, so a client can tell its own posts from others'.
   */
  actorId?: string;
}

/** Instructions to every node's gateway. */
export type LiveControl =
  /** Close the person's sockets (deactivated), or only one session's (signed out, revoked). */
  | { type: 'close'; personId: string; sessionId?: string; tokenId?: string }
  /**
   * The person's access changed (left or removed from a space, signed out, password changed): check
   * their sockets' credentials and re-authorize their subscriptions now.
   */
  | { type: 'recheck'; personId: string }
  /** A space's visibility or audience changed: re-authorize every subscription that reads through it. */
  | { type: 'recheck-space'; spaceId: string }
  /** A node's presence for a person changed; nodes refresh their view. */
  | { type: 'presence'; personId: string }
  /**
   * This node was cut off from the other nodes' messages for a while (Redis went away and came back):
   * its sockets may have missed events, so their clients refetch what they show.
   */
  | { type: 'resync-all' };

export type BusEnvelope = { kind: 'live'; message: LiveMessage } | { kind: 'control'; control: LiveControl };

/** Fan-out between app nodes: in process by default, through Redis pub/sub when REDIS_URL is set. */
export interface LiveBus {
  readonly nodeId: string;
  /** Delivers to this node's subscribers at once and, with Redis, to the other nodes; never throws. */
  publish(envelope: BusEnvelope): void;
  subscribe(listener: (envelope: BusEnvelope) => void): () => void;
  close(): Promise<void>;
}

class LocalFanout {
  private readonly listeners = new Set<(envelope: BusEnvelope) => void>();
  private readonly log: Logger;
  constructor(log: Logger) {
    this.log = log;
  }
  emit(envelope: BusEnvelope): void {
    for (const listener of this.listeners) {
      try {
        listener(envelope);
      } catch (error) {
        this.log.error({ err: error }, 'live bus listener failed');
      }
    }
  }
  add(listener: (envelope: BusEnvelope) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export function createLocalBus(log: Logger): LiveBus {
  const fanout = new LocalFanout(log);
  return {
    nodeId: randomUUID(),
    publish: (envelope) => fanout.emit(envelope),
    subscribe: (listener) => fanout.add(listener),
    close: async () => {},
  };
}

/**
 * Redis pub/sub between nodes. Local subscribers get a message straight away, so local delivery goes
 * on while Redis is down (publishes to Redis then fail fast instead of queueing); both connections
 * retry every 200 ms, so cross-node delivery resumes within a second of Redis coming back.
 */
export function createRedisBus(url: string, prefix: string, log: Logger): LiveBus {
  const nodeId = randomUUID();
  const channel = `${prefix}live`;
  const fanout = new LocalFanout(log);
  const options = { retryStrategy: () => 200, maxRetriesPerRequest: 0, enableOfflineQueue: false };
  const publisher = new Redis(url, options);
  const subscriber = new Redis(url, { ...options, enableOfflineQueue: true });
  for (const connection of [publisher, subscriber]) {
    connection.on('error', (error: Error) => log.warn({ err: error.message }, 'live bus: redis error'));
  }
  void subscriber
    .subscribe(channel)
    .catch((error: unknown) => log.warn({ err: error }, 'live bus: subscribe'));
  // What other nodes published while the subscription was down is gone: tell local sockets to refetch.
  let cutOff = false;
  subscriber.on('close', () => {
    cutOff = true;
  });
  subscriber.on('ready', () => {
    if (!cutOff) return;
    cutOff = false;
    fanout.emit({ kind: 'control', control: { type: 'resync-all' } });
  });
  subscriber.on('message', (_channel: string, raw: string) => {
    let parsed: { from: string; envelope: BusEnvelope };
    try {
      parsed = JSON.parse(raw) as { from: string; envelope: BusEnvelope };
    } catch {
      return;
    }
    if (parsed.from !== nodeId) fanout.emit(parsed.envelope);
  });
  return {
    nodeId,
    publish(envelope) {
      fanout.emit(envelope);
      publisher.publish(channel, JSON.stringify({ from: nodeId, envelope })).catch((error: unknown) => {
        log.warn(
          { err: error instanceof Error ? error.message : error },
          'live bus: cross-node publish lost',
        );
      });
    },
    subscribe: (listener) => fanout.add(listener),
    async close() {
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
