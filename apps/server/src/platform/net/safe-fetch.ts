import type { LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { type AddressPolicy, DEFAULT_ADDRESS_POLICY, isForbiddenAddress } from './address-policy.ts';
import {
  checkUrl,
  type Destination,
  type Resolver,
  resolveDestination,
  systemResolver,
} from './destination.ts';
import { FetchRefused } from './fetch-refused.ts';
import { netPlantedBug } from './planted-bugs.ts';

/**
 * A guarded server-side fetch for link previews and webhooks (docs/RELIABILITY.md, R14). Every hop is
 * checked (scheme, credentials, port, address), the host is resolved once and the connection goes to
 * that checked address (no second DNS lookup, so rebinding cannot change it), redirects are followed
 * by hand and re-checked, and time and size are bounded.
 */

export const SAFE_FETCH_USER_AGENT = 'AtriumFetcher/1.0 (+link previews and webhooks)';
export const DEFAULT_MAX_REDIRECTS = 5;
export const DEFAULT_TIMEOUT_MS = 5_000;
export const DEFAULT_MAX_BYTES = 1024 * 1024;

export interface SafeFetchOptions {
  method?: 'GET' | 'HEAD' | 'POST';
  /** Extra request headers; host, user-agent, encoding and framing headers are set by the fetcher. */
  headers?: Readonly<Record<string, string>>;
  body?: string | Uint8Array;
  policy?: AddressPolicy;
  resolve?: Resolver;
  maxRedirects?: number;
  /** Total time for every hop, DNS, connection and body. */
  timeoutMs?: number;
  maxBytes?: number;
  /** Media types (e.g. `text/html`) the final response may have; any when absent. */
  allowedContentTypes?: readonly string[];
  signal?: AbortSignal;
  /** Called with the checked address just before each connection (logging, metrics, test tripwires). */
  beforeConnect?: (address: string, port: number) => void;
}

export interface SafeFetchResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  finalUrl: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const RESERVED_HEADERS = new Set([
  'host',
  'user-agent',
  'accept-encoding',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'proxy-authorization',
  'te',
  'trailer',
]);
const CROSS_ORIGIN_DROPPED = new Set(['authorization', 'cookie']);

interface RequestState {
  url: URL;
  method: 'GET' | 'HEAD' | 'POST';
  headers: Record<string, string>;
  body: Buffer | undefined;
}

function callerHeaders(headers: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const key = name.toLowerCase();
    if (!RESERVED_HEADERS.has(key)) result[key] = value;
  }
  return result;
}

