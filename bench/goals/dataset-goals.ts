// P2–P6 on the seeded dataset: one app process on a private copy of it, bare node:http and Fastify beside
// it, and the hand-written raw SQL on the same database.
import { type PreparedDataset, prepareDataset } from '../dataset/cache.ts';
import { type DatasetBench, homeRequest, routeAnswers, startDatasetBench } from '../lib/fixture.ts';
import type { BenchOptions, Goal } from '../lib/options.ts';
import { openRawFeed, timeRaw } from '../lib/raw-feed.ts';
import type { GoalReport } from '../lib/report.ts';
import { runP6 } from './create-post.ts';
import { runP3, runP4 } from './feed-latency.ts';
import { measureMaxRps, runP2, runP5 } from './feed-throughput.ts';

const FEED_GOALS: Goal[] = ['p2', 'p3', 'p4', 'p5'];
const TITLES: Record<string, string> = {
  p2: 'home feed throughput',
  p3: 'feed service time',
  p4: 'feed worst cases',
  p5: 'home feed under open-loop load',
};

function feedSkipped(goal: Goal, status: number, body: string): GoalReport {
  return {
    goal: goal.toUpperCase(),
    title: TITLES[goal] ?? 'home feed',
    note: 'GET /api/v1/feeds/home is not there yet (or refused the request), so this goal was not measured.',
    pass: false,
    skipped: true,
    rows: [
      {
        metric: 'GET /api/v1/feeds/home',
        baseline: '',
        app: `HTTP ${status}`,
        ratio: '',
        goal: '200',
        result: 'skip',
      },
    ],
    raw: { status, body },
  };
}

async function feedGoals(bench: DatasetBench, only: Set<Goal>): Promise<GoalReport[]> {
  const wanted = FEED_GOALS.filter((g) => only.has(g));
  if (wanted.length === 0) return [];
  const probe = await routeAnswers(bench.app.url, homeRequest(bench.people)(0));
  if (!probe.ok) {
    bench.log(`GET /api/v1/feeds/home answered ${probe.status}: skipping ${wanted.join(', ')}.`);
    return wanted.map((g) => feedSkipped(g, probe.status, probe.body));
  }
  const raw = await openRawFeed(bench.dataset);
  try {
    const reports: GoalReport[] = [];
    bench.log('Raw SQL: the hand-written home feed, page 1, one page at a time…');
    const requests = bench.people.map((p) => ({ viewerId: p.id, cursor: null }));
    const rawPage1 = await timeRaw(raw, requests, Math.max(1, bench.options.seconds / 2));
    let maxRps: number | undefined;
    if (only.has('p2')) {
      const p2 = await runP2(bench, rawPage1);
      maxRps = p2.maxRps;
      reports.push(p2.report);
    }
    if (only.has('p3')) reports.push(await runP3(bench, raw, rawPage1));
    if (only.has('p4')) reports.push(await runP4(bench, raw));
    if (only.has('p5')) reports.push(await runP5(bench, maxRps ?? (await measureMaxRps(bench))));
    return reports;
  } finally {
    await raw.close();
  }
}

export interface DatasetRun {
  dataset: PreparedDataset;
  appReadyMs: number;
  reports: GoalReport[];
}

export async function runDatasetGoals(
  options: BenchOptions,
  log: (line: string) => void,
): Promise<DatasetRun> {
  const dataset = await prepareDataset({
    dialect: options.dialect,
    scale: options.scale,
    postgresUrl: options.postgresUrl,
    log,
  });
  try {
    log(
      `Dataset ready in ${(dataset.readyMs / 1000).toFixed(1)} s (${dataset.seed.cached ? 'from the cache' : 'seeded now'}); starting the servers…`,
    );
    const bench = await startDatasetBench(options, dataset, log);
    try {
      const reports = await feedGoals(bench, options.only);
      if (options.only.has('p6')) reports.push(await runP6(bench));
      return { dataset, appReadyMs: bench.app.readyMs, reports };
    } finally {
      await bench.close();
    }
  } finally {
    await dataset.cleanup();
  }
}
