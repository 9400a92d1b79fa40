/**
 * Pathological input renders (linear time is measured by bench/content/markdown-render.ts, not asserted
 * here: no timing in unit tests) and nesting stays bounded.
 */
import { describe, expect, it } from 'vitest';
import { MAX_NESTING, renderMarkdown } from '../../src/platform/content/index.ts';

const SIZE = 20_000;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

const INPUTS: Record<string, string> = {
  'stars *': fill('*'),
  'brackets [': fill('['),
  'closing brackets ]': fill(']'),
  'underscores _': fill('_'),
  'backticks `': fill('`'),
  'tildes ~': fill('~'),
  'quotes >': fill('>'),
  'quotes "> "': fill('> '),
  'list nesting': Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i % 60)}- x`)
    .join('\n')
    .slice(0, SIZE),
  'emphasis pairs *a': fill('*a'),
  'emphasis mix **_': fill('**_a'),
  'link openers [a](': fill('[a]('),
  'image openers ![': fill('!['),
  'nested [[[]]]': `${'['.repeat(SIZE / 2 - 10)}a${']'.repeat(SIZE / 2 - 10)}`,
  'reference defs': fill('[a]: <\n'),
  'angle brackets <': fill('<'),
  'autolinks <http': fill('<http://a'),
  'entities &#': fill('&#'),
  'backslashes \\': fill('\\'),
  'at signs @': fill('@'),
  'hashes #': fill('#'),
  'mention runs @a': fill('@a.'),
  'topic runs #a-': fill('#a-'),
  'long topic run': `#${'a-'.repeat(SIZE / 2 - 1)}`,
  'emails a@b.': fill('a@b.'),
  'linkify dots': fill('a.'),
  'linkify urls': fill('http://a.com/ '),
  'www.': fill('www.'),
  'table pipes |': fill('|'),
  'table rows': fill('|a|\n|-|\n'),
  newlines: fill('\n'),
  'code fences': fill('```\n'),
  'headings #\\n': fill('# a\n'),
  mixed: fill('*_[`<@#&\\!>~|'),
  unicode: fill('é日本語👨‍👩‍👧'),
};

describe('pathological input', () => {
  it('renders every 20 KB pathological body to sanitized HTML without throwing', () => {
    for (const [name, source] of Object.entries(INPUTS)) {
      const { html } = renderMarkdown(source, { resolveMention: (handle) => ({ handle, name: handle }) });
      expect(html, name).not.toMatch(/<script|\son\w+=/i);
    }
  });
  it('bounds nesting depth', () => {
    const { html } = renderMarkdown(`${'>'.repeat(1000)} deep`);
    expect(html.match(/<blockquote>/g)?.length ?? 0).toBeLessThanOrEqual(MAX_NESTING);
    const { html: lists } = renderMarkdown(
      Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n'),
    );
    expect(lists.match(/<ul>/g)?.length ?? 0).toBeLessThanOrEqual(MAX_NESTING);
  });
});
