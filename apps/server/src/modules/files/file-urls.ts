import { createHmac, timingSafeEqual } from 'node:crypto';

export type FileVariant = 'original' | 'thumbnail';

/** How long a download URL works. Access is re-checked on every download, so this only bounds sharing. */
export const FILE_URL_TTL_SECONDS = 5 * 60;
/** Expiries are rounded up to this step so a page reloaded within it gets the same (cacheable) URLs. */
const EXPIRY_STEP_SECONDS = 60;

const keys = new Map<string, Buffer>();

/** A key of its own, derived from the session secret, so a file signature is never valid as anything else. */
function signingKey(secret: string): Buffer {
  let key = keys.get(secret);
  if (key === undefined) {
    key = createHmac('sha256', secret).update('atrium/file-download-url/v1').digest();
    keys.set(secret, key);
  }
  return key;
}

export interface FileUrlClaims {
  fileId: string;
  variant: FileVariant;
  /** The person the URL was issued to: it works only in their signed-in requests. */
  viewerId: string;
  /** Unix seconds. */
  expires: number;
}

function sign(secret: string, claims: FileUrlClaims): Buffer {
  return createHmac('sha256', signingKey(secret))
    .update(`${claims.fileId}\n${claims.variant}\n${claims.viewerId}\n${claims.expires}`)
    .digest();
}

export function fileUrlExpiry(nowMs: number = Date.now()): number {
  const earliest = Math.floor(nowMs / 1000) + FILE_URL_TTL_SECONDS;
  return Math.ceil(earliest / EXPIRY_STEP_SECONDS) * EXPIRY_STEP_SECONDS;
}

/** `/api/v1/files/:id/content?variant=…&expires=…&signature=…` for one viewer. */
export function signedFileUrl(secret: string, claims: FileUrlClaims): string {
  const signature = sign(secret, claims).toString('base64url');
  const query = new URLSearchParams({
    variant: claims.variant,
    expires: String(claims.expires),
    signature,
  });
  return `/api/v1/files/${encodeURIComponent(claims.fileId)}/content?${query}`;
}

export function hasValidSignature(secret: string, claims: FileUrlClaims, signature: string): boolean {
  // Compared as text: decoding would ignore the spare bits of the last character.
  const given = Buffer.from(signature);
  const expected = Buffer.from(sign(secret, claims).toString('base64url'));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
