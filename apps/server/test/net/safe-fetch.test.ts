import { once } from 'node:events';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAddressPolicy } from '../../src/platform/net/address-policy.ts';
import { FetchRefused, type FetchRefusedReason } from '../../src/platform/net/fetch-refused.ts';
import {
  SAFE_FETCH_USER_AGENT,
  type SafeFetchOptions,
  safeFetch,
} from '../../src/platform/net/safe-fetch.ts';

/**
 * A real "public" site on 127.0.0.2 (public only through the test-only policy option) and a "private"
 * one on 127.0.0.1 at the same port. No traffic ever leaves 127.0.0.0/8: a tripwire refuses any other
 * connection before it is made.
 */

const PUBLIC = '127.0.0.2';
let port = 0;
let publicServer: http.Server;
let privateServer: http.Server;
const privateHits: string[] = [];

function publicSite(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', `http://${PUBLIC}:${port}`);
  const path = url.pathname;
  if (path === '/hello') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('public');
  } else if (path === '/echo') {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ method: req.method, headers: req.headers, body }));
    });
  } else if (path === '/redirect') {
    res.writeHead(Number(url.searchParams.get('status') ?? 302), {
      location: url.searchParams.get('to') ?? '/',
    });
    res.end();
  } else if (path.startsWith('/chain/')) {
    const left = Number(path.slice('/chain/'.length));
    if (left === 0) res.writeHead(200, { 'content-type': 'text/plain' }).end('end of chain');
    else res.writeHead(301, { location: `/chain/${left - 1}` }).end();
  } else if (path === '/big') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    const pump = (): void => {
      while (sent < 4 * 1024 * 1024) {
        sent += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    res.on('error', () => {});
    pump();
  } else if (path === '/declared-big') {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(2 * 1024 * 1024) });
    res.write('a');
  } else if (path === '/hang') {
    // never answers
  } else if (path === '/slow-body') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const timer = setInterval(() => res.write('.'), 50);
    res.on('close', () => clearInterval(timer));
  } else {
    res.writeHead(404).end();
  }
}

beforeAll(async () => {
  publicServer = http.createServer(publicSite);
  publicServer.listen(0, PUBLIC);
  await once(publicServer, 'listening');
  port = (publicServer.address() as AddressInfo).port;
  privateServer = http.createServer((req, res) => {
    privateHits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/html' }).end('private-secret');
  });
  privateServer.listen(port, '127.0.0.1');
  await once(privateServer, 'listening');
});

afterAll(async () => {
  publicServer.closeAllConnections();
  privateServer.closeAllConnections();
  await Promise.all([
    new Promise((resolve) => publicServer.close(resolve)),
    new Promise((resolve) => privateServer.close(resolve)),
  ]);
});

const policy = () =>
  createAddressPolicy({ allowedPorts: [port, 80, 443], testOnlyPublicAddresses: [PUBLIC] });

function tripwire(address: string): void {
  if (!address.startsWith('127.'))
    throw new Error(`tripwire: a connection to ${address} was about to be made`);
}

const fetchLocal = (url: string, options: SafeFetchOptions = {}) =>
  safeFetch(url, { policy: policy(), beforeConnect: tripwire, resolve: async () => [PUBLIC], ...options });

async function refusedWith(promise: Promise<unknown>, reason: FetchRefusedReason): Promise<FetchRefused> {
  const error = await promise.then(
    () => new Error('the fetch was allowed'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchRefused);
  expect((error as FetchRefused).reason, (error as Error).message).toBe(reason);
  return error as FetchRefused;
}

const site = (path: string) => `http://${PUBLIC}:${port}${path}`;
const redirectTo = (target: string, status = 302) =>
  site(`/redirect?status=${status}&to=${encodeURIComponent(target)}`);

describe('safeFetch against a local public site', () => {
  it('fetches and returns status, headers, body and final URL', async () => {
    const response = await fetchLocal(site('/hello'));
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe('public');
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.finalUrl).toBe(site('/hello'));
  });

  it('sends a fixed User-Agent and Host that callers cannot override', async () => {
    const response = await fetchLocal(site('/echo'), {
      headers: { 'User-Agent': 'evil', Host: 'internal', 'x-custom': 'kept' },
    });
    const echoed = JSON.parse(response.body.toString()) as { headers: Record<string, string> };
    expect(echoed.headers['user-agent']).toBe(SAFE_FETCH_USER_AGENT);
    expect(echoed.headers.host).toBe(`${PUBLIC}:${port}`);
    expect(echoed.headers['x-custom']).toBe('kept');
  });

  it('connects to the checked address of a name, with the name in Host', async () => {
    const response = await fetchLocal(`http://preview.example:${port}/echo`);
    const echoed = JSON.parse(response.body.toString()) as { headers: Record<string, string> };
    expect(echoed.headers.host).toBe(`preview.example:${port}`);
  });
});