function flattenHeaders(message: IncomingMessage): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined) result[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return result;
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` that can only ever answer the checked address. */
function pinnedLookup(destination: Destination) {
  return (_hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    if (options.all) callback(null, [{ address: destination.address, family: destination.family }]);
    else callback(null, destination.address, destination.family);
  };
}

/** The planted rebinding bug: the connection asks the resolver again. */
function reResolvingLookup(resolve: Resolver) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    resolve(hostname).then(
      (answers) => {
        const address = answers[0] ?? '';
        const family = address.includes(':') ? 6 : 4;
        if (options.all) callback(null, [{ address, family }]);
        else callback(null, address, family);
      },
      (error: Error) => callback(error, ''),
    );
  };
}

function send(
  destination: Destination,
  state: RequestState,
  signal: AbortSignal,
  policy: AddressPolicy,
  resolve: Resolver,
  checkAddress: boolean,
): Promise<{ request: http.ClientRequest; response: IncomingMessage }> {
  const secure = destination.url.protocol === 'https:';
  const rebind = netPlantedBug('ssrf-second-dns-lookup') && destination.literal === 0;
  const request = (secure ? https : http).request({
    // Connect to the checked address itself; the name only travels in Host and SNI.
    host: rebind ? destination.hostname : destination.address,
    family: destination.family,
    port: destination.port,
    lookup: rebind ? reResolvingLookup(resolve) : pinnedLookup(destination),
    path: `${destination.url.pathname}${destination.url.search}`,
    method: state.method,
    headers: {
      ...state.headers,
      host: destination.url.host,
      'user-agent': SAFE_FETCH_USER_AGENT,
      'accept-encoding': 'identity',
      ...(state.body !== undefined ? { 'content-length': String(state.body.length) } : {}),
    },
    ...(secure && destination.literal === 0 ? { servername: destination.hostname } : {}),
    // A private agent: no pooled sockets, no proxy from the environment.
    agent: false,
  });
  return new Promise((resolvePromise, reject) => {
    const onAbort = () => request.destroy(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    request.on('socket', (socket: Socket) => {
      socket.once('connect', () => {
        // Defence in depth: the peer must be the checked address.
        const peer = socket.remoteAddress ?? '';
        if (checkAddress && (peer === '' || isForbiddenAddress(peer, policy))) {
          request.destroy(new FetchRefused('forbidden_address', `connected peer ${peer} is not allowed`));
        }
      });
    });
    request.once('response', (response) => {
      signal.removeEventListener('abort', onAbort);
      resolvePromise({ request, response });
    });
    request.once('error', (error) => {
      signal.removeEventListener('abort', onAbort);
      reject(error);
    });
    request.end(state.body);
  });
}

async function readBody(
  response: IncomingMessage,
  request: http.ClientRequest,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    request.destroy();
    throw new FetchRefused('too_large', `declared ${declared} bytes, limit ${maxBytes}`);
  }
  const onAbort = () => {
    response.destroy(signal.reason);
    request.destroy(signal.reason);
  };
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of response) {
      const buffer = chunk as Buffer;
      total += buffer.length;
      if (total > maxBytes) {
        request.destroy();
        throw new FetchRefused('too_large', `body exceeds ${maxBytes} bytes`);
      }
      chunks.push(buffer);
    }
    return Buffer.concat(chunks, total);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function nextRequest(state: RequestState, status: number, location: URL): RequestState {
  let { method, body } = state;
  const headers = { ...state.headers };
  if (status === 303 ? method !== 'HEAD' : (status === 301 || status === 302) && method === 'POST') {
    method = 'GET';
    body = undefined;
    delete headers['content-type'];
  }
  if (location.origin !== state.url.origin) {
    for (const name of CROSS_ORIGIN_DROPPED) delete headers[name];
  }
  return { url: location, method, headers, body };
}

/**
 * Fetches a URL through the SSRF guard. Throws `FetchRefused` (and nothing else) when the URL, any
 * redirect hop, the resolved address, the size or the time is not allowed, or the network fails.
 */
export async function safeFetch(
  input: string | URL,
  options: SafeFetchOptions = {},
): Promise<SafeFetchResponse> {
  const policy = options.policy ?? DEFAULT_ADDRESS_POLICY;
  const resolve = options.resolve ?? systemResolver;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const allowedTypes = options.allowedContentTypes?.map((type) => type.toLowerCase());

  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new FetchRefused('timeout', `no complete answer within ${timeoutMs} ms`)),
    timeoutMs,
  );
  const onCallerAbort = () => deadline.abort(new FetchRefused('aborted', 'the caller aborted the fetch'));
  if (options.signal?.aborted) onCallerAbort();
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });

  try {
    const first = checkUrl(input, policy);
    let state: RequestState = {
      url: first.url,
      method: options.method ?? 'GET',
      headers: callerHeaders(options.headers),
      body: options.body === undefined ? undefined : Buffer.from(options.body),
    };
    for (let hop = 0; ; hop++) {
      const checkAddress = hop === 0 || !netPlantedBug('ssrf-redirects-unchecked');
      const checked = hop === 0 ? first : checkUrl(state.url, policy, { checkAddress });
      const destination = await abortable(
        resolveDestination(checked, policy, resolve, { checkAddress }),
        deadline.signal,
      );
      options.beforeConnect?.(destination.address, destination.port);
      const { request, response } = await send(
        destination,
        state,
        deadline.signal,
        policy,
        resolve,
        checkAddress,
      );

      const location = response.headers.location;
      if (REDIRECTS.has(response.statusCode ?? 0) && location !== undefined) {
        response.resume();
        request.destroy();
        if (hop >= maxRedirects)
          throw new FetchRefused('too_many_redirects', `more than ${maxRedirects} redirects`);
        let target: URL;
        try {
          target = new URL(location, state.url);
        } catch (error) {
          throw new FetchRefused('bad_url', 'redirect to an invalid URL', { cause: error });
        }
        state = nextRequest(state, response.statusCode ?? 0, target);
        continue;
      }

      if (allowedTypes !== undefined && !allowedTypes.includes(mediaType(response.headers['content-type']))) {
        request.destroy();
        throw new FetchRefused(
          'bad_content_type',
          `content type ${mediaType(response.headers['content-type'])}`,
        );
      }
      const body = await readBody(response, request, maxBytes, deadline.signal);
      return {
        status: response.statusCode ?? 0,
        headers: flattenHeaders(response),
        body,
        finalUrl: state.url.href,
      };
    }
  } catch (error) {
    if (error instanceof FetchRefused) throw error;
    if (deadline.signal.aborted && deadline.signal.reason instanceof FetchRefused)
      throw deadline.signal.reason;
    throw new FetchRefused('network_error', error instanceof Error ? error.message : 'network failure', {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCallerAbort);
  }
}
