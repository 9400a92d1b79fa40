import { LIMITS } from '@atrium/contracts';
import { checkUrl } from '../../platform/net/index.ts';

/**
 * A small, bounded reader of the metadata in an HTML page's head: OpenGraph, Twitter cards, <title>
 * and <meta name="description">. Not an HTML parser: it looks at tags with regular expressions over
 * at most HEAD_BYTES, which is all a preview needs; anything odd just yields less metadata.
 */

/** Only the start of a page is read: the head comes first, and a preview never needs the rest. */
export const HEAD_BYTES = 256 * 1024;
export const TITLE_LENGTH = 300;
export const DESCRIPTION_LENGTH = 1000;
export const SITE_NAME_LENGTH = 100;

export interface PageMetadata {
  title: string | null;
  description: string | null;
  siteName: string | null;
  imageUrl: string | null;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  middot: '·',
  bull: '•',
  copy: '©',
  reg: '®',
  trade: '™',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (entity, body: string) => {
    if (body.startsWith('#')) {
      const code =
        body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : '';
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** Decoded, NFC, controls removed, whitespace collapsed, cut to `max` code points; null when empty. */
function cleanText(raw: string | undefined, max: number): string | null {
  if (raw === undefined) return null;
  const text = decodeEntities(raw)
    .toWellFormed()
    .replace(CONTROLS, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');
  if (text === '') return null;
  const chars = Array.from(text);
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** An absolute http(s) URL a browser may load; never fetched by the server. */
function cleanImageUrl(raw: string | undefined, base: string): string | null {
  if (raw === undefined) return null;
  try {
    const url = new URL(decodeEntities(raw).trim(), base);
    // Same checks as a fetch (scheme, credentials, port, literal private addresses), without DNS.
    checkUrl(url);
    return url.href.length <= LIMITS.url ? url.href : null;
  } catch {
    return null;
  }
}

const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(ATTRIBUTE)) {
    const name = match[1]?.toLowerCase();
    if (name !== undefined && !attributes.has(name))
      attributes.set(name, match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

/** The head of the page without comments, scripts and styles, whose text could look like tags. */
function headOf(html: string): string {
  const cleaned = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<(script|style|noscript|template)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ');
  const end = cleaned.search(/<\/head\s*>|<body[\s>]/i);
  return end === -1 ? cleaned : cleaned.slice(0, end);
}

/** Reads the page's metadata; `pageUrl` (after redirects) resolves relative image URLs. */
export function parsePageMetadata(html: string, pageUrl: string): PageMetadata {
  const head = headOf(html);
  const properties = new Map<string, string>();
  for (const match of head.matchAll(/<meta\b([^>]*)>/gi)) {
    const attributes = attributesOf(match[1] ?? '');
    const key = (attributes.get('property') ?? attributes.get('name'))?.toLowerCase();
    const content = attributes.get('content');
    if (key !== undefined && content !== undefined && !properties.has(key)) properties.set(key, content);
  }
  const title = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(head)?.[1];
  const first = (...keys: string[]) =>
    keys.map((k) => properties.get(k)).find((v) => v !== undefined && v.trim() !== '');
  return {
    title: cleanText(first('og:title', 'twitter:title') ?? title, TITLE_LENGTH),
    description: cleanText(first('og:description', 'twitter:description', 'description'), DESCRIPTION_LENGTH),
    siteName: cleanText(first('og:site_name', 'application-name'), SITE_NAME_LENGTH),
    imageUrl: cleanImageUrl(
      first('og:image:secure_url', 'og:image:url', 'og:image', 'twitter:image', 'twitter:image:src'),
      pageUrl,
    ),
  };
}

/** The page's declared charset (header first, then <meta>), when the runtime knows it; else UTF-8. */
export function decodePage(body: Buffer, contentType: string | undefined): string {
  const head = body.subarray(0, HEAD_BYTES);
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  const sniffed = head.subarray(0, 2048).toString('latin1');
  const fromMeta = /<meta\b[^>]*charset\s*=\s*["']?([\w.:-]+)/i.exec(sniffed)?.[1];
  for (const label of [fromHeader, fromMeta]) {
    if (label === undefined) continue;
    try {
      return new TextDecoder(label).decode(head);
    } catch {
      // an unknown label: try the next, then UTF-8
    }
  }
  return new TextDecoder('utf-8').decode(head);
}
