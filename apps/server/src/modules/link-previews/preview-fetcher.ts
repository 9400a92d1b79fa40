import type { AppContext } from '../../platform/context.ts';
import type { LinkPreviewsTable } from '../../platform/db/schema-conversation.ts';
import {
  type AddressPolicy,
  FetchRefused,
  type FetchRefusedReason,
  type Resolver,
  safeFetch,
} from '../../platform/net/index.ts';
import { decodePage, type PageMetadata, parsePageMetadata } from './html-metadata.ts';

export interface PreviewFetchSettings {
  /** Default: the production address policy (public addresses, ports 80, 443, 8080, 8443). */
  policy?: AddressPolicy;
  /** Default: the system resolver. */
  resolve?: Resolver;
  /** Called with each checked address just before connecting. */
  beforeConnect?: (address: string, port: number) => void;
}

const settingsByApp = new WeakMap<AppContext, PreviewFetchSettings>();

/**
 * Points one app's preview fetcher at another resolver or address policy. Tests use it to let a local
 * site count as public (createAddressPolicy refuses that when NODE_ENV is production).
 */
export function setPreviewFetchSettings(ctx: AppContext, settings: PreviewFetchSettings): void {
  settingsByApp.set(ctx, settings);
}

export const previewFetchSettings = (ctx: AppContext): PreviewFetchSettings => settingsByApp.get(ctx) ?? {};

/** Per page: every hop, DNS, connection and body together. */
export const PREVIEW_TIMEOUT_MS = 5_000;
/** A larger page is not previewed (the guard refuses it whole; only the head would be parsed). */
export const PREVIEW_MAX_BYTES = 2 * 1024 * 1024;

/** Refusals by the guard's policy (the address or URL itself), as opposed to failures of a fetch. */
const POLICY_REASONS: ReadonlySet<FetchRefusedReason> = new Set([
  'bad_url',
  'bad_scheme',
  'bad_port',
  'credentials_in_url',
  'forbidden_address',
]);

export type PreviewResult =
  | ({ status: 'ok' } & PageMetadata)
  | { status: Exclude<LinkPreviewsTable['status'], 'ok'>; reason: string };

/**
 * Fetches a page through the SSRF guard (platform/net: every hop checked, the checked address pinned,
 * time and size bounded) and reads its metadata. Never throws for anything the remote side does:
 * `refused` when the guard would not connect, `failed` for everything else.
 */
export async function fetchPreview(url: string, settings: PreviewFetchSettings = {}): Promise<PreviewResult> {
  try {
    const response = await safeFetch(url, {
      ...settings,
      method: 'GET',
      headers: { accept: 'text/html,application/xhtml+xml;q=0.9' },
      timeoutMs: PREVIEW_TIMEOUT_MS,
      maxBytes: PREVIEW_MAX_BYTES,
      allowedContentTypes: ['text/html', 'application/xhtml+xml'],
    });
    if (response.status < 200 || response.status > 299) {
      return { status: 'failed', reason: `HTTP ${response.status}` };
    }
    const metadata = parsePageMetadata(
      decodePage(response.body, response.headers['content-type']),
      response.finalUrl,
    );
    if (metadata.title === null && metadata.description === null) {
      return { status: 'failed', reason: 'no title or description' };
    }
    return { status: 'ok', ...metadata };
  } catch (error) {
    if (!(error instanceof FetchRefused)) throw error;
    return { status: POLICY_REASONS.has(error.reason) ? 'refused' : 'failed', reason: error.reason };
  }
}
