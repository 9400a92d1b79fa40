// P1 (PERFORMANCE.md): the authenticated no-op GET /api/v1/me, session check included, against a bare
// Fastify hello-world measured in the same run. Goal: the app reaches ≥ 60% of the baseline's req/s.
// Run alone with `node bench/p1-me.ts`, or with the other goals through `npm run bench`.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { foreignLoad, sampleCpu } from './lib/cpu.ts';
import { type BenchEnvironment, environment } from './lib/env.ts';
import { clientIp, type LoadSummary, load } from './lib/load.ts';
import { type GoalReport, markdownTable, num, pct, type Row, writeResult } from './lib/report.ts';
import { startServer } from './lib/server.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const GOAL = 0.6;
const NOISY = 0.1;

export interface P1Options {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  attempts: number;
}

interface Measured {
  summary: LoadSummary;
  foreignLoad: number;
  raw: unknown;
}

export interface P1Result {
  goal: 'P1';
  environment: BenchEnvironment;
  options: P1Options & { logLevel: string; sessions: number };
  appReadyMs: number;
  baseline: Measured;
  app: Measured;
  ratio: number;
  pass: boolean;
  rows: Row[];
}

async function measure(
  url: string,
  pids: number[],
  options: P1Options,
  headersFor: (i: number) => Record<string, string>,
): Promise<Measured> {
  const base = { url, path: '/api/v1/me', connections: options.connections, headersFor };
  await load({ ...base, durationSeconds: options.warmupSeconds });
  const before = sampleCpu(pids);
  const { summary, raw } = await load({ ...base, durationSeconds: options.durationSeconds });
  const after = sampleCpu(pids);
  return { summary, raw, foreignLoad: foreignLoad(before, after, cpus().length) };
}

