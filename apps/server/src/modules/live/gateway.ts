import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { LIVE_CLOSE_CODES, LIVE_LIMITS } from '@atrium/contracts';
import type { RawData, WebSocket } from 'ws';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { BusEnvelope } from '../../platform/realtime/bus.ts';
import { personalChannel } from './channels.ts';
import { LiveConnection } from './connection.ts';
import { applyControl } from './control.ts';
import { sweepCredentials } from './credential-sweep.ts';
import { DEFAULT_CHUNK_SIZE, deliver } from './delivery.ts';
import { handleFrame } from './frame-actions.ts';
import { errorFrame, parseClientFrame } from './frames.ts';
import { LiveRegistry } from './registry.ts';

export interface GatewayOptions {
  heartbeatMs?: number;
  chunkSize?: number;
}

type Ctx = Pick<AppContext, 'db' | 'bus' | 'presence' | 'log'>;

/**
 * Pings sent at once. A ping costs about as much as a delivery, and its pong as much again when it comes
 * back: 10k sockets pinged in one turn held HTTP requests for ~160 ms.
 */
const PINGS_PER_BATCH = 100;
/** Pause between batches, so a heartbeat is a trickle beside deliveries rather than a burst. */
const PING_SPACING_MS = 10;
/** How often open sockets' credentials are checked for what only time ends (expiry). */
const CREDENTIAL_SWEEP_MS = 60_000;

const gateways = new WeakMap<object, LiveGateway>();

/** The gateway serving an app context (tests reach its heartbeat and queue through it). */
export const gatewayOf = (ctx: object): LiveGateway | undefined => gateways.get(ctx);

/**
 * This node's WebSocket gateway: accepts authenticated sockets, answers their frames, and hands them what
 * the bus carries, filtered by access when it is sent. Bus traffic is handled in arrival order, one
 * envelope after the other, so a socket sees events in the order they were published.
 */
export class LiveGateway {
  readonly registry = new LiveRegistry();
  private readonly ctx: Ctx;
  private readonly heartbeatMs: number;
  private readonly chunkSize: number;
  private queue: Promise<void> = Promise.resolve();
  private unsubscribe: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;

  constructor(ctx: Ctx, options: GatewayOptions = {}) {
    this.ctx = ctx;
    this.heartbeatMs = options.heartbeatMs ?? LIVE_LIMITS.heartbeatMs;
    this.chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
    gateways.set(ctx, this);
  }

  start(): void {
    this.unsubscribe = this.ctx.bus.subscribe((envelope) => this.enqueue(envelope));
    this.timer = setInterval(() => {
      this.heartbeat().catch((error: unknown) =>
        this.ctx.log.error({ err: error }, 'live gateway: heartbeat failed'),
      );
    }, this.heartbeatMs);
    this.timer.unref();
    this.sweepTimer = setInterval(() => {
      this.sweepCredentials().catch((error: unknown) =>
        this.ctx.log.error({ err: error }, 'live gateway: credential sweep failed'),
      );
    }, CREDENTIAL_SWEEP_MS);
    this.sweepTimer.unref();
  }

  /** Closes sockets whose session or token expired since they opened; returns how many. */
  sweepCredentials(): Promise<number> {
    return sweepCredentials(this.ctx.db, [...this.registry.all]);
  }

  /** Server shutting down: clients reconnect elsewhere. */
  stop(): void {
    this.unsubscribe?.();
    clearInterval(this.timer);
    clearInterval(this.sweepTimer);
    for (const connection of [...this.registry.all])
      connection.close(LIVE_CLOSE_CODES.goingAway, 'server shutting down');
  }

  socketsOf(personId: string): number {
    return this.registry.countOf(personId);
  }

  /** Resolves once every envelope received so far has been handled. */
  async settled(): Promise<void> {
    let seen: Promise<void> | undefined;
    while (seen !== this.queue) {
      seen = this.queue;
      await seen;
    }
  }

  private enqueue(envelope: BusEnvelope): void {
    this.queue = this.queue
      .then(async () => {
        // A turn of its own: on one node the bus hands an envelope over in the turn of the outbox
        // handler that published it, itself in the turn of the request that committed the event.
        await nextTurn();
        if (envelope.kind === 'live')
          await deliver(this.ctx.db, this.registry, envelope.message, this.chunkSize);
        else await applyControl(this.ctx, this.registry, envelope.control);
      })
      .catch((error: unknown) => this.ctx.log.error({ err: error }, 'live gateway: delivery failed'));
  }

  /** Takes over an upgraded socket of an authenticated person. */
  accept(socket: WebSocket, actor: Actor): void {
    if (this.registry.countOf(actor.id) >= LIVE_LIMITS.maxSocketsPerPerson) {
      socket.close(LIVE_CLOSE_CODES.policy, 'too many sockets');
      return;
    }
    const connection = new LiveConnection(socket, actor);
    this.registry.add(connection);
    this.registry.listen(connection, personalChannel(actor.id));
    socket.on('message', (data, isBinary) => this.onMessage(connection, data, isBinary));
    socket.on('pong', () => {
      connection.missedPongs = 0;
    });
    socket.on('close', () => {
      this.registry.remove(connection);
      this.ctx.presence.socketClosed(connection.personId, connection.id);
    });
    connection.send({
      type: 'hello',
      personId: actor.id,
      heartbeatMs: this.heartbeatMs,
      channels: [...connection.channels],
    });
    this.ctx.presence.socketActive(connection.personId, connection.id);
  }

  private onMessage(connection: LiveConnection, data: RawData, isBinary: boolean): void {
    if (!connection.open) return;
    if (!connection.countFrame()) {
      connection.close(LIVE_CLOSE_CODES.policy, 'too many frames');
      return;
    }
    if (isBinary) {
      connection.send(errorFrame('bad_frame', 'Frames are JSON text.'));
      return;
    }
    const parsed = parseClientFrame(rawText(data));
    if (!parsed.ok) {
      connection.send(errorFrame('bad_frame', parsed.message, parsed.ref));
      return;
    }
    const frame = parsed.frame;
    connection.enqueue(
      () => handleFrame(this.ctx, this.registry, connection, frame),
      (error) => {
        this.ctx.log.error({ err: error }, 'live gateway: frame failed');
        connection.send(
          errorFrame('internal', 'Something went wrong.', 'ref' in frame ? frame.ref : undefined),
        );
      },
    );
  }

  /**
   * Pings every socket, in batches spread over at most half the interval (about a second for 10k
   * sockets); one that has not answered the last two pings is gone. The first batch goes out at once.
   */
  async heartbeat(): Promise<void> {
    const connections = [...this.registry.all];
    const batches = Math.ceil(connections.length / PINGS_PER_BATCH);
    const spacing = Math.min(PING_SPACING_MS, this.heartbeatMs / 2 / Math.max(1, batches));
    for (let i = 0; i < connections.length; i += PINGS_PER_BATCH) {
      if (i > 0) await sleep(spacing);
      for (const connection of connections.slice(i, i + PINGS_PER_BATCH)) {
        if (connection.missedPongs >= 2) {
          connection.socket.terminate();
          continue;
        }
        connection.missedPongs += 1;
        if (connection.open) connection.socket.ping();
      }
    }
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
