/** Pathological 20 KB markdown bodies, shared by the rendering test and bench/content/markdown-render.ts. */
export const SIZE = 20_000;
export const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

export const INPUTS: Record<string, string> = {
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
