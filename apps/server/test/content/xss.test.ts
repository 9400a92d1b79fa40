import { describe, expect, it } from 'vitest';
import { renderMarkdown, sanitizeRenderedHtml } from '../../src/platform/content/index.ts';
import { findings, isDangerousUrl } from './oracle.ts';

const resolveMention = (handle: string) =>
  handle === 'bob' ? { handle, name: 'Bob "<b>" Smith' } : undefined;

// Script URLs in the spellings of the OWASP XSS filter-evasion cheat sheet.
const SCRIPT_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'javascript&colon;alert(1)',
  'jav&#x09;ascript:alert(1)',
  'jav&#x0A;ascript:alert(1)',
  'jav&#x0D;ascript:alert(1)',
  'jav&#9;ascript:alert(1)',
  'jav\tascript:alert(1)',
  ' &#14;  javascript:alert(1)',
  '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)',
  '&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)',
  '&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)',
  '%6A%61%76%61%73%63%72%69%70%74%3Aalert(1)',
  'javascript%3Aalert(1)',
  '\\javascript:alert(1)',
  'java\\script:alert(1)',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:text/html,<script>alert(1)</script>',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'file:///etc/passwd',
  '//evil.example/x',
  '/\\evil.example/x',
  '<javascript:alert(1)>',
  'javascript://%0Aalert(1)',
  'javascript:/*--></title></style></textarea></script></xmp><svg/onload=alert(1)>',
];

// Raw HTML from the cheat sheet: with HTML off it must come out as text.
const RAW_HTML = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<IMG SRC=javascript:alert(&quot;XSS&quot;)>',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '<BODY ONLOAD=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '<<SCRIPT>alert("XSS");//<</SCRIPT>',
  '<IMG SRC="jav&#x09;ascript:alert(\'XSS\');">',
  "<STYLE>@import'http://xss.rocks/xss.css';</STYLE>",
  '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(1);">',
  '<TABLE BACKGROUND="javascript:alert(1)">',
  '<DIV STYLE="background-image: url(javascript:alert(1))">',
  '<object data="javascript:alert(1)">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<details open ontoggle=alert(1)>',
  '"><script>alert(1)</script>',
];

function forms(url: string): string[] {
  return [
    `[click](${url})`,
    `[click](<${url}>)`,
    `[click](${url} "title")`,
    `![img](${url})`,
    `[ref]\n\n[ref]: ${url}`,
    `<${url}>`,
    url,
    `[x](http://ok.example "a\\" onmouseover=\\"alert(1)")`,
  ];
}

describe('XSS vectors', () => {
  const cases = [...SCRIPT_URLS.flatMap(forms), ...RAW_HTML, ...RAW_HTML.map((h) => `\`${h}\`\n\n    ${h}`)];

  it.each(cases)('%j renders nothing executable', (source) => {
    const { html, links } = renderMarkdown(source, { resolveMention });
    expect(findings(html)).toEqual([]);
    expect(html).not.toMatch(/<(?:img|script|iframe|svg|object|style|meta)/i);
    for (const link of links) expect(isDangerousUrl(link)).toBe(false);
    expect(sanitizeRenderedHtml(html)).toBe(html);
  });

  it('keeps rel and target its own, and never renders mention names', () => {
    const { html } = renderMarkdown('[x](https://example.com "t") @bob [y](/spaces/s)', { resolveMention });
    expect(html).toContain(
      '<a href="https://example.com" title="t" rel="nofollow noopener noreferrer" target="_blank">x</a>',
    );
    // The name is withheld: a reader of the post may not be allowed to see who was mentioned.
    expect(html).toContain('<a href="/people/bob" class="mention">@bob</a>');
    expect(html).not.toContain('Smith');
    expect(html).toContain('<a href="/spaces/s">y</a>');
  });

  it('the sanitizer alone strips hostile HTML (defence in depth)', () => {
    const hostile =
      '<a href="jav&#x09;ascript:alert(1)" target="_top" onclick="x">a</a><img src=x onerror=alert(1)>' +
      '<a href="//evil.example">b</a><p style="color:red" class="x">c</p><script>alert(1)</script>' +
      '<h1>d</h1><a href="https://ok.example" rel="opener">e</a>';
    const clean = sanitizeRenderedHtml(hostile);
    expect(findings(clean)).toEqual([]);
    expect(clean).toBe(
      '<a>a</a><a>b</a><p>c</p>d<a href="https://ok.example" rel="nofollow noopener noreferrer" target="_blank">e</a>',
    );
  });

  it('a script scheme inside an https URL stays an https link', () => {
    const { html, links } = renderMarkdown('https://+#caféJaVaScRiPt:');
    expect(findings(html)).toEqual([]);
    for (const link of links) expect(link).toMatch(/^https:\/\//);
  });

  it('the oracle catches what it is meant to catch', () => {
    expect(findings('<a href="jav&#x09;ascript:alert(1)">x</a>')).not.toEqual([]);
    expect(findings('<a href="&#x6A;avascript:x">x</a>')).not.toEqual([]);
    expect(findings('<p onclick="x">y</p>')).not.toEqual([]);
    expect(findings('<img src="x">')).not.toEqual([]);
    expect(findings('<a href="https://ok" target="_top">x</a>')).not.toEqual([]);
    expect(findings('<a href="https://ok" rel="nofollow noopener noreferrer" target="_blank">x</a>')).toEqual(
      [],
    );
  });
});
