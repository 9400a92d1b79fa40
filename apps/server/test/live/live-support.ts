import type { LiveServerFrame } from '@atrium/contracts';
import { WebSocket } from 'ws';
import { gatewayOf } from '../../src/modules/live/gateway.ts';
import type { Session } from '../support/factories.ts';
import type { TestApp } from '../support/test-app.ts';

/** The origin of PUBLIC_URL in test apps (test-app.ts). */
export const SITE_ORIGIN = 'http://atrium.test';

/** How long a test waits for a frame before failing (a failure, not a timing assertion). */
const WAIT_MS = 5_000;

/** Listens on a free loopback port; returns the stream's ws:// URL. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on a port');
  return `ws://127.0.0.1:${address.port}/api/v1/stream`;
}

/** The handshake headers of a browser page of the site, signed in with the session. */
export const browserHeaders = (session: Session, origin = SITE_ORIGIN): Record<string, string> => ({
  cookie: session.headers.cookie,
  origin,
});

export interface LiveSocket {
  ws: WebSocket;
  frames: LiveServerFrame[];
  hello: Extract<LiveServerFrame, { type: 'hello' }>;
  send(frame: unknown): void;
  /** The first frame received (so far or from now on) of this type and matching, waiting for it if needed. */
  next<T extends LiveServerFrame['type']>(
    type: T,
    match?: (frame: Extract<LiveServerFrame, { type: T }>) => boolean,
  ): Promise<Extract<LiveServerFrame, { type: T }>>;
  nextWhere(match: (frame: LiveServerFrame) => boolean, what: string): Promise<LiveServerFrame>;
  /** Events received so far. */
  events(): Array<Extract<LiveServerFrame, { type: 'event' }>>;
  closed: Promise<{ code: number; reason: string }>;
  close(): Promise<void>;
}

/** Opens a socket and waits for its hello. */
export async function connect(
  url: string,
  headers: Record<string, string>,
  options: { autoPong?: boolean } = {},
) {
  const ws = new WebSocket(url, { headers, autoPong: options.autoPong ?? true });
  const frames: LiveServerFrame[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (data) => {
    frames.push(JSON.parse(String(data)) as LiveServerFrame);
    for (const wake of [...waiters]) wake();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => {
      resolve({ code, reason: String(reason) });
      for (const wake of [...waiters]) wake();
    });
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
  const nextWhere = (match: (frame: LiveServerFrame) => boolean, what: string) =>
    new Promise<LiveServerFrame>((resolve, reject) => {
      const check = () => {
        const found = frames.find(match);
        if (found) {
          done();
          resolve(found);
        } else if (ws.readyState === WebSocket.CLOSED) {
          done();
          reject(new Error(`socket closed while waiting for ${what}; got ${JSON.stringify(frames)}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no ${what} frame within ${WAIT_MS} ms; got ${JSON.stringify(frames)}`));
      }, WAIT_MS);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  const next: LiveSocket['next'] = (type, match) =>
    nextWhere((f) => f.type === type && (match === undefined || match(f as never)), type) as never;
  const hello = await next('hello');
  const socket: LiveSocket = {
    ws,
    frames,
    hello,
    send: (frame) => ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    next,
    nextWhere,
    events: () => frames.filter((f): f is Extract<LiveServerFrame, { type: 'event' }> => f.type === 'event'),
    closed,
    async close() {
      if (ws.readyState !== WebSocket.CLOSED) ws.close(1000);
      await closed;
    },
  };
  return socket;
}

/** An upgrade the server refuses: its HTTP status and problem body. */
export function refusedUpgrade(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: { code?: string }; contentType: string }>((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => {
      ws.close();
      reject(new Error('the upgrade was accepted'));
    });
    ws.once('error', () => {});
    ws.once('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: text ? (JSON.parse(text) as { code?: string }) : {},
          contentType: String(res.headers['content-type'] ?? ''),
        }),
      );
    });
  });
}

let refs = 0;

/** Subscribes and waits for the answer: `subscribed`, or the `error` frame. */
export async function subscribe(socket: LiveSocket, channel: string) {
  refs += 1;
  const ref = `s${refs}`;
  socket.send({ type: 'subscribe', channel, ref });
  return socket.nextWhere(
    (f) => (f.type === 'subscribed' || f.type === 'error') && f.ref === ref,
    `answer to ${ref}`,
  );
}

/**
 * Everything published so far has been handled by the gateway and has reached each socket: the gateway's
 * queue is settled, then each socket answers a ping (its pong leaves after any event already written).
 */
export async function settle(t: TestApp, ...sockets: LiveSocket[]): Promise<void> {
  await t.drainEvents();
  await gatewayOf(t.ctx)?.settled();
  for (const socket of sockets) {
    if (socket.ws.readyState !== WebSocket.OPEN) continue;
    refs += 1;
    const ref = `p${refs}`;
    socket.send({ type: 'ping', ref });
    await socket.next('pong', (f) => f.ref === ref);
  }
}

/**
 * The events a socket got about one post, in the order they were recorded (their ids): events drained
 * together may be handled in any order, as on several nodes.
 */
export const eventsAbout = (socket: LiveSocket, postId: string) =>
  socket
    .events()
    .filter((e) => e.data.postId === postId)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
