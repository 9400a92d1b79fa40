import { LIVE_CLOSE_CODES, LIVE_LIMITS, type LiveClientFrame, type LiveServerFrame } from '@atrium/contracts';
import { ChannelRefs } from './channelRefs.ts';
import { Listeners, type LiveEvent, type LiveEventListener, type LiveStatus, parseFrame } from './events.ts';
import { FrameQueue } from './frameQueue.ts';
import { backoffDelay, RecentIds } from './recentIds.ts';

/** Live events that resume replays from the outbox (see the server's live translation). */
const REPLAYABLE: ReadonlySet<string> = new Set([
  'post.created',
  'post.updated',
  'post.deleted',
  'comment.created',
  'comment.updated',
  'comment.deleted',
  'reaction.changed',
  'poll.updated',
]);

export interface LiveClientOptions {
  url: string;
  /** Events may have been missed (no resume possible): refetch what is on screen. */
  onResync: () => void;
  /** A resume replayed what was missed; notifications are not replayed, so their views refetch. */
  onResumed?: () => void;
  /** The socket was refused or closed for its credentials: check whether the session still exists. */
  onSessionDoubt: () => void;
}

/** A ping with no answer within this long means the connection is dead. */
const PONG_TIMEOUT_MS = 10_000;
/** Resume waits this long at most for the subscriptions to be confirmed. */
const SUBSCRIBE_TIMEOUT_MS = 5_000;

/**
 * One WebSocket per tab to /api/v1/stream: reference-counted channel subscriptions, heartbeats,
 * reconnect with backoff, resume after the last event seen, and de-duplication of replayed events.
 */
export class LiveClient {
  private readonly options: LiveClientOptions;
  private socket: WebSocket | null = null;
  private status: LiveStatus = 'disconnected';
  private stopped = true;
  private readonly channels = new ChannelRefs(
    (channel) => this.send({ type: 'subscribe', channel, ref: this.ref() }),
    (channel) => this.send({ type: 'unsubscribe', channel }),
  );
  private readonly listeners = new Listeners();
  private readonly statusListeners = new Set<(status: LiveStatus) => void>();
  /** A resume replays from a little before the last id seen: what arrived already is dropped. */
  private readonly seen = new RecentIds(500);
  private lastEventId: string | null = null;
  /** While a resume replays, the newest id is kept aside: a drop mid-replay resumes from the old one. */
  private resuming: { newest: string | null } | null = null;
  private greetedBefore = false;
  private attempt = 0;
  private activity: 'active' | 'idle' = 'active';
  private nextRef = 0;
  private readonly pendingRefs = new Set<string>();
  private heartbeatMs: number = LIVE_LIMITS.heartbeatMs;
  private retryTimer: number | undefined;
  private pingTimer: number | undefined;
  private pongTimer: number | undefined;
  private subscribeTimer: number | undefined;
  private readonly queue = new FrameQueue((text) => this.socket?.send(text));