export async function runP1(
  options: P1Options = { connections: 50, durationSeconds: 10, warmupSeconds: 2, attempts: 3 },
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<P1Result> {
  const env = environment();
  const dir = mkdtempSync(join(tmpdir(), 'atrium-bench-'));
  const logLevel = process.env.BENCH_LOG_LEVEL ?? 'info';
  log(`P1: starting the baseline and the app (SQLite, demo organization, LOG_LEVEL=${logLevel})…`);
  const baseline = await startServer<{ port: number }>(join(HERE, 'servers/fastify-hello.ts'));
  const app = await startServer<{ port: number; cookies: string[]; readyMs: number }>(
    join(HERE, 'servers/app.ts'),
    {
      ...process.env,
      BENCH_DATA_DIR: dir,
      BENCH_LOG_LEVEL: logLevel,
    },
  );
  try {
    const { cookies } = app.info;
    const appUrl = `http://127.0.0.1:${app.info.port}`;
    const check = await fetch(`${appUrl}/api/v1/me`, { headers: { cookie: cookies[0] ?? '' } });
    if (check.status !== 200) throw new Error(`GET /api/v1/me answered ${check.status} before the run`);
    // Same headers for both servers, so the client does the same work: a session per request from many
    // people, and a distinct client address (the app's per-IP rate limit must not turn the run into 429s).
    const headersFor = (i: number) => ({
      cookie: cookies[i % cookies.length] ?? '',
      'x-forwarded-for': clientIp(i),
    });
    let best: { baseline: Measured; app: Measured } | undefined;
    for (let attempt = 1; attempt <= options.attempts; attempt++) {
      log(
        `P1: attempt ${attempt}: baseline (bare Fastify), -c ${options.connections} -d ${options.durationSeconds}…`,
      );
      const b = await measure(
        `http://127.0.0.1:${baseline.info.port}`,
        [baseline.child.pid ?? 0],
        options,
        headersFor,
      );
      log(`P1: attempt ${attempt}: app GET /api/v1/me…`);
      const a = await measure(appUrl, [app.child.pid ?? 0], options, headersFor);
      const noise = Math.max(b.foreignLoad, a.foreignLoad);
      if (!best || noise < Math.max(best.baseline.foreignLoad, best.app.foreignLoad))
        best = { baseline: b, app: a };
      if (noise <= NOISY) break;
      if (attempt < options.attempts)
        log(`P1: other processes used ${pct(noise)} of the machine during the run; repeating.`);
    }
    if (!best) throw new Error('no measurement');
    const ratio = best.app.summary.requestsPerSecond / best.baseline.summary.requestsPerSecond;
    const clean = best.app.summary.non2xx === 0 && best.app.summary.errors === 0;
    const pass = ratio >= GOAL && clean;
    const b = best.baseline.summary;
    const a = best.app.summary;
    const rows: Row[] = [
      {
        metric: 'P1 GET /api/v1/me req/s',
        baseline: num(b.requestsPerSecond),
        app: num(a.requestsPerSecond),
        ratio: pct(ratio),
        goal: `≥ ${pct(GOAL)}`,
        result: pass ? 'pass' : 'FAIL',
      },
      {
        metric: 'latency p50 / p99 (ms)',
        baseline: `${b.latencyMs.p50} / ${b.latencyMs.p99}`,
        app: `${a.latencyMs.p50} / ${a.latencyMs.p99}`,
        ratio: '',
        goal: '',
        result: 'info',
      },
      {
        metric: 'non-2xx / errors',
        baseline: `${b.non2xx} / ${b.errors}`,
        app: `${a.non2xx} / ${a.errors}`,
        ratio: '',
        goal: '0 / 0',
        result: clean ? 'pass' : 'FAIL',
      },
      {
        metric: 'foreign CPU load',
        baseline: pct(best.baseline.foreignLoad),
        app: pct(best.app.foreignLoad),
        ratio: '',
        goal: `≤ ${pct(NOISY)}`,
        result: 'info',
      },
    ];
    return {
      goal: 'P1',
      environment: env,
      options: { ...options, logLevel, sessions: cookies.length },
      appReadyMs: app.info.readyMs,
      baseline: best.baseline,
      app: best.app,
      ratio,
      pass,
      rows,
    };
  } finally {
    await Promise.all([baseline.stop(), app.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints the table and writes the raw JSON; returns whether the goal was met. */
export function reportP1(result: P1Result): boolean {
  const e = result.environment;
  process.stdout.write(
    `\n## P1 — authenticated no-op\n\n${e.cpu}, ${e.cores} cores, Node ${e.node}, SQLite ${e.sqlite}, ` +
      `git ${e.gitSha?.slice(0, 10) ?? 'unknown'}${e.gitDirty ? ' (uncommitted changes)' : ''}; ` +
      `-c ${result.options.connections} -d ${result.options.durationSeconds}, ${result.options.sessions} sessions, ` +
      `LOG_LEVEL=${result.options.logLevel}; app ready in ${result.appReadyMs} ms\n\n` +
      `${markdownTable(result.rows)}\n`,
  );
  const file = writeResult('p1-me', result);
  process.stdout.write(`\nRaw results: ${file}\n`);
  return result.pass;
}

/** The P1 result as one goal of a whole `npm run bench` report. */
export function p1Goal(result: P1Result): GoalReport {
  const o = result.options;
  return {
    goal: 'P1',
    title: 'authenticated no-op',
    note:
      `GET /api/v1/me on the demo organization (SQLite, LOG_LEVEL=${o.logLevel}), autocannon -c ${o.connections} ` +
      `-d ${o.durationSeconds}, ${o.sessions} sessions; baseline: bare Fastify on the same path. App ready in ${result.appReadyMs} ms.`,
    rows: result.rows.map((row, i) =>
      i === 0 ? { ...row, value: result.app.summary.requestsPerSecond, higherIsBetter: true } : row,
    ),
    pass: result.pass,
    raw: { baseline: result.baseline, app: result.app, ratio: result.ratio, options: o },
  };
}

if (import.meta.main) {
  const pass = reportP1(await runP1());
  process.exitCode = pass ? 0 : 1;
}
