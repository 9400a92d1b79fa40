import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RESULTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../results');

export interface Row {
  metric: string;
  baseline: string;
  app: string;
  ratio: string;
  goal: string;
  result: 'pass' | 'FAIL' | 'info';
}

export const num = (n: number): string => Math.round(n).toLocaleString('en-US');
export const pct = (n: number): string => `${(n * 100).toFixed(1)}%`;

export function markdownTable(rows: Row[]): string {
  const header = ['metric', 'baseline', 'app', 'ratio', 'goal', 'pass/fail'];
  const lines = rows.map((r) => [r.metric, r.baseline, r.app, r.ratio, r.goal, r.result]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n');
}

/** Raw figures as JSON under bench/results/ (git-ignored), named by goal and time. */
export function writeResult(name: string, data: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${new Date().toISOString().replace(/[:.]/g, '-')}-${name}.json`);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}
