// Markdown rendering on pathological 20 KB bodies: best of five after a warm-up, goal < 50 ms each so
// rendering stays linear (RELIABILITY.md R15). Timings are measured here, never asserted in unit tests.
// Run: node bench/content/markdown-render.ts
import { renderMarkdown } from '../../apps/server/src/platform/content/index.ts';

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

export function timed(source: string): number {
  const start = performance.now();
  renderMarkdown(source, { resolveMention: (handle) => ({ handle, name: handle }) });
  return performance.now() - start;
}

timed(fill('warm *up* [x](http://a.com) @a #b\n'));
const slow: string[] = [];
process.stdout.write('| input | chars | best of 5 (ms) |\n| --- | --- | --- |\n');
for (const [name, source] of Object.entries(INPUTS)) {
  const best = Math.min(...Array.from({ length: 5 }, () => timed(source)));
  process.stdout.write(`| ${name} | ${source.length} | ${best.toFixed(1)} |\n`);
  if (best >= 50) slow.push(name);
}
process.stdout.write(slow.length === 0 ? '\nall under 50 ms\n' : `\nover 50 ms: ${slow.join(', ')}\n`);
process.exitCode = slow.length === 0 ? 0 : 1;
