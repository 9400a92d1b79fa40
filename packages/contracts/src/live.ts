/**
 * The live protocol spoken over `/api/v1/stream` (JSON text frames), shared by the server, the web
 * client and the benchmarks. The same catalogue of live event names will name webhook events.
 */

/** Events pushed to sockets. Each one is filtered by the access model for every recipient at send time. */
export const LIVE_EVENT_NAMES = [
  'post.created',
  'post.updated',
  'post.deleted',
  'comment.created',
  'comment.updated',
  'comment.deleted',
  'reaction.changed',
  'poll.updated',
  'notification.created',
  'notification.read',
  'presence.changed',
] as const;
export type LiveEventName = (typeof LIVE_EVENT_NAMES)[number];

/**
 * Channels a socket can listen on. `me` is personal and always on; the others are subscribed to by the
 * client for what it is looking at, and each subscription is authorized when it is made.
 *   company | me | space:<id> | record:<id> | post:<id> | person:<id> (a person's presence and posts)
 */
export const LIVE_CHANNEL_KINDS = ['company', 'me', 'space', 'record', 'post', 'person'] as const;
export type LiveChannelKind = (typeof LIVE_CHANNEL_KINDS)[number];

export const LIVE_LIMITS = {
  /** A larger client frame closes the socket with 1009. */
  maxFrameBytes: 16 * 1024,
  /** More client frames than this within rateWindowMs closes the socket with 1008. */
  maxFramesPerWindow: 60,
  rateWindowMs: 10_000,
  /** Channel subscriptions per socket, `me` not counted. */
  maxSubscriptions: 100,
  /** The server pings this often; a socket that misses two pongs is closed. */
  heartbeatMs: 25_000,
  /** Resume replays at most this many events and at most this far back; beyond that it asks to resync. */
  resumeMaxEvents: 500,
  resumeMaxAgeMs: 5 * 60_000,
  /** Open sockets per person across tabs and devices. */
  maxSocketsPerPerson: 20,
} as const;

/** Close codes beyond the standard 1008 (policy) and 1009 (too big). */
export const LIVE_CLOSE_CODES = {
  policy: 1008,
  tooBig: 1009,
  /** Credentials no longer valid: signed out, session revoked, person deactivated. */
  unauthenticated: 4001,
  /** Server shutting down; reconnect elsewhere. */
  goingAway: 1001,
} as const;

/** Frames a client sends. `ref` is echoed back on the answer. */
export type LiveClientFrame =
  | { type: 'subscribe'; channel: string; ref?: string }
  | { type: 'unsubscribe'; channel: string; ref?: string }
  /** Replay what happened after the last event id the client saw (a short disconnect). */
  | { type: 'resume'; after: string; ref?: string }
  /** The client's activity, for presence: `active` after input, `idle` after 5 minutes without. */
  | { type: 'activity'; state: 'active' | 'idle' }
  | { type: 'ping'; ref?: string };

/** Frames the server sends. */
export type LiveServerFrame =
  | { type: 'hello'; personId: string; heartbeatMs: number; channels: string[] }
  | { type: 'subscribed'; channel: string; ref?: string }
  | { type: 'unsubscribed'; channel: string; ref?: string; reason?: 'access_lost' }
  /**
   * `id` is the outbox event id (UUIDv7, time ordered). An event may arrive twice (at-least-once delivery,
   * the overlap of a resume) and out of order across posts: clients drop ids they have already seen.
   */
  | { type: 'event'; id: string; name: LiveEventName; channel: string; data: Record<string, unknown> }
  /** Resume finished (`replayed` events were sent) or is impossible (`resync`: refetch what is shown). */
  | { type: 'resumed'; replayed: number; ref?: string }
  | { type: 'resync'; ref?: string }
  /** code: bad_frame, bad_channel, not_found, forbidden, too_many_subscriptions, already_resumed (one resume per connection) or internal. */
  | { type: 'error'; code: string; message: string; ref?: string }
  | { type: 'pong'; ref?: string };

/** What a person is doing, as they set it. */
export const AVAILABILITIES = ['available', 'busy', 'do_not_disturb', 'out_of_office'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

/** Derived from open sockets across tabs and nodes. */
export const PRESENCE_STATES = ['online', 'away', 'offline'] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];
