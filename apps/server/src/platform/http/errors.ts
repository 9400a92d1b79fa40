import type { ErrorCode, Problem } from '@atrium/contracts';

/** A failure the client can act on; mapped to an RFC 9457 problem+json answer with a stable code. */
export class AppError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: Problem['errors'] | undefined;
  readonly headers: Record<string, string> | undefined;
  constructor(
    status: number,
    code: ErrorCode,
    title: string,
    detail?: string,
    errors?: Problem['errors'],
    headers?: Record<string, string>,
  ) {
    super(detail ?? title);
    this.status = status;
    this.code = code;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
    this.headers = headers;
  }
}

export const badRequest = (detail: string, errors?: Problem['errors']) =>
  new AppError(400, 'validation_failed', 'Invalid request', detail, errors);
export const unauthenticated = (detail = 'Sign in to continue.') =>
  new AppError(401, 'unauthenticated', 'Authentication required', detail);
export const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', 'Invalid credentials', 'The email or password is not correct.');
export const forbidden = (detail = 'You are not allowed to do this.') =>
  new AppError(403, 'forbidden', 'Forbidden', detail);
/** Also used for things the actor may not know exist: the answer must not differ from a missing one. */
export const notFound = (detail = 'Not found.') => new AppError(404, 'not_found', 'Not found', detail);
export const conflict = (detail: string) => new AppError(409, 'conflict', 'Conflict', detail);
export const tokenInvalid = (detail = 'This link is invalid, expired or already used.') =>
  new AppError(400, 'token_invalid', 'Invalid or expired token', detail);
export const unsupportedFile = (detail: string) =>
  new AppError(415, 'unsupported_file', 'Unsupported file', detail);
export const payloadTooLarge = (detail: string) =>
  new AppError(413, 'payload_too_large', 'Payload too large', detail);

export function problemBody(error: AppError, instance: string, requestId: string): Problem {
  const body: Problem = {
    type: `https://atrium.dev/problems/${error.code}`,
    title: error.title,
    status: error.status,
    code: error.code,
    instance,
    requestId,
  };
  if (error.detail !== undefined) body.detail = error.detail;
  if (error.errors !== undefined) body.errors = error.errors;
  return body;
}
