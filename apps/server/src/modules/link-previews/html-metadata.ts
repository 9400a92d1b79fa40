import { LIMITS } from '@atrium/contracts';
import { checkUrl } from '../../platform/net/index.ts';

/**
 * A small, bounded reader of the metadata in an HTML page's head: OpenGraph, Twitter cards, <title>
 * and <meta name="description">. Not an HTML parser: one linear forward scan over at most HEAD_BYTES,
 * which is all a preview needs; anything odd just yields less metadata. No backtracking regular
 * expression ever sees the page, so a hostile page costs time in proportion to its (capped) length.
 */

/** Only the start of a page is read: the head comes first, and a preview never needs the rest. */
export const HEAD_BYTES = 32 * 1024;
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

const SPACES = new Set([' ', '\t', '\n', '\f', '\r']);
const isSpace = (char: string | undefined): boolean => char !== undefined && SPACES.has(char);
// Characters that end an attribute name; quotes and '<' are stray characters, skipped like spaces.
const NOT_IN_NAME = new Set([...SPACES, '"', "'", '<', '>', '/', '=']);
const NOT_IN_UNQUOTED = new Set([...SPACES, '"', "'", '=', '<', '>', '`']);

/** The attributes of one tag (the text between its name and its `>`), in one pass; the first one wins. */
function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  let at = 0;
  while (at < source.length) {
    const start = at;
    while (at < source.length && !NOT_IN_NAME.has(source[at] ?? '')) at += 1;
    if (at === start) {
      at += 1;
      continue;
    }
    const name = source.slice(start, at).toLowerCase();
    let value = '';
    let next = at;
    while (isSpace(source[next])) next += 1;
    if (source[next] === '=') {
      next += 1;
      while (isSpace(source[next])) next += 1;
      const quote = source[next];
      if (quote === '"' || quote === "'") {
        // An unclosed quote gives no value; there is then no later quote of that kind to search for again.
        const close = source.indexOf(quote, next + 1);
        if (close !== -1) {
          value = source.slice(next + 1, close);
          at = close + 1;
        }
      } else {
        const valueStart = next;
        while (next < source.length && !NOT_IN_UNQUOTED.has(source[next] ?? '')) next += 1;
        if (next > valueStart) {
          value = source.slice(valueStart, next);
          at = next;
        }
      }
    }
    if (!attributes.has(name)) attributes.set(name, value);
  }
  return attributes;
}

/** Lower-cases ASCII letters only, so every index still points at the same character of the original. */
const asciiLower = (text: string): string => text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());

/** Elements whose text could look like tags: skipped whole. */
const RAW_TEXT = new Set(['script', 'style', 'noscript', 'template']);

const isLetter = (char: string | undefined): boolean => char !== undefined && char >= 'a' && char <= 'z';

/** The tag name starting at `at` (lower-cased input): letters, digits and dashes. */
function tagNameAt(lower: string, at: number): string {
  let end = at;
  while (end < lower.length && /[a-z0-9-]/.test(lower[end] ?? '')) end += 1;
  return lower.slice(at, end);
}

interface HeadTags {
  /** The raw text of the first <title>, if it is closed. */
  title: string | undefined;
  /** The attribute text of each <meta> tag, in order. */
  metas: string[];
}

/**
 * Finds the <title> and <meta> tags of the page's head (up to </head> or <body>), skipping comments,
 * scripts and styles. One forward pass with indexOf: every search starts where the previous one ended,
 * and a search that finds nothing ends the scan (nothing after it could close either), so the time is
 * linear in the input whatever it holds.
 */
function scanHead(html: string): HeadTags {
  const text = html.length > HEAD_BYTES ? html.slice(0, HEAD_BYTES) : html;
  const lower = asciiLower(text);
  const found: HeadTags = { title: undefined, metas: [] };
  let at = lower.indexOf('<');
  while (at !== -1) {
    const next = lower[at + 1];
    if (lower.startsWith('<!--', at)) {
      const close = lower.indexOf('-->', at + 4);
      if (close === -1) break;
      at = lower.indexOf('<', close + 3);
      continue;
    }
    const closing = next === '/';
    if (!isLetter(closing ? lower[at + 2] : next) && next !== '!') {
      at = lower.indexOf('<', at + 1); // a lone '<' in text
      continue;
    }
    const name = next === '!' ? '!' : tagNameAt(lower, closing ? at + 2 : at + 1);
    if ((closing && name === 'head') || (!closing && name === 'body')) break;
    const tagEnd = lower.indexOf('>', at);
    if (tagEnd === -1) break;
    if (!closing && name === 'meta') found.metas.push(text.slice(at + 5, tagEnd));
    if (!closing && (name === 'title' || RAW_TEXT.has(name))) {
      const close = lower.indexOf(`</${name}`, tagEnd + 1);
      if (close === -1) break;
      if (name === 'title') found.title ??= text.slice(tagEnd + 1, close);
      at = close; // its end tag is skipped as any other
      continue;
    }
    at = lower.indexOf('<', tagEnd + 1);
  }
  return found;
}

/** Reads the page's metadata; `pageUrl` (after redirects) resolves relative image URLs. */
export function parsePageMetadata(html: string, pageUrl: string): PageMetadata {
  const head = scanHead(html);
  const properties = new Map<string, string>();
  for (const tag of head.metas) {
    const attributes = attributesOf(tag);
    const key = (attributes.get('property') ?? attributes.get('name'))?.toLowerCase();
    const content = attributes.get('content');
    if (key !== undefined && content !== undefined && !properties.has(key)) properties.set(key, content);
  }
  const first = (...keys: string[]) =>
    keys.map((k) => properties.get(k)).find((v) => v !== undefined && v.trim() !== '');
  return {
    title: cleanText(first('og:title', 'twitter:title') ?? head.title, TITLE_LENGTH),
    description: cleanText(first('og:description', 'twitter:description', 'description'), DESCRIPTION_LENGTH),
    siteName: cleanText(first('og:site_name', 'application-name'), SITE_NAME_LENGTH),
    imageUrl: cleanImageUrl(
      first('og:image:secure_url', 'og:image:url', 'og:image', 'twitter:image', 'twitter:image:src'),
      pageUrl,
    ),
  };
}

/** The `charset=` parameter of a content type (a header, or <meta http-equiv> content). */
const charsetIn = (contentType: string): string | undefined =>
  /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1];

/** The page's declared charset (header first, then <meta>), when the runtime knows it; else UTF-8. */
export function decodePage(body: Buffer, contentType: string | undefined): string {
  const head = body.subarray(0, HEAD_BYTES);
  const fromHeader = charsetIn(contentType ?? '');
  const sniffed = head.subarray(0, 2048).toString('latin1');
  const fromMeta = scanHead(sniffed)
    .metas.map((tag) => {
      const attributes = attributesOf(tag);
      return attributes.get('charset') ?? charsetIn(attributes.get('content') ?? '');
    })
    .find((label) => label !== undefined && label !== '');
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
