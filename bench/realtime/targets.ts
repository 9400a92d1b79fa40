import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { clientIp } from '../lib/load.ts';
import { clockMs } from './clock.ts';
import type { Worker } from './processes.ts';
import type { SessionPerson } from './seed.ts';

/** One broadcast started: its event key and when it was sent and committed (shared clock, ms). */
export interface Fired {
  key: string;
  /** The request left (app) or the bench asked the raw server to broadcast (raw). */
  sendAt: number;
  /** The app answered 201 (the post is committed) or the raw server began its broadcast. */
  commitAt: number;
}

/** Something that broadcasts a post.created frame to every subscribed socket. */
export interface BroadcastTarget {
  name: 'app' | 'raw';
  pid: number;
  fire(i: number): Promise<Fired>;
  /** `count` broadcasts as fast as the target takes them; resolves with their keys once all are sent. */
  burst(first: number, count: number): Promise<{ keys: string[]; startedAt: number }>;
  close(): void;
}

/** Requests the bench's own pace: a post id from POST /api/v1/posts as one of the authors. */
export function appTarget(options: {
  url: string;
  pid: number;
  spaceId: string;
  authors: SessionPerson[];
  csrfFor(token: string): string;
}): BroadcastTarget {
  const base = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const fire = (i: number): Promise<Fired> =>
    new Promise((resolve, reject) => {
      // A different author each time (the per-person post limit), none of whom holds a socket.
      const author = options.authors[i % options.authors.length] as SessionPerson;
      const body = JSON.stringify({
        target: { type: 'space', id: options.spaceId },
        body: `Real-time benchmark post ${i}: the weekly update is out.`,
      });
      const sendAt = clockMs();
      const request = http.request(
        {
          host: base.hostname,
          port: base.port,
          path: '/api/v1/posts',
          method: 'POST',
          agent,
          headers: {
            cookie: `atrium_session=${author.token}`,
            'x-csrf-token': options.csrfFor(author.token),
            'x-forwarded-for': clientIp(1_000_000 + i),
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const commitAt = clockMs();
            const text = Buffer.concat(chunks).toString();
            if (response.statusCode !== 201) {
              reject(new Error(`POST /api/v1/posts answered ${response.statusCode}: ${text.slice(0, 200)}`));
              return;
            }
            const post = JSON.parse(text) as { id?: string; post?: { id?: string } };
            const key = post.id ?? post.post?.id;
            if (!key) reject(new Error(`no post id in ${text.slice(0, 200)}`));
            else resolve({ key, sendAt, commitAt });
          });
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  return {
    name: 'app',
    pid: options.pid,
    fire,
    async burst(first, count) {
      // A few posts in flight at once, so the server always has the next one waiting.
      const keys: string[] = [];
      const startedAt = clockMs();
      let next = first;
      const lane = async () => {
        while (next < first + count) keys.push((await fire(next++)).key);
      };
      await Promise.all(Array.from({ length: 4 }, lane));
      return { keys, startedAt };
    },
    close: () => agent.destroy(),
  };
}

/** The raw `ws` server (servers/raw-ws.ts), asked over IPC to broadcast frames of `frameBytes`. */
export function rawTarget(worker: Worker, frameBytes: () => number): BroadcastTarget {
  return {
    name: 'raw',
    pid: worker.pid,
    async fire() {
      const key = randomUUID();
      const sendAt = clockMs();
      const answer = await worker.request<{ startedAt: number }>(
        { type: 'broadcast', key, bytes: frameBytes() },
        'broadcasted',
      );
      return { key, sendAt, commitAt: answer.startedAt };
    },
    async burst(_first, count) {
      const keys = Array.from({ length: count }, () => randomUUID());
      const startedAt = clockMs();
      await worker.request({ type: 'burst', keys, bytes: frameBytes() }, 'burst-done');
      return { keys, startedAt };
    },
    close: () => {},
  };
}
