// P10 (CPU per delivery, deliveries/s) and P11 (/me latency during broadcasts) from one real-time run.
import { type GoalReport, ms, num, pct, type Row, times } from '../lib/report.ts';
import { info, k, skipped, us, type View } from './realtime-rows.ts';

const P10_CPU = 1.5;
const P10_RATE = 0.5;
const P11_RISE_MS = 20;

export function p10Report(view: View): GoalReport {
  const { run, sizes, large, raw, app } = view;
  const rows: Row[] = [];
  let pass = true;
  for (const n of [...sizes].reverse()) {
    const rb = raw(n)?.burst;
    const ab = app(n)?.burst;
    const judged = n === large;
    const cpuRatio =
      rb && ab && rb.cpuPerDeliveryUs > 0
        ? ab.cpuPerDeliveryUs / rb.cpuPerDeliveryUs
        : Number.POSITIVE_INFINITY;
    const rateRatio =
      rb && ab && rb.deliveriesPerSecond > 0 ? ab.deliveriesPerSecond / rb.deliveriesPerSecond : 0;
    if (judged) pass = cpuRatio <= P10_CPU && rateRatio >= P10_RATE;
    rows.push(
      {
        metric: `${judged ? 'P10 ' : ''}server CPU per delivery, ${k(n)} sockets (µs)`,
        baseline: rb ? us(rb.cpuPerDeliveryUs) : '–',
        app: ab ? us(ab.cpuPerDeliveryUs) : '–',
        ratio: rb && ab ? times(cpuRatio) : '',
        goal: judged ? `≤ ${P10_CPU}× raw` : '',
        result: judged ? (cpuRatio <= P10_CPU ? 'pass' : 'FAIL') : 'info',
        ...(judged && ab ? { value: ab.cpuPerDeliveryUs, higherIsBetter: false } : {}),
      },
      {
        metric: `${judged ? 'P10 ' : ''}deliveries/s, ${k(n)} sockets`,
        baseline: rb ? num(rb.deliveriesPerSecond) : '–',
        app: ab ? num(ab.deliveriesPerSecond) : '–',
        ratio: rb && ab ? pct(rateRatio) : '',
        goal: judged ? `≥ ${pct(P10_RATE)} of raw` : '',
        result: judged ? (rateRatio >= P10_RATE ? 'pass' : 'FAIL') : 'info',
        ...(judged && ab ? { value: ab.deliveriesPerSecond, higherIsBetter: true } : {}),
      },
    );
  }
  const lb = app(large)?.burst;
  const rlb = raw(large)?.burst;
  rows.push(
    info(
      `burst at ${k(large)}: broadcasts, seconds, server CPU (ms)`,
      rlb ? `${rlb.posts}, ${rlb.seconds.toFixed(2)}, ${num(rlb.cpuMs)}` : '–',
      lb ? `${lb.posts}, ${lb.seconds.toFixed(2)}, ${num(lb.cpuMs)}` : '–',
    ),
    info(
      `server CPU per delivery net of the post's own cost, ${k(large)} (µs)`,
      rlb ? us(rlb.cpuPerDeliveryUs) : '–',
      lb && run.postCpuMs !== undefined && lb.delivered > 0
        ? us(Math.max(0, lb.cpuMs - lb.posts * run.postCpuMs) * (1000 / lb.delivered))
        : '–',
    ),
    info(
      'app CPU per post with no socket connected (ms)',
      '',
      run.postCpuMs === undefined ? '–' : ms(run.postCpuMs),
    ),
    info(
      'foreign CPU load (largest size)',
      raw(large) ? pct(raw(large)?.foreignLoad ?? 0) : '–',
      app(large) ? pct(app(large)?.foreignLoad ?? 0) : '–',
    ),
  );
  const note =
    `Broadcasts back to back (the app: 4 posts in flight; raw: one broadcast per event-loop turn), about ` +
    `200k deliveries per size; deliveries/s from the first send to the last delivery; CPU is the server ` +
    `process's user + system time over the same span (/proc/<pid>/stat), so the app's includes the POST, ` +
    `the commit and the outbox.`;
  return run.gateway.available
    ? {
        goal: 'P10',
        title: 'WebSocket CPU',
        note,
        rows,
        pass,
        raw: sizes.map((n) => ({ sockets: n, raw: raw(n)?.burst, app: app(n)?.burst })),
      }
    : skipped(
        'P10',
        'WebSocket CPU',
        run,
        rows.filter((row) => row.baseline !== '–'),
      );
}

export function p11Report(view: View): GoalReport {
  const { run, large, app } = view;
  const me = app(large)?.me;
  const rise = me ? me.during.latencyMs.p99 - me.idle.latencyMs.p99 : Number.POSITIVE_INFINITY;
  const errors = me ? me.during.non2xx + me.during.errors + me.idle.non2xx + me.idle.errors : 0;
  const rows: Row[] = [
    {
      metric: `P11 GET /api/v1/me p99, idle → during the ${k(large)} broadcasts (ms)`,
      baseline: me ? ms(me.idle.latencyMs.p99) : '–',
      app: me ? ms(me.during.latencyMs.p99) : '–',
      ratio: me ? `+${ms(Math.max(0, rise))} ms` : '',
      goal: `≤ +${P11_RISE_MS} ms`,
      result: rise <= P11_RISE_MS && errors === 0 ? 'pass' : 'FAIL',
      ...(me ? { value: me.during.latencyMs.p99, higherIsBetter: false } : {}),
    },
    info(
      '/me p50, idle → during (ms)',
      me ? ms(me.idle.latencyMs.p50) : '–',
      me ? ms(me.during.latencyMs.p50) : '–',
    ),
    info('/me requests, idle → during', me ? num(me.idle.total) : '–', me ? num(me.during.total) : '–'),
    info(
      '/me max, idle → during (ms)',
      me ? ms(me.idle.latencyMs.max) : '–',
      me ? ms(me.during.latencyMs.max) : '–',
    ),
    info(
      'broadcasts meanwhile; deliveries received / expected',
      '',
      me ? `${me.broadcasts.posts}; ${num(me.broadcasts.delivered)} / ${num(me.broadcasts.expected)}` : '–',
    ),
    info('foreign CPU load', '', me ? pct(me.foreignLoad) : '–'),
    {
      ...info('/me non-2xx + errors', '', me ? String(errors) : '–'),
      goal: '0',
      result: me && errors === 0 ? 'pass' : 'FAIL',
    },
  ];
  const note =
    `GET /api/v1/me at 200 requests/s in open loop (latency from each request's scheduled start) from the ` +
    `bench process, for the same length of time twice: with the ${k(large)} sockets connected and idle, then ` +
    `while the app broadcasts to all of them one post after another (each sent once the previous one ` +
    `reached every socket, so the server is always broadcasting and no backlog builds up).`;
  return run.gateway.available
    ? {
        goal: 'P11',
        title: `isolation during a ${k(large)} broadcast`,
        note,
        rows,
        pass: rows[0]?.result === 'pass' && errors === 0,
        raw: me,
      }
    : skipped('P11', `isolation during a ${k(large)} broadcast`, run, []);
}
