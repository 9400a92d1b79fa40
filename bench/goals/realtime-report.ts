// The P8–P11 tables from one real-time run (goals/realtime.ts): P8 and P9 here, P10 and P11 in
// realtime-report-load.ts.
import { type GoalReport, ms, type Row, times } from '../lib/report.ts';
import type { RealtimeRun } from './realtime.ts';
import { p10Report, p11Report } from './realtime-report-load.ts';
import {
  completeness,
  info,
  k,
  lastRatio,
  latencyRows,
  pp,
  pp1,
  skipped,
  type View,
  viewOf,
} from './realtime-rows.ts';

const P8_MS = 50;
const P9_RATIO = 2;

export function realtimeReports(run: RealtimeRun, only: ReadonlySet<string>): GoalReport[] {
  const view = viewOf(run);
  const { large } = view;
  const setup =
    `One open space, ${k(large)} members each holding one socket (session cookie, Origin = PUBLIC_URL, ` +
    `subscribed to \`space:<id>\`), in a client process of their own; \`atrium serve\` on SQLite ` +
    `(ready in ${run.appReadyMs} ms), and a bare \`ws\` server broadcasting the same-sized JSON frame ` +
    `(${run.frameBytes} bytes) to the same sockets. Times on one monotonic clock across processes; ` +
    `"commit" is the 201 of POST /api/v1/posts (raw: the start of its broadcast loop), "last" the slowest ` +
    `socket. Posts one at a time: ${Object.entries(run.postsPerSize)
      .map(([n, posts]) => `${posts} at ${k(Number(n))}`)
      .join(', ')}.`;
  const reports: GoalReport[] = [];
  if (only.has('p8')) reports.push(p8Report(view, setup));
  if (only.has('p9')) reports.push(p9Report(view, setup));
  if (only.has('p10')) reports.push(p10Report(view));
  if (only.has('p11')) reports.push(p11Report(view));
  return reports;
}

export function p8Report(view: View, setup: string): GoalReport {
  const { run, small, raw, app } = view;
  const a = app(small);
  const r = raw(small);
  const c = completeness(a);
  const p99 = a?.latency?.commitToLast.p99 ?? Number.POSITIVE_INFINITY;
  const rows: Row[] = [
    {
      metric: `P8 commit → last delivery p99, ${k(small)} sockets (ms)`,
      baseline: r?.latency ? ms(r.latency.commitToLast.p99) : '–',
      app: a?.latency ? ms(p99) : '–',
      ratio: r?.latency && a?.latency ? times(p99 / r.latency.commitToLast.p99) : '',
      goal: `≤ ${P8_MS} ms`,
      result: p99 <= P8_MS && c.complete ? 'pass' : 'FAIL',
      value: a?.latency ? p99 : undefined,
      higherIsBetter: false,
    },
    info(
      `send → last delivery p50 / p99, ${k(small)} (ms)`,
      pp(r?.latency?.sendToLast),
      pp(a?.latency?.sendToLast),
    ),
    ...latencyRows(small, r, a),
  ];
  return run.gateway.available
    ? {
        goal: 'P8',
        title: `post → ${k(small)} sockets`,
        note: setup,
        rows,
        pass: rows[0]?.result === 'pass' && c.complete,
        raw: { raw: r, app: a },
      }
    : skipped(
        'P8',
        `post → ${k(small)} sockets`,
        run,
        rows.filter((row) => row.baseline !== '–'),
      );
}

export function p9Report(view: View, setup: string): GoalReport {
  const { run, sizes, small, large, raw, app } = view;
  const ratio = lastRatio(raw(large), app(large));
  const c = completeness(app(large));
  const rows: Row[] = sizes.map((n) => {
    const rr = raw(n)?.latency?.commitToLast.p50;
    const aa = app(n)?.latency?.commitToLast.p50;
    const judged = n === large;
    return {
      metric: `${judged ? 'P9 ' : ''}time to last delivery p50, ${k(n)} sockets (ms)`,
      baseline: rr === undefined ? '–' : ms(rr),
      app: aa === undefined ? '–' : ms(aa),
      ratio: rr && aa !== undefined ? times(aa / rr) : '',
      goal: judged ? `≤ ${P9_RATIO}× raw` : '',
      result: judged ? (ratio <= P9_RATIO && c.complete ? 'pass' : 'FAIL') : 'info',
      ...(judged && aa !== undefined ? { value: aa, higherIsBetter: false } : {}),
    };
  });
  rows.push(
    info(
      `time to last delivery p99, ${k(large)} (ms)`,
      pp1(raw(large)?.latency?.commitToLast.p99),
      pp1(app(large)?.latency?.commitToLast.p99),
    ),
  );
  for (const n of sizes.filter((s) => s !== small)) rows.push(...latencyRows(n, raw(n), app(n)));
  return run.gateway.available
    ? {
        goal: 'P9',
        title: `post → ${k(large)} sockets, one node`,
        note: `${setup} Time to last delivery: commit → the slowest socket, median over the posts.`,
        rows,
        pass: rows.some((row) => row.metric.startsWith('P9 ') && row.result === 'pass'),
        raw: sizes.map((n) => ({ sockets: n, raw: raw(n), app: app(n) })),
      }
    : skipped(
        'P9',
        `post → ${k(large)} sockets, one node`,
        run,
        rows.filter((row) => row.baseline !== '–'),
      );
}
