import { randomUUID } from 'node:crypto';
import { LIVE_LIMITS, type LiveServerFrame } from '@atrium/contracts';
import type { WebSocket } from 'ws';
import type { Viewer } from '../../platform/access/people.ts';
import type { Actor } from '../../platform/auth/actor.ts';

/** How the socket was authenticated; sign-out and revocation close the sockets of that credential. */
export type Credential = { via: 'session'; sessionId: string } | { via: 'token'; tokenId: string };

/** A client that lets this much pile up unread is too slow to keep: it reconnects and resumes. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/** One open socket: who it is, what it listens to, and its frame budget. */
export class LiveConnection {
  readonly id = randomUUID();
  readonly personId: string;
  /** Refreshed from the database when the person's access is re-checked (kind, role). */
  viewer: Viewer;
  readonly credential: Credential | undefined;
  readonly socket: WebSocket;
  /** Canonical channel names, `me:<personId>` included. Changed only through the registry. */
  readonly channels = new Set<string>();
  missedPongs = 0;
  /** A connection replays missed events once, right after it opened. */
  resumed = false;
  /** Frames are handled one after the other, so a subscribe and its unsubscribe keep their order. */
  private work: Promise<void> = Promise.resolve();
  private windowStart = Date.now();
  private framesInWindow = 0;

  constructor(socket: WebSocket, actor: Actor) {
    this.socket = socket;
    this.personId = actor.id;
    this.viewer = { id: actor.id, kind: actor.kind, role: actor.role };
    this.credential =
      actor.via === 'session' && actor.sessionId
        ? { via: 'session', sessionId: actor.sessionId }
        : actor.via === 'token' && actor.tokenId
          ? { via: 'token', tokenId: actor.tokenId }
          : undefined;
  }

  get open(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  send(frame: LiveServerFrame): void {
    this.sendText(JSON.stringify(frame));
  }

  /** Sends an already serialized frame (one serialization per message, not per socket). */
  sendText(text: string): void {
    if (!this.open) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.socket.terminate();
      return;
    }
    this.socket.send(text);
  }

  close(code: number, reason: string): void {
    if (this.socket.readyState === this.socket.CLOSED || this.socket.readyState === this.socket.CLOSING)
      return;
    this.socket.close(code, reason);
  }

  /** Counts a frame; false once the client went over its budget for the current window. */
  countFrame(now = Date.now()): boolean {
    if (now - this.windowStart >= LIVE_LIMITS.rateWindowMs) {
      this.windowStart = now;
      this.framesInWindow = 0;
    }
    this.framesInWindow += 1;
    return this.framesInWindow <= LIVE_LIMITS.maxFramesPerWindow;
  }

  /** Queues work for this socket after whatever it is doing; a failure never stops the queue. */
  enqueue(task: () => Promise<void>, onError: (error: unknown) => void): void {
    this.work = this.work.then(task).catch(onError);
  }
}
