import { createHash } from 'node:crypto';
import { LIMITS } from '@atrium/contracts';
import { renderMarkdown } from '../../platform/content/index.ts';

/**
 * One spelling per page: http(s) only, host lower-cased and IDNA-encoded, default port and fragment
 * dropped (the URL parser does the rest). Undefined for anything that is not a fetchable web address.
 */
export function normalizePreviewUrl(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  const normalized = url.href;
  return normalized.length <= LIMITS.url ? normalized : undefined;
}

/** The cache key of a normalized URL: `link_previews.url_hash`. */
export const previewUrlHash = (normalizedUrl: string): string =>
  createHash('sha256').update(normalizedUrl).digest('hex');

export interface PreviewLink {
  url: string;
  hash: string;
}

/**
 * The first LIMITS.linkPreviewsPerPost distinct links of a post body, as the renderer finds them: real
 * links and autolinked addresses, never text inside code spans or blocks.
 */
export function previewLinksOf(body: string): PreviewLink[] {
  // The body was validated when it was stored; a limit changed since must not make it unreadable.
  const { links } = renderMarkdown(body, { maxLength: Number.MAX_SAFE_INTEGER });
  const result: PreviewLink[] = [];
  for (const href of links) {
    const url = normalizePreviewUrl(href);
    if (url === undefined || result.some((link) => link.url === url)) continue;
    result.push({ url, hash: previewUrlHash(url) });
    if (result.length === LIMITS.linkPreviewsPerPost) break;
  }
  return result;
}
