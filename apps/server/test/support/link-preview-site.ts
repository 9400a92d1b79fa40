import { once } from 'node:events';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setPreviewFetchSettings } from '../../src/modules/link-previews/preview-fetcher.ts';
import { nowIso } from '../../src/platform/db/time.ts';
import { createAddressPolicy } from '../../src/platform/net/index.ts';
import type { TestApp } from './test-app.ts';

/**
 * A "public" web site on 127.0.0.2 (public only through the test-only address policy) and a "private"
 * one on 127.0.0.1 at the same port, as in the safe-fetch tests. Names ending in `.example` resolve to
 * the public site, `*.internal.example` to 127.0.0.1; a tripwire refuses any connection outside
 * 127.0.0.0/8 before it is made.
 */
export const PUBLIC_ADDRESS = '127.0.0.2';

export interface PreviewSite {
  port: number;
  /** Paths requested from the public site, in order. */
  publicHits: string[];
  /** Paths requested from the private site: must stay empty. */
  privateHits: string[];
  /** Pages by path; change them between requests. A page with a gate answers once the gate opens. */
  pages: Map<
    string,
    { status?: number; type?: string; body: string; location?: string; gate?: Promise<void> }
  >;
  /** Resolves when the public site next receives a request for this path. */
  nextHit(path: string): Promise<void>;
  url(path: string, host?: string): string;
  close(): Promise<void>;
}

export async function startPreviewSite(): Promise<PreviewSite> {
  const publicHits: string[] = [];
  const privateHits: string[] = [];
  const pages: PreviewSite['pages'] = new Map();
  const waiting = new Map<string, () => void>();
  const publicServer = http.createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    publicHits.push(path);
    waiting.get(path)?.();
    waiting.delete(path);
    const page = pages.get(path);
    await page?.gate;
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<title>Not found</title>');
      return;
    }
    res
      .writeHead(page.status ?? 200, {
        'content-type': page.type ?? 'text/html; charset=utf-8',
        ...(page.location ? { location: page.location } : {}),
      })
      .end(page.body);
  });
  publicServer.listen(0, PUBLIC_ADDRESS);
  await once(publicServer, 'listening');
  const port = (publicServer.address() as AddressInfo).port;
  const privateServer = http.createServer((req, res) => {
    privateHits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/html' }).end('<title>private-secret</title>');
  });
  privateServer.listen(port, '127.0.0.1');
  await once(privateServer, 'listening');
  return {
    port,
    publicHits,
    privateHits,
    pages,
    nextHit: (path) => new Promise<void>((resolve) => waiting.set(path, resolve)),
    url: (path, host = `news.example:${port}`) => `http://${host}${path}`,
    async close() {
      publicServer.closeAllConnections();
      privateServer.closeAllConnections();
      await Promise.all([
        new Promise((resolve) => publicServer.close(resolve)),
        new Promise((resolve) => privateServer.close(resolve)),
      ]);
    },
  };
}

/** Sends this app's preview fetches to the site: its port allowed, 127.0.0.2 public, fake DNS. */
export function usePreviewSite(app: TestApp, site: PreviewSite): void {
  setPreviewFetchSettings(app.ctx, {
    policy: createAddressPolicy({
      allowedPorts: [site.port, 80, 443],
      testOnlyPublicAddresses: [PUBLIC_ADDRESS],
    }),
    resolve: async (name) => (name.endsWith('.internal.example') ? ['127.0.0.1'] : [PUBLIC_ADDRESS]),
    beforeConnect: (address) => {
      if (!address.startsWith('127.'))
        throw new Error(`tripwire: a connection to ${address} was about to be made`);
    },
  });
}

/** An edit as the posts module records it: the new body and post.updated in one transaction. */
export async function editPostBody(
  app: TestApp,
  postId: string,
  authorId: string,
  body: string,
): Promise<void> {
  await app.ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('posts').set({ body, edited_at: nowIso() }).where('id', '=', postId).execute();
    await app.ctx.outbox.record(trx, {
      name: 'post.updated',
      actorId: authorId,
      subjectType: 'post',
      subjectId: postId,
      payload: {},
    });
  });
}

export const ogPage = (title: string, extra = '') =>
  `<!doctype html><html><head><meta property="og:title" content="${title}">${extra}</head><body>…</body></html>`;
