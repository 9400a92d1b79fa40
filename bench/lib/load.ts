import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  path: string;
  connections: number;
  durationSeconds: number;
  /** Headers for the i-th request, so load can vary the client and the session. */
  headersFor?: (i: number) => Record<string, string>;
  /** The whole i-th request (path, method, headers, JSON body); overrides `path` and `headersFor`. */
  requestFor?: (i: number) => {
    method?: 'GET' | 'POST';
    path: string;
    headers: Record<string, string>;
    body?: string;
  };
}

export interface LoadSummary {
  requestsPerSecond: number;
  latencyMs: { p50: number; p97_5: number; p99: number; max: number };
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** A closed-loop autocannon run (`-c connections -d seconds`). */
export async function load(options: LoadOptions): Promise<{ summary: LoadSummary; raw: autocannon.Result }> {
  let i = 0;
  const { headersFor, requestFor } = options;
  const setup = requestFor
    ? (request: autocannon.Request) => {
        const r = requestFor(i++);
        const headers =
          r.body === undefined ? r.headers : { ...r.headers, 'content-type': 'application/json' };
        return { ...request, method: r.method ?? 'GET', path: r.path, headers, body: r.body };
      }
    : headersFor
      ? (request: autocannon.Request) => ({ ...request, headers: headersFor(i++) })
      : undefined;
  const raw = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    requests: [{ method: 'GET', path: options.path, ...(setup ? { setupRequest: setup } : {}) }],
  });
  return {
    raw,
    summary: {
      requestsPerSecond: raw.requests.average,
      latencyMs: {
        p50: raw.latency.p50,
        p97_5: raw.latency.p97_5,
        p99: raw.latency.p99,
        max: raw.latency.max,
      },
      total: raw.requests.total,
      non2xx: raw.non2xx,
      errors: raw.errors,
      timeouts: raw.timeouts,
    },
  };
}

/** A distinct client address per request: 10.x.y.z, cycling through 16M addresses. */
export const clientIp = (i: number): string => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
