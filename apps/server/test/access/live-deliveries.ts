import { WebSocket } from 'ws';
import { gatewayOf } from '../../src/modules/live/gateway.ts';
import { newId } from '../../src/platform/db/time.ts';
import type { TestApp } from '../support/test-app.ts';
import { nextAddress } from './probe.ts';
import { isActive, type World } from './reference-model.ts';
import { canReadPost } from './reference-posts.ts';
import type { WorldCheckPath } from './world-checks.ts';
import type { BuiltWorld } from './world-db.ts';

/** The origin of PUBLIC_URL in test apps (test-app.ts). */
const ORIGIN = 'http://atrium.test';
const WAIT_MS = 5_000;

async function streamUrl(app: TestApp): Promise<string> {
  if (!app.app.server.listening) await app.app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on a port');
  return `ws://127.0.0.1:${address.port}/api/v1/stream`;
}

interface Listener {
  handle: string;
  ws: WebSocket;
  personId: string;
  postIds: Set<string>;
  pongs: Set<string>;
}

async function open(url: string, handle: string, cookie: string): Promise<Listener> {
  const ws = new WebSocket(url, { headers: { cookie, origin: ORIGIN, 'x-forwarded-for': nextAddress() } });
  const listener: Listener = { handle, ws, personId: '', postIds: new Set(), pongs: new Set() };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${handle}: no hello`)), WAIT_MS);
    ws.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as {
        type: string;
        personId?: string;
        ref?: string;
        data?: { postId?: unknown };
      };
      if (frame.type === 'hello') {
        listener.personId = String(frame.personId);
        clearTimeout(timer);
        resolve();
      } else if (frame.type === 'event' && typeof frame.data?.postId === 'string') {
        listener.postIds.add(frame.data.postId);
      } else if (frame.type === 'pong' && frame.ref) {
        listener.pongs.add(frame.ref);
      }
    });
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) =>
      reject(new Error(`${handle}: upgrade refused ${res.statusCode}`)),
    );
  });
  return listener;
}

/** Everything written to the socket before this call has arrived: a ping's pong comes after it. */
async function flushed(listener: Listener): Promise<void> {
  const ref = newId();
  listener.ws.send(JSON.stringify({ type: 'ping', ref }));
  const deadline = Date.now() + WAIT_MS;
  while (!listener.pongs.has(ref)) {
    if (Date.now() > deadline) throw new Error(`${listener.handle}: no pong`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/**
 * WebSocket deliveries: every active person of the world listens on a socket; for each post, a live
 * message about it is published on every one of their personal channels, so each socket would receive
 * it but for the access filter applied when sending. A person receives it exactly when the model says
 * they may read the post.
 */
export const LIVE_DELIVERIES: WorldCheckPath = {
  name: 'live deliveries (WebSocket, filtered when sent)',
  route: { method: 'GET', url: '/api/v1/stream' },
  async check(app: TestApp, world: World, built: BuiltWorld) {
    const url = await streamUrl(app);
    const gateway = gatewayOf(app.ctx);
    if (!gateway) throw new Error('no live gateway');
    const listeners: Listener[] = [];
    try {
      for (const person of world.people.filter(isActive)) {
        const session = built.sessions.get(person.handle);
        if (session) listeners.push(await open(url, person.handle, session.headers.cookie));
      }
      const channels = listeners.map((l) => `me:${l.personId}`);
      const posts = world.posts.filter((p) => p.created && built.postIds.has(p.key));
      for (const post of posts) {
        const postId = built.postIds.get(post.key) ?? '';
        app.ctx.bus.publish({
          kind: 'live',
          message: {
            id: newId(),
            name: 'post.updated',
            channels,
            access: { kind: 'post', postId },
            data: { postId },
          },
        });
      }
      await gateway.settled();
      await Promise.all(listeners.map(flushed));
      const out: string[] = [];
      for (const listener of listeners) {
        const viewer = world.people.find((p) => p.handle === listener.handle);
        if (!viewer) continue;
        for (const post of posts) {
          const got = listener.postIds.has(built.postIds.get(post.key) ?? '');
          const model = canReadPost(world, viewer, post);
          if (got !== model)
            out.push(
              `${listener.handle}: live delivery of ${post.key} ${got ? 'received' : 'missed'}, model ${model}`,
            );
        }
      }
      return { mismatches: out, scenarios: listeners.length * posts.length };
    } finally {
      for (const listener of listeners) listener.ws.terminate();
    }
  },
};
