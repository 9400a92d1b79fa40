// P2 (home feed throughput, closed loop -c 50, against bare Fastify) and P5 (open loop at 50% of the P2
// maximum: p99 and errors).
import type { DatasetBench, Target } from '../lib/fixture.ts';
import { HOME, homeRequest } from '../lib/fixture.ts';
import { type LoopResult, openLoop } from '../lib/http-client.ts';
import { type LoadSummary, load } from '../lib/load.ts';
import { NOISY, quietest, withForeignLoad } from '../lib/measure.ts';
import type { RawTiming } from '../lib/raw-feed.ts';
import { type GoalReport, ms, num, pct } from '../lib/report.ts';

const P2_GOAL = 0.15;
const P2_STRETCH = 0.25;
const P5_P99_MS = 25;

async function closedLoop(
  bench: DatasetBench,
  target: Target,
): Promise<{ summary: LoadSummary; foreignLoad: number }> {
  const base = { url: target.url, path: HOME, connections: 50, requestFor: homeRequest(bench.people) };
  const warmup = Math.min(2, bench.options.seconds);
  const { value, foreignLoad } = await withForeignLoad([target.pid], async () => {
    await load({ ...base, durationSeconds: warmup });
    return (await load({ ...base, durationSeconds: bench.options.seconds })).summary;
  });
  return { summary: value, foreignLoad };
}

export interface P2Outcome {
  report: GoalReport;
  /** The app's closed-loop maximum (req/s), the basis of P5's rate. */
  maxRps: number;
}

export async function runP2(bench: DatasetBench, raw: RawTiming): Promise<P2Outcome> {
  const { log, options } = bench;
  const measured = await quietest(
    'P2',
    options.attempts,
    async () => {
      log(
        `P2: closed loop -c 50 -d ${options.seconds}: bare node:http, bare Fastify, then the app's home feed…`,
      );
      const node = await closedLoop(bench, bench.node);
      const fastify = await closedLoop(bench, bench.fastify);
      const app = await closedLoop(bench, bench.app);
      return { node, fastify, app };
    },
    (r) => Math.max(r.node.foreignLoad, r.fastify.foreignLoad, r.app.foreignLoad),
    log,
  );
  const { node, fastify, app } = measured;
  const ratio = app.summary.requestsPerSecond / fastify.summary.requestsPerSecond;
  const clean = app.summary.non2xx === 0 && app.summary.errors === 0;
  const pass = ratio >= P2_GOAL && clean;
  const report: GoalReport = {
    goal: 'P2',
    title: 'home feed throughput',
    note:
      `GET ${HOME}, autocannon -c 50 -d ${options.seconds} after a warm-up, a different person and session per ` +
      `request (${bench.people.length} people); baseline: bare Fastify on the same path with the same headers.`,
    pass,
    rows: [
      {
        metric: 'P2 home feed req/s',
        baseline: num(fastify.summary.requestsPerSecond),
        app: num(app.summary.requestsPerSecond),
        ratio: pct(ratio),
        goal: `≥ ${pct(P2_GOAL)}`,
        result: pass ? 'pass' : 'FAIL',
        value: app.summary.requestsPerSecond,
        higherIsBetter: true,
      },
      {
        metric: 'P2 stretch',
        baseline: '',
        app: '',
        ratio: pct(ratio),
        goal: `≥ ${pct(P2_STRETCH)}`,
        result: 'info',
      },
      {
        metric: 'bare node:http req/s (vs Fastify)',
        baseline: num(node.summary.requestsPerSecond),
        app: num(fastify.summary.requestsPerSecond),
        ratio: pct(fastify.summary.requestsPerSecond / node.summary.requestsPerSecond),
        goal: '',
        result: 'info',
      },
      {
        metric: 'raw SQL pages/s, one thread (vs app)',
        baseline: num(raw.pagesPerSecond),
        app: num(app.summary.requestsPerSecond),
        ratio: pct(app.summary.requestsPerSecond / raw.pagesPerSecond),
        goal: '',
        result: 'info',
      },
      {
        metric: 'latency p50 / p99 at -c 50 (ms)',
        baseline: `${fastify.summary.latencyMs.p50} / ${fastify.summary.latencyMs.p99}`,
        app: `${app.summary.latencyMs.p50} / ${app.summary.latencyMs.p99}`,
        ratio: '',
        goal: '',
        result: 'info',
      },
      {
        metric: 'non-2xx / errors',
        baseline: `${fastify.summary.non2xx} / ${fastify.summary.errors}`,
        app: `${app.summary.non2xx} / ${app.summary.errors}`,
        ratio: '',
        goal: '0 / 0',
        result: clean ? 'pass' : 'FAIL',
      },
      {
        metric: 'foreign CPU load (attempts)',
        baseline: pct(fastify.foreignLoad),
        app: `${pct(app.foreignLoad)} (${measured.attempts})`,
        ratio: '',
        goal: `≤ ${pct(NOISY)}`,
        result: 'info',
      },
    ],
    raw: { node, fastify, app, rawSql: raw, attempts: measured.attempts },
  };
  return { report, maxRps: app.summary.requestsPerSecond };
}

