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
  result: 'pass' | 'FAIL' | 'info' | 'skip';
  /** The app's figure as a number, for `--compare`; `higherIsBetter` says which way is a regression. */
  value?: number;
  higherIsBetter?: boolean;
}

/** One goal's outcome: its table rows, whether it passed, and the raw figures behind them. */
export interface GoalReport {
  goal: string;
  title: string;
  /** A line under the heading: what was measured, how. */
  note: string;
  rows: Row[];
  pass: boolean;
  /** True when the goal could not be measured (e.g. its endpoint does not exist yet). */
  skipped?: boolean;
  raw: unknown;
}

export const ms = (n: number): string => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
export const times = (n: number): string => `${n.toFixed(2)}×`;

export function goalSection(report: GoalReport): string {
  return `## ${report.goal} — ${report.title}\n\n${report.note}\n\n${markdownTable(report.rows)}\n`;
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
