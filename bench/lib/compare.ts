import { readFileSync } from 'node:fs';
import type { GoalReport, Row } from './report.ts';

/** A figure that got this much worse is flagged as a regression (machines are noisy: not less). */
const REGRESSION = 0.2;

interface RunFile {
  environment?: { date?: string; gitSha?: string | null };
  goals?: GoalReport[];
}

function read(file: string): RunFile {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RunFile;
  } catch (error) {
    throw new Error(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const key = (goal: string, row: Row) => `${goal}\u0000${row.metric}`;

/** `--compare old.json new.json`: every figure of both runs side by side; non-zero exit on a regression. */
export function compareRuns(oldFile: string, newFile: string): { table: string; regressions: number } {
  const before = read(oldFile);
  const after = read(newFile);
  const old = new Map<string, Row>();
  for (const g of before.goals ?? [])
    for (const r of g.rows) if (r.value !== undefined) old.set(key(g.goal, r), r);
  const lines = ['| goal | metric | old | new | change | verdict |', '| --- | --- | --- | --- | --- | --- |'];
  let regressions = 0;
  for (const g of after.goals ?? []) {
    for (const r of g.rows) {
      if (r.value === undefined) continue;
      const o = old.get(key(g.goal, r));
      if (!o || o.value === undefined) {
        lines.push(`| ${g.goal} | ${r.metric} | – | ${r.app} | | new |`);
        continue;
      }
      const change = o.value === 0 ? 0 : (r.value - o.value) / Math.abs(o.value);
      const worse = r.higherIsBetter === false ? change > REGRESSION : change < -REGRESSION;
      const broke = o.result === 'pass' && r.result === 'FAIL';
      if (worse || broke) regressions++;
      const verdict = broke
        ? 'now FAILS'
        : worse
          ? 'regression'
          : r.result === 'pass' && o.result === 'FAIL'
            ? 'now passes'
            : '';
      lines.push(
        `| ${g.goal} | ${r.metric} | ${o.app} | ${r.app} | ${(change * 100).toFixed(1)}% | ${verdict} |`,
      );
    }
  }
  const header =
    `old: ${oldFile} (${before.environment?.date ?? '?'}, git ${before.environment?.gitSha?.slice(0, 10) ?? '?'})\n` +
    `new: ${newFile} (${after.environment?.date ?? '?'}, git ${after.environment?.gitSha?.slice(0, 10) ?? '?'})\n\n`;
  return { table: header + lines.join('\n'), regressions };
}