/** The app's closed-loop maximum when P2 did not run in this invocation. */
export async function measureMaxRps(bench: DatasetBench): Promise<number> {
  bench.log('P5: measuring the closed-loop maximum first (P2 did not run)…');
  return (await closedLoop(bench, bench.app)).summary.requestsPerSecond;
}

export async function runP5(bench: DatasetBench, maxRps: number): Promise<GoalReport> {
  const { log, options } = bench;
  const rate = Math.max(1, Math.round(maxRps / 2));
  const request = homeRequest(bench.people);
  const measured = await quietest(
    'P5',
    options.attempts,
    async () => {
      log(
        `P5: open loop at ${rate} req/s (50% of ${num(maxRps)}) for ${options.seconds} s: bare Fastify, then the app…`,
      );
      const fastify = await withForeignLoad([bench.fastify.pid], () =>
        openLoop(bench.fastify.url, request, { rate, seconds: options.seconds }),
      );
      const app = await withForeignLoad([bench.app.pid], () =>
        openLoop(bench.app.url, request, { rate, seconds: options.seconds }),
      );
      return { fastify, app };
    },
    (r) => Math.max(r.fastify.foreignLoad, r.app.foreignLoad),
    log,
  );
  const f: LoopResult = measured.fastify.value;
  const a = measured.app.value;
  const failures = a.non2xx + a.errors;
  const fast = a.latencyMs.p99 <= P5_P99_MS;
  const pass = fast && failures === 0;
  return {
    goal: 'P5',
    title: 'home feed under open-loop load',
    note:
      `${rate} req/s on a fixed schedule (50% of the closed-loop maximum ${num(maxRps)} req/s) for ${options.seconds} s; ` +
      'latency counts from each request’s scheduled start, so stalls are not hidden. Baseline: bare Fastify at the same rate.',
    pass,
    rows: [
      {
        metric: `P5 p99 at ${rate} req/s (ms)`,
        baseline: ms(f.latencyMs.p99),
        app: ms(a.latencyMs.p99),
        ratio: '',
        goal: `≤ ${P5_P99_MS} ms`,
        result: fast ? 'pass' : 'FAIL',
        value: a.latencyMs.p99,
        higherIsBetter: false,
      },
      {
        metric: 'p50 / p90 / max (ms)',
        baseline: `${ms(f.latencyMs.p50)} / ${ms(f.latencyMs.p90)} / ${ms(f.latencyMs.max)}`,
        app: `${ms(a.latencyMs.p50)} / ${ms(a.latencyMs.p90)} / ${ms(a.latencyMs.max)}`,
        ratio: '',
        goal: '',
        result: 'info',
      },
      {
        metric: 'answered req/s',
        baseline: num(f.requestsPerSecond),
        app: num(a.requestsPerSecond),
        ratio: '',
        goal: '',
        result: 'info',
      },
      {
        metric: 'P5 non-2xx + errors',
        baseline: String(f.non2xx + f.errors),
        app: String(failures),
        ratio: '',
        goal: '0',
        result: failures === 0 ? 'pass' : 'FAIL',
        value: failures,
        higherIsBetter: false,
      },
      {
        metric: 'foreign CPU load (attempts)',
        baseline: pct(measured.fastify.foreignLoad),
        app: `${pct(measured.app.foreignLoad)} (${measured.attempts})`,
        ratio: '',
        goal: `≤ ${pct(NOISY)}`,
        result: 'info',
      },
    ],
    raw: { rate, maxRps, fastify: measured.fastify, app: measured.app, attempts: measured.attempts },
  };
}
