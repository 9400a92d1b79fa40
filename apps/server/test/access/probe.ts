import type { Session } from '../support/factories.ts';
import type { TestApp } from '../support/test-app.ts';

/** A read path (or a change) by its route, as registered in the app; missing routes are skipped as todo. */
export interface RouteRef {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
}

export function hasRoute(app: TestApp, route: RouteRef): boolean {
  return app.app.hasRoute({ method: route.method, url: route.url });
}

export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field against the model
  body: any;
}

let calls = 0;

/**
 * The client address of the next call: a fresh one every 500 calls, so the generous per-IP ceiling on
 * every request (1,200 a minute) never answers 429 to a suite that makes tens of thousands of them.
 */
export function nextAddress(): string {
  const n = Math.floor(calls++ / 500) + 1;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/** One call as a signed-in person. */
export async function call(
  app: TestApp,
  session: Session,
  method: RouteRef['method'],
  url: string,
  payload?: Record<string, unknown>,
): Promise<Answer> {
  const res = await app.app.inject({
    method,
    url,
    remoteAddress: nextAddress(),
    headers: session.headers,
    ...(payload === undefined ? {} : { payload }),
  });
  let body: unknown = null;
  if (res.body.length > 0) {
    try {
      body = res.json();
    } catch {
      body = res.body;
    }
  }
  return { status: res.statusCode, body };
}

let publicCalls = 0;

/**
 * One call without a session (a public route). Each from its own client address: public routes have
 * tight per-address ceilings (an emailed invitation's preview: 60 per 15 minutes).
 */
export async function callPublic(
  app: TestApp,
  method: RouteRef['method'],
  url: string,
  payload?: Record<string, unknown>,
): Promise<Answer> {
  const n = ++publicCalls;
  const res = await app.app.inject({
    method,
    url,
    remoteAddress: `172.${16 + ((n >> 16) & 15)}.${(n >> 8) & 255}.${n & 255}`,
    ...(payload === undefined ? {} : { payload }),
  });
  let body: unknown = null;
  if (res.body.length > 0) {
    try {
      body = res.json();
    } catch {
      body = res.body;
    }
  }
  return { status: res.statusCode, body };
}

/** A problem+json body without what differs on every request, for "same answer as a missing one". */
export function problemShape(body: unknown): string {
  if (body === null || typeof body !== 'object') return JSON.stringify(body);
  const { requestId: _r, instance: _i, ...rest } = body as Record<string, unknown>;
  return JSON.stringify(rest, Object.keys(rest).sort());
}

/** Scenarios checked, by read path (one viewer × one read path × one world, each request compared). */
export class Tally {
  readonly byPath = new Map<string, number>();
  add(path: string, n = 1): void {
    this.byPath.set(path, (this.byPath.get(path) ?? 0) + n);
  }
  get total(): number {
    let sum = 0;
    for (const n of this.byPath.values()) sum += n;
    return sum;
  }
  summary(): string {
    const parts = [...this.byPath].sort(([a], [b]) => a.localeCompare(b)).map(([p, n]) => `${p} ${n}`);
    return `${this.total} scenarios (${parts.join(', ')})`;
  }
}
