/** Why a guarded fetch was refused. Stable codes: callers map them to user-facing answers. */
export type FetchRefusedReason =
  | 'bad_url'
  | 'bad_scheme'
  | 'bad_port'
  | 'credentials_in_url'
  | 'forbidden_address'
  | 'dns_failed'
  | 'too_many_redirects'
  | 'too_large'
  | 'timeout'
  | 'bad_content_type'
  | 'network_error'
  | 'aborted';

/** The only error `safeFetch` and its checks throw. */
export class FetchRefused extends Error {
  readonly reason: FetchRefusedReason;

  constructor(reason: FetchRefusedReason, message: string, options?: { cause?: unknown }) {
    super(`${reason}: ${message}`, options);
    this.name = 'FetchRefused';
    this.reason = reason;
  }
}
