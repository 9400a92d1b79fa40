import { LIMITS } from '@atrium/contracts';
import { describe, expect, it } from 'vitest';
import { decodePage, parsePageMetadata } from '../../src/modules/link-previews/html-metadata.ts';
import {
  normalizePreviewUrl,
  previewLinksOf,
  previewUrlHash,
} from '../../src/modules/link-previews/preview-urls.ts';

describe('previewLinksOf', () => {
  it('takes markdown links and bare addresses in order, never code, at most the per-post limit', () => {
    const body = [
      'See [the plan](https://plans.example/q3#budget) and https://news.example/a.',
      '`https://inline-code.example/` is code, and so is this:',
      '```',
      'curl https://fenced-code.example/',
      '```',
      '    https://indented-code.example/',
      '',
      'Again https://PLANS.example:443/q3 (same page), mail to mailto:x@example.com,',
      'then https://third.example/ and https://fourth.example/.',
    ].join('\n');
    expect(previewLinksOf(body).map((l) => l.url)).toEqual([
      'https://plans.example/q3',
      'https://news.example/a',
      'https://third.example/',
    ]);
    expect(LIMITS.linkPreviewsPerPost).toBe(3);
  });

  it('ignores links the renderer refuses and non-web schemes', () => {
    expect(previewLinksOf('[x](javascript:alert(1)) [y](ftp://files.example/) [z](/relative)')).toEqual([]);
  });

  it('hashes the normalized URL', () => {
    expect(normalizePreviewUrl('HTTP://Example.COM:80/a?b=1#c')).toBe('http://example.com/a?b=1');
    expect(normalizePreviewUrl('https://exämple.com/')).toBe('https://xn--exmple-cua.com/');
    expect(normalizePreviewUrl('file:///etc/passwd')).toBeUndefined();
    expect(normalizePreviewUrl(`https://example.com/${'a'.repeat(LIMITS.url)}`)).toBeUndefined();
    expect(previewUrlHash('http://example.com/')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('parsePageMetadata', () => {
  const page = 'https://news.example/articles/1';

  it('prefers OpenGraph, then Twitter cards, then <title> and <meta name=description>', () => {
    const html = `<!doctype html><html><head>
      <title>Plain &amp; simple</title>
      <meta name="description" content="Meta description">
      <meta name="twitter:title" content="Twitter title">
      <meta property='og:title' content='OG &quot;title&quot; &#x2014; &#8220;quoted&#8221;'>
      <meta property=og:site_name content=NewsSite>
      <meta property="og:image" content="/img/cover.png">
      </head><body><meta property="og:description" content="in the body: ignored"></body></html>`;
    expect(parsePageMetadata(html, page)).toEqual({
      title: 'OG "title" — “quoted”',
      description: 'Meta description',
      siteName: 'NewsSite',
      imageUrl: 'https://news.example/img/cover.png',
    });
    expect(parsePageMetadata('<title>\n  Only   a\ttitle </title>', page)).toEqual({
      title: 'Only a title',
      description: null,
      siteName: null,
      imageUrl: null,
    });
  });

  it('ignores tags inside comments and scripts, and cuts long text', () => {
    const html = `<head><!-- <meta property="og:title" content="commented"> -->
      <script>document.write('<meta property="og:title" content="scripted">')</script>
      <meta property="og:title" content="${'long '.repeat(200)}">
      <meta property="og:description" content="\u202Eevil\u0007 text"></head>`;
    const metadata = parsePageMetadata(html, page);
    expect(Array.from(metadata.title ?? '').length).toBe(300);
    expect(metadata.title?.endsWith('…')).toBe(true);
    expect(metadata.description).toBe('evil text');
  });

  it.each([
    ['javascript:alert(1)', null],
    ['data:image/png;base64,AAAA', null],
    ['http://127.0.0.1/internal.png', null],
    ['http://[::ffff:169.254.169.254]/latest', null],
    ['https://user:pw@cdn.example/x.png', null],
    ['//cdn.example/x.png', 'https://cdn.example/x.png'],
    ['https://cdn.example/x.png?a=1&amp;b=2', 'https://cdn.example/x.png?a=1&b=2'],
  ])('keeps only absolute public http(s) image URLs: %s', (image, expected) => {
    const html = `<meta property="og:title" content="t"><meta property="og:image" content="${image}">`;
    expect(parsePageMetadata(html, page).imageUrl).toBe(expected);
  });

  it('reads hostile pages in one linear pass, with the right answer', () => {
    const nothing = { title: null, description: null, siteName: null, imageUrl: null };
    expect(parsePageMetadata('<title'.repeat(40000), page)).toEqual(nothing);
    expect(parsePageMetadata('<meta a="'.repeat(40000), page)).toEqual(nothing);
    expect(parsePageMetadata('<script'.repeat(40000), page)).toEqual(nothing);
    expect(parsePageMetadata('<style>'.repeat(40000), page)).toEqual(nothing);
    expect(parsePageMetadata('<!--'.repeat(40000), page)).toEqual(nothing);
    expect(parsePageMetadata(`<title>Kept</title>${'<title'.repeat(40000)}`, page).title).toBe('Kept');
    const described = `<meta name="description" content="Kept">${'<meta a="'.repeat(40000)}`;
    expect(parsePageMetadata(described, page).description).toBe('Kept');
    // One tag full of attributes, and a value with no closing quote.
    const crowded = `<meta ${'a="'.repeat(4000)} name="description" content="Many"><meta content="x ${'b='.repeat(4000)}>`;
    expect(parsePageMetadata(crowded, page).description).toBe('Many');
    expect(decodePage(Buffer.from('<meta a="'.repeat(40000)), undefined)).toHaveLength(32 * 1024);
  });

  it('reads only the first 32 KB', () => {
    const late = `<head>${' '.repeat(32 * 1024)}<title>Too late</title></head>`;
    expect(parsePageMetadata(late, page).title).toBeNull();
    expect(parsePageMetadata(`<title>Early</title>${' '.repeat(64 * 1024)}`, page).title).toBe('Early');
  });

  it('decodes the charset from the header or a <meta> tag', () => {
    const latin1 = Buffer.from('<meta charset="iso-8859-1"><title>Caf\xe9</title>', 'latin1');
    expect(parsePageMetadata(decodePage(latin1, 'text/html'), page).title).toBe('Café');
    const headerWins = Buffer.from('<title>Caf\xe9</title>', 'latin1');
    expect(parsePageMetadata(decodePage(headerWins, 'text/html; charset=windows-1252'), page).title).toBe(
      'Café',
    );
    const utf8 = Buffer.from('<meta charset="no-such-charset"><title>Café</title>');
    expect(parsePageMetadata(decodePage(utf8, undefined), page).title).toBe('Café');
  });
});