  constructor(options: LiveClientOptions) {
    this.options = options;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  /** Closes for good (sign-out, leaving the signed-in area). */
  stop(): void {
    this.stopped = true;
    this.clearTimers();
    this.channels.clear();
    const socket = this.socket;
    this.socket = null;
    if (socket) this.detach(socket).close(1000);
    this.setStatus('closed');
  }

  /** Connects at once instead of waiting out the backoff (back online, tab visible again). */
  reconnectNow(): void {
    if (this.stopped || this.socket || this.status === 'closed') return;
    window.clearTimeout(this.retryTimer);
    this.connect();
  }

  getStatus(): LiveStatus {
    return this.status;
  }

  onStatus(listener: (status: LiveStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Events arriving on `channel` (or on any channel with ANY_CHANNEL); does not subscribe. */
  on(channel: string, listener: LiveEventListener): () => void {
    return this.listeners.on(channel, listener);
  }

  /** Holds a subscription to `channel` until the returned release is called (reference counted). */
  subscribe(channel: string): () => void {
    return this.channels.acquire(channel);
  }

  setActivity(state: 'active' | 'idle'): void {
    if (this.activity === state) return;
    this.activity = state;
    this.send({ type: 'activity', state });
  }

  private ref(): string {
    this.nextRef += 1;
    return String(this.nextRef);
  }

  private send(frame: LiveClientFrame): void {
    if (this.status === 'open' && this.socket?.readyState === WebSocket.OPEN) {
      this.queue.push(JSON.stringify(frame));
    }
  }

  private setStatus(status: LiveStatus): void {
    if (this.status === status) return;
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }

  private connect(): void {
    this.setStatus('connecting');
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.options.url);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    let greeted = false;
    socket.onmessage = (message) => {
      const frame = parseFrame(message.data);
      if (!frame) return;
      if (frame.type === 'hello') greeted = true;
      this.handle(frame);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.lost();
      if (event.code === LIVE_CLOSE_CODES.unauthenticated) {
        this.stopped = true;
        this.setStatus('closed');
        this.options.onSessionDoubt();
        return;
      }
      // Refused before the greeting: maybe the session is gone (an upgrade answered 401 looks like this).
      if (!greeted) this.options.onSessionDoubt();
      this.scheduleRetry();
    };
  }

  /** Forgets a socket that is closing or dead; later events of its own are ignored. */
  private detach(socket: WebSocket): WebSocket {
    socket.onmessage = null;
    socket.onclose = null;
    socket.onerror = null;
    return socket;
  }

  private lost(): void {
    this.socket = null;
    this.resuming = null;
    this.queue.reset();
    this.clearTimers();
  }

  private clearTimers(): void {
    window.clearTimeout(this.retryTimer);
    window.clearInterval(this.pingTimer);
    window.clearTimeout(this.pongTimer);
    window.clearTimeout(this.subscribeTimer);
    this.pendingRefs.clear();
  }

  private scheduleRetry(): void {
    if (this.stopped) return;
    this.setStatus('disconnected');
    const delay = backoffDelay(this.attempt);
    this.attempt += 1;
    this.retryTimer = window.setTimeout(() => this.connect(), delay);
  }

  private handle(frame: LiveServerFrame): void {
    window.clearTimeout(this.pongTimer);
    switch (frame.type) {
      case 'hello':
        this.greeted(frame.heartbeatMs);
        break;
      case 'subscribed':
      case 'error':
        if (frame.ref && this.pendingRefs.delete(frame.ref) && this.pendingRefs.size === 0) {
          this.subscriptionsSettled();
        }
        break;
      case 'event':
        this.dispatch(frame);
        break;
      case 'resumed':
        if (this.resuming?.newest) this.advance(this.resuming.newest);
        this.resuming = null;
        this.options.onResumed?.();
        break;
      case 'resync':
        this.resuming = null;
        this.options.onResync();
        break;
      default:
        break;
    }
  }

  private greeted(heartbeatMs: number): void {
    this.attempt = 0;
    this.setStatus('open');
    if (heartbeatMs > 0) this.heartbeatMs = heartbeatMs;
    this.pingTimer = window.setInterval(() => this.ping(), this.heartbeatMs);
    if (this.activity === 'idle') this.send({ type: 'activity', state: 'idle' });
    for (const channel of this.channels.held()) {
      const ref = this.ref();
      this.pendingRefs.add(ref);
      this.send({ type: 'subscribe', channel, ref });
    }
    if (this.pendingRefs.size === 0) this.subscriptionsSettled();
    else this.subscribeTimer = window.setTimeout(() => this.subscriptionsSettled(), SUBSCRIBE_TIMEOUT_MS);
  }

  /** Once the channels are back: replay what was missed while away (nothing on the first connection). */
  private subscriptionsSettled(): void {
    window.clearTimeout(this.subscribeTimer);
    this.pendingRefs.clear();
    const reconnected = this.greetedBefore;
    this.greetedBefore = true;
    if (!reconnected) return;
    if (this.lastEventId) {
      this.resuming = { newest: null };
      this.send({ type: 'resume', after: this.lastEventId, ref: this.ref() });
    } else {
      this.options.onResync();
    }
  }

  private ping(): void {
    const socket = this.socket;
    if (!socket) return;
    this.send({ type: 'ping' });
    window.clearTimeout(this.pongTimer);
    this.pongTimer = window.setTimeout(() => {
      if (this.socket !== socket) return;
      // No answer: the connection is dead even if the browser has not noticed yet.
      this.detach(socket).close();
      this.lost();
      this.scheduleRetry();
    }, PONG_TIMEOUT_MS);
  }

  private advance(id: string): void {
    if (!this.lastEventId || id > this.lastEventId) this.lastEventId = id;
  }

  private dispatch(frame: Extract<LiveServerFrame, { type: 'event' }>): void {
    const event: LiveEvent = {
      id: frame.id,
      name: frame.name,
      channel: frame.channel,
      data: frame.data ?? {},
    };
    if (!this.seen.add(event.id)) return;
    // Only events the server can replay move the resume cursor: presence and notification frames get
    // their ids later than the posts and comments they may overtake.
    if (!REPLAYABLE.has(event.name)) {
      this.listeners.notify(event);
      return;
    }
    if (this.resuming) {
      if (!this.resuming.newest || event.id > this.resuming.newest) this.resuming.newest = event.id;
    } else {
      this.advance(event.id);
    }
    this.listeners.notify(event);
  }
}
