/** The one HTTP client: JSON in and out, the CSRF header on unsafe methods, problem+json errors. */

export interface FieldError {
  path: string;
  message: string;
}

export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly problem: ProblemBody;

  constructor(status: number, problem: ProblemBody) {
    super(problem.detail || problem.title || `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code;
    this.problem = problem;
  }

  /** The message of the field error for `field` (e.g. "body/email" for "email"). */
  fieldError(field: string): string | undefined {
    return this.problem.errors?.find((error) => pathMatchesField(error.path, field))?.message;
  }
}

/** "body/customFields/cost_center" → "customFields.cost_center": the request part is never shown. */
export function fieldPathOf(path: string): string {
  return path
    .replace(/^\/+/, '')
    .replace(/^(body|query|params|headers)(\/|$)/, '')
    .split(/[/.]/)
    .filter(Boolean)
    .join('.');
}

/** True when the error at `path` belongs to the form field named `field` (or one of its items). */
export function pathMatchesField(path: string, field: string): boolean {
  const normalized = fieldPathOf(path);
  if (normalized === field || normalized.startsWith(`${field}.`)) return true;
  const segments = normalized.split('.');
  return segments[segments.length - 1] === field;
}

/** Removes request-part prefixes ("body/name" → "name") from a server message. */
function withoutRawPaths(text: string): string {
  return text.replace(/\b(?:body|query|params|headers)\/([\w./-]*)/g, (_, rest: string) =>
    rest.split('/').filter(Boolean).join('.'),
  );
}

let csrfToken: string | null = null;

/** Remembers the token from sign-in or GET /me; only used when the cookie cannot be read. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function csrfFromCookie(): string | null {
  const match = document.cookie.split('; ').find((part) => part.startsWith('atrium_csrf='));
  return match ? decodeURIComponent(match.slice('atrium_csrf='.length)) : null;
}

/**
 * The cookie is shared by every tab, so it follows a sign-in made elsewhere; the copy in memory
 * would still belong to the previous session.
 */
function currentCsrfToken(): string | null {
  return csrfFromCookie() ?? csrfToken;
}

type SessionListener = (me: unknown) => void;
const sessionListeners = new Set<SessionListener>();

/** Called with the fresh GET /me body after a CSRF failure made the client reload the session. */
export function onSessionRefreshed(listener: SessionListener): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

export type Query = Record<string, string | number | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

interface RequestOptions {
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function parseProblem(response: Response): Promise<ProblemBody> {
  const text = await response.text().catch(() => '');
  if (text) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object') return parsed as ProblemBody;
    } catch {
      // not JSON: fall through to a generic message
    }
  }
  return { title: response.statusText || 'Request failed', detail: defaultDetail(response.status) };
}

function defaultDetail(status: number): string {
  if (status === 413) return 'The upload is too large.';
  if (status === 415) return 'That file type is not supported.';
  if (status === 429) return 'Too many requests. Wait a moment and try again.';
  if (status >= 500) return 'The server had a problem. Try again in a moment.';
  return `The request failed (${status}).`;
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (!SAFE_METHODS.has(method)) {
    const token = currentCsrfToken();
    if (token) headers['x-csrf-token'] = token;
  }
  try {
    return await fetch(withQuery(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, {
      title: 'Network error',
      detail: 'Could not reach the server. Check your connection and try again.',
    });
  }
}

/** Reloads the session after a CSRF failure; true when a fresh token is now known. */
async function refreshSession(): Promise<boolean> {
  const response = await send('GET', '/api/v1/me', {});
  if (!response.ok) return false;
  const me = (await response.json().catch(() => null)) as { csrfToken?: unknown } | null;
  if (!me || typeof me.csrfToken !== 'string') return false;
  csrfToken = me.csrfToken;
  for (const listener of sessionListeners) listener(me);
  return true;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(method, path, options);
  if (response.status === 403 && !SAFE_METHODS.has(method)) {
    const problem = await parseProblem(response.clone());
    // The session changed under us (e.g. someone signed in from another tab): reload it and try once more.
    if (problem.code === 'csrf_failed' && (await refreshSession().catch(() => false))) {
      response = await send(method, path, options);
    }
  }
  if (!response.ok) throw new ApiError(response.status, await parseProblem(response));
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    request<T>('GET', path, { ...(query ? { query } : {}), ...(signal ? { signal } : {}) }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** The message to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const text = error.problem.detail || error.problem.title || error.message;
    return withoutRawPaths(text);
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

export function fieldErrorOf(error: unknown, field: string): string | undefined {
  const message = error instanceof ApiError ? error.fieldError(field) : undefined;
  return message ? sentenceCase(message) : undefined;
}

export const enc = encodeURIComponent;

export function sentenceCase(text: string): string {
  return text ? text[0]?.toUpperCase() + text.slice(1) : text;
}
