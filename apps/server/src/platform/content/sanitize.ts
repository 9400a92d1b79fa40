/**
 * The last line of defence: every rendered body goes through sanitize-html with an explicit allow-list.
 * markdown-it already runs with raw HTML off and a strict link validator; this pass holds even if a
 * renderer rule or plugin gets something wrong. The output is a fixed point: sanitizing it again
 * changes nothing (tested), so stored HTML can be re-checked cheaply.
 */
import sanitizeHtml from 'sanitize-html';

const EXTERNAL_REL = 'nofollow noopener noreferrer';

/** Schemes allowed in `href`, checked on the decoded value. Everything else (including `//host`) is refused. */
const ABSOLUTE_URL = /^(?:https?:\/\/|mailto:)/i;
/** Our own relative paths: one leading slash, never `//` or `/\` (which browsers treat as another host). */
const OWN_PATH = /^\/(?![/\\])/;
// Controls, spaces and DEL: browsers drop or ignore them inside a scheme, so an href containing any of them
// is refused outright (markdown-it percent-encodes spaces in the links it accepts).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f]/;

/** Whether an href (already entity-decoded) is one we link to. */
export function isAllowedHref(href: string): boolean {
  if (CONTROL_OR_SPACE.test(href)) return false;
  return ABSOLUTE_URL.test(href) || OWN_PATH.test(href);
}

const HEADINGS = ['h3', 'h4', 'h5', 'h6'];
const ALIGN = [/^(?:left|right|center)$/];

export const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    's',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    ...HEADINGS,
    'a',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'class', 'rel', 'target'],
    code: ['class'],
    ol: ['start'],
    th: ['style'],
    td: ['style'],
  },
  allowedClasses: {
    a: ['mention', 'topic'],
    code: [/^language-[\w+#.-]{1,40}$/],
  },
  allowedStyles: {
    th: { 'text-align': ALIGN },
    td: { 'text-align': ALIGN },
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  allowedIframeHostnames: [],
  allowVulnerableTags: false,
  disallowedTagsMode: 'discard',
  enforceHtmlBoundary: false,
  transformTags: {
    // Links are rebuilt from scratch: rel and target are ours, never the input's. A link whose href is
    // not allowed keeps its text and loses every attribute (an inert `<a>`). Renaming the tag instead
    // would trip sanitize-html's per-depth rename map, which can rename a later closing tag.
    a: (_tagName, attribs) => {
      const href = attribs.href ?? '';
      if (!isAllowedHref(href)) return { tagName: 'a', attribs: {} };
      const out: sanitizeHtml.Attributes = { href };
      if (attribs.title) out.title = attribs.title;
      if (attribs.class === 'mention' || attribs.class === 'topic') {
        out.class = attribs.class;
      } else if (/^https?:/i.test(href)) {
        out.rel = EXTERNAL_REL;
        out.target = '_blank';
      } else if (!OWN_PATH.test(href)) {
        out.rel = EXTERNAL_REL;
      }
      return { tagName: 'a', attribs: out };
    },
  },
};

export function sanitizeRenderedHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}
