// Shared pieces of the P8–P11 tables (goals/realtime-report.ts, goals/realtime-report-load.ts).
import { type GoalReport, ms, num, type Row } from '../lib/report.ts';
import type { Percentiles } from '../lib/stats.ts';
import type { RealtimeRun, SizeResult } from './realtime.ts';

export const k = (n: number) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : num(n));
export const triple = (p: Percentiles | undefined) =>
  p ? `${ms(p.p50)} / ${ms(p.p99)} / ${ms(p.max)}` : '–';
export const us = (n: number) => (n >= 10 ? n.toFixed(1) : n.toFixed(2));
export const info = (metric: string, baseline: string, app: string, ratio = ''): Row => ({
  metric,
  baseline,
  app,
  ratio,
  goal: '',
  result: 'info',
});

export function find(run: RealtimeRun, target: 'app' | 'raw', sockets: number): SizeResult | undefined {
  return run.results.find((r) => r.target === target && r.sockets === sockets);
}

/** Deliveries received / expected over both phases; a lost delivery fails the goal it belongs to. */
export function completeness(result: SizeResult | undefined): { text: string; complete: boolean } {
  if (!result?.latency || !result.burst) return { text: '–', complete: false };
  const got = result.latency.delivered + result.burst.delivered;
  const want = result.latency.expected + result.burst.expected;
  const refused = result.connect.failed;
  return {
    text: `${num(got)} / ${num(want)}${refused ? ` (${refused} sockets refused)` : ''}`,
    complete: got === want && refused === 0,
  };
}

export function latencyRows(n: number, raw: SizeResult | undefined, app: SizeResult | undefined): Row[] {
  const c = completeness(app);
  return [
    info(
      `send → delivery p50 / p99 / last, ${k(n)} (ms)`,
      triple(raw?.latency?.sendToDelivery),
      triple(app?.latency?.sendToDelivery),
    ),
    info(
      `commit → delivery p50 / p99 / last, ${k(n)} (ms)`,
      triple(raw?.latency?.commitToDelivery),
      triple(app?.latency?.commitToDelivery),
    ),
    {
      ...info(`deliveries received / expected, ${k(n)}`, completeness(raw).text, c.text),
      goal: 'all',
      result: c.complete ? 'pass' : 'FAIL',
    },
  ];
}

export const lastRatio = (raw: SizeResult | undefined, app: SizeResult | undefined) => {
  const r = raw?.latency?.commitToLast.p50 ?? 0;
  const a = app?.latency?.commitToLast.p50 ?? 0;
  return r > 0 ? a / r : Number.POSITIVE_INFINITY;
};

export function skipped(goal: string, title: string, run: RealtimeRun, rows: Row[]): GoalReport {
  return {
    goal,
    title,
    note: `/api/v1/stream is not there yet (${run.gateway.reason ?? 'refused'}); the raw \`ws\` baseline was measured.`,
    pass: false,
    skipped: true,
    rows: [
      // Only the baseline could be measured: its figures inform, they do not judge.
      ...rows.map(({ value: _value, higherIsBetter: _h, ...row }) => ({ ...row, result: 'info' as const })),
      {
        metric: `${goal} /api/v1/stream`,
        baseline: '',
        app: run.gateway.reason ?? '',
        ratio: '',
        goal: '101',
        result: 'skip',
      },
    ],
    raw: run,
  };
}

export function pp(p: Percentiles | undefined): string {
  return p ? `${ms(p.p50)} / ${ms(p.p99)}` : '–';
}

export function pp1(n: number | undefined): string {
  return n === undefined ? '–' : ms(n);
}

/** The results of one run by target and size, and the sizes that the goals judge. */
export interface View {
  run: RealtimeRun;
  sizes: number[];
  small: number;
  large: number;
  raw(n: number): SizeResult | undefined;
  app(n: number): SizeResult | undefined;
}

export function viewOf(run: RealtimeRun): View {
  const sizes = run.sizes;
  return {
    run,
    sizes,
    small: sizes[0] ?? 0,
    large: sizes[sizes.length - 1] ?? 0,
    raw: (n) => find(run, 'raw', n),
    app: (n) => find(run, 'app', n),
  };
}
