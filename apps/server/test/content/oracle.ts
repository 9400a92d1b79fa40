/**
 * An independent check of rendered HTML: every tag is on the allow-list, no event-handler attribute,
 * and no URL attribute that a browser would run (after decoding entities and dropping the characters
 * browsers ignore inside a scheme). Written without the sanitizer so it can disagree with it.
 */

const ALLOWED_TAGS = new Set([
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
  'h3',
  'h4',
  'h5',
  'h6',
  'a',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);
const ALLOWED_ATTRIBUTES = new Set(['href', 'title', 'class', 'rel', 'target', 'start', 'style']);

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, body: string) => {
    const lower = body.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16) % 0x110000);
    if (lower.startsWith('#')) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10) % 0x110000);
    const named: Record<string, string> = {
      amp: '&',
      lt: '<',
      gt: '>',
      quot: '"',
      apos: "'",
      colon: ':',
      tab: '\t',
      newline: '\n',
    };
    return named[lower] ?? whole;
  });
}

/** Whether a URL, as a browser would read it, uses a scheme that runs code or embeds content. */
export function isDangerousUrl(raw: string): boolean {
  let value = raw;
  for (let i = 0; i < 3; i++) value = decodeEntities(value);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers ignore these inside a scheme
  const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  return /^(?:javascript|vbscript|data|file|blob|filesystem):/.test(compact) || compact.startsWith('//');
}

export function findings(html: string): string[] {
  const problems: string[] = [];
  if (/<\s*script/i.test(html)) problems.push('script tag');
  const tags = html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g);
  for (const [whole, name = '', rest = ''] of tags) {
    if (!ALLOWED_TAGS.has(name.toLowerCase())) problems.push(`tag ${name}`);
    // The sanitizer always writes attributes as name="value" with quotes escaped inside the value, so
    // anything else between the name and the end of the tag is itself a finding.
    const leftover = rest.replace(/\s([^\s="'/>]+)(?:="[^"]*")?/g, '').replace(/\s*\/?$/, '');
    if (leftover !== '') problems.push(`unparsed attributes in ${whole}`);
    for (const [, attribute = '', value = ''] of rest.matchAll(/\s([^\s="'/>]+)(?:="([^"]*)")?/g)) {
      const key = attribute.toLowerCase();
      if (/^on/.test(key)) problems.push(`event handler in ${whole}`);
      if (!ALLOWED_ATTRIBUTES.has(key)) problems.push(`attribute ${attribute} in ${whole}`);
      // By scheme, as a browser reads it: `https://x/#javascript:` is an https link (found by the fuzzer).
      if ((key === 'href' || key === 'src') && isDangerousUrl(value)) problems.push(`URL ${value}`);
      if (key === 'target' && value !== '_blank') problems.push(`target ${value}`);
      if (key === 'style' && !/^text-align:(?:left|right|center)$/.test(value))
        problems.push(`style ${value}`);
    }
  }
  return problems;
}
