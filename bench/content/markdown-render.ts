// Markdown rendering on pathological 20 KB bodies: best of five after a warm-up, goal < 50 ms each so
// rendering stays linear (RELIABILITY.md R15). Timings are measured here, never asserted in unit tests.
// Run: node bench/content/markdown-render.ts
import { renderMarkdown } from '../../apps/server/src/platform/content/index.ts';
import { fill, INPUTS } from '../../apps/server/test/content/pathological-inputs.ts';

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