describe('redirects are followed by hand and re-checked', () => {
  it.each([
    ['loopback', () => `http://127.0.0.1:${port}/`],
    ['IPv4-mapped loopback', () => `http://[::ffff:127.0.0.1]:${port}/`],
    ['IPv4-mapped loopback hex', () => `http://[::ffff:7f00:1]:${port}/`],
    ['decimal loopback', () => `http://2130706433:${port}/`],
    ['short loopback', () => `http://127.1:${port}/`],
    ['localhost', () => `http://localhost:${port}/`],
    ['metadata', () => 'http://169.254.169.254/latest/meta-data/'],
    ['metadata decimal', () => 'http://2852039166/latest/meta-data/'],
    ['private', () => 'http://10.0.0.1/'],
  ])('refuses a redirect to %s', async (_name, target) => {
    const before = privateHits.length;
    for (const status of [301, 302, 303, 307, 308]) {
      await refusedWith(fetchLocal(redirectTo(target(), status)), 'forbidden_address');
    }
    expect(privateHits.length).toBe(before);
  });

  it('refuses a redirect to a name that resolves to a private address', async () => {
    const resolve = async (name: string) => (name === 'inside.example' ? ['127.0.0.1'] : [PUBLIC]);
    await refusedWith(
      fetchLocal(redirectTo(`http://inside.example:${port}/`), { resolve }),
      'forbidden_address',
    );
  });

  it('refuses a redirect to another scheme or port', async () => {
    await refusedWith(fetchLocal(redirectTo('file:///etc/passwd')), 'bad_scheme');
    await refusedWith(fetchLocal(redirectTo(`gopher://${PUBLIC}:${port}/`)), 'bad_scheme');
    await refusedWith(fetchLocal(redirectTo(`http://${PUBLIC}:6379/`)), 'bad_port');
  });

  it('follows up to 5 redirects and refuses the 6th', async () => {
    const ok = await fetchLocal(site('/chain/5'));
    expect(ok.body.toString()).toBe('end of chain');
    expect(ok.finalUrl).toBe(site('/chain/0'));
    await refusedWith(fetchLocal(site('/chain/6')), 'too_many_redirects');
    await refusedWith(fetchLocal(site('/chain/3'), { maxRedirects: 2 }), 'too_many_redirects');
  });

  it('turns a POST into a GET on 303 and keeps it on 307', async () => {
    const see = await fetchLocal(redirectTo('/echo', 303), { method: 'POST', body: 'payload' });
    expect(JSON.parse(see.body.toString())).toMatchObject({ method: 'GET', body: '' });
    const keep = await fetchLocal(redirectTo('/echo', 307), { method: 'POST', body: 'payload' });
    expect(JSON.parse(keep.body.toString())).toMatchObject({ method: 'POST', body: 'payload' });
  });

  it('drops credentials on a cross-origin redirect', async () => {
    const response = await fetchLocal(redirectTo(`http://other.example:${port}/echo`), {
      headers: { authorization: 'Bearer secret', cookie: 'a=b' },
    });
    const echoed = JSON.parse(response.body.toString()) as { headers: Record<string, string> };
    expect(echoed.headers.authorization).toBeUndefined();
    expect(echoed.headers.cookie).toBeUndefined();
  });
});

describe('limits', () => {
  it('aborts a streamed body beyond the size limit', async () => {
    await refusedWith(fetchLocal(site('/big')), 'too_large');
    await refusedWith(fetchLocal(site('/hello'), { maxBytes: 3 }), 'too_large');
  });

  it('refuses a declared length beyond the limit before reading', async () => {
    await refusedWith(fetchLocal(site('/declared-big')), 'too_large');
  });

  it('gives up when no answer comes in time', async () => {
    await refusedWith(fetchLocal(site('/hang'), { timeoutMs: 300 }), 'timeout');
    await refusedWith(fetchLocal(site('/slow-body'), { timeoutMs: 300 }), 'timeout');
  });

  it('counts DNS in the time limit', async () => {
    const never = () => new Promise<readonly string[]>(() => {});
    await refusedWith(
      fetchLocal(`http://slow-dns.example:${port}/hello`, { resolve: never, timeoutMs: 200 }),
      'timeout',
    );
  });

  it('refuses content types outside the allowed list', async () => {
    await refusedWith(fetchLocal(site('/echo'), { allowedContentTypes: ['text/html'] }), 'bad_content_type');
    const ok = await fetchLocal(site('/hello'), { allowedContentTypes: ['text/html'] });
    expect(ok.status).toBe(200);
  });

  it('reports an aborted fetch and a refused connection', async () => {
    const controller = new AbortController();
    controller.abort();
    await refusedWith(fetchLocal(site('/hello'), { signal: controller.signal }), 'aborted');
    const closed = createAddressPolicy({ allowedPorts: [1], testOnlyPublicAddresses: [PUBLIC] });
    await refusedWith(fetchLocal(`http://${PUBLIC}:1/`, { policy: closed }), 'network_error');
  });
});

describe('DNS', () => {
  it('refuses a name resolving to a private address without connecting', async () => {
    const before = privateHits.length;
    await refusedWith(
      fetchLocal(`http://evil.example:${port}/`, { resolve: async () => ['127.0.0.1'] }),
      'forbidden_address',
    );
    await refusedWith(
      fetchLocal(`http://evil.example:${port}/`, { resolve: async () => ['::ffff:127.0.0.1'] }),
      'forbidden_address',
    );
    await refusedWith(
      fetchLocal(`http://evil.example:${port}/`, { resolve: async () => [PUBLIC, '127.0.0.1'] }),
      'forbidden_address',
    );
    expect(privateHits.length).toBe(before);
  });

  it('uses the single checked resolution: rebinding to a private address after the check has no effect', async () => {
    const before = privateHits.length;
    let lookups = 0;
    const rebinding = async () => {
      lookups += 1;
      return lookups === 1 ? [PUBLIC] : ['127.0.0.1'];
    };
    const response = await fetchLocal(`http://rebind.example:${port}/hello`, { resolve: rebinding });
    expect(response.body.toString()).toBe('public');
    expect(lookups).toBe(1);
    expect(privateHits.length).toBe(before);
  });

  it('reports names that do not resolve', async () => {
    const failing = async (): Promise<readonly string[]> => {
      throw new Error('ENOTFOUND');
    };
    await refusedWith(fetchLocal(`http://missing.example:${port}/`, { resolve: failing }), 'dns_failed');
    await refusedWith(fetchLocal(`http://empty.example:${port}/`, { resolve: async () => [] }), 'dns_failed');
  });
});
