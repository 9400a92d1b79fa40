/** Stable error codes of the API's problem+json answers (RFC 9457 `code` extension member). */
export const ERROR_CODES = [
  'validation_failed',
  'malformed_json',
  'unsupported_media_type',
  'invalid_characters',
  'payload_too_large',
  'too_deep',
  'unauthenticated',
  'invalid_credentials',
  'csrf_failed',
  'forbidden',
  'not_found',
  'conflict',
  'token_invalid',
  'rate_limited',
  'unsupported_file',
  'storage_full',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  instance?: string;
  errors?: Array<{ path: string; message: string }>;
  requestId?: string;
}
