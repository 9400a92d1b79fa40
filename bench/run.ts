// `npm run bench`: runs the performance goals of PERFORMANCE.md that exist (see bench/README.md), prints a
// markdown table per goal, writes the raw figures as JSON under bench/results/ and exits non-zero when a
// goal is missed. `npm run bench -- --help` lists the options.
import { DEFAULT_POSTGRES_URL } from './dataset/cache.ts';
import { runDatasetGoals } from './goals/dataset-goals.ts';
import { runRealtime } from './goals/realtime.ts';
import { realtimeReports } from './goals/realtime-report.ts';
import { runP7 } from './goals/seeding.ts';
import { compareRuns } from './lib/compare.ts';
import { environment, postgresVersion } from './lib/env.ts';
import { countAsOurs } from './lib/measure.ts';
import { parseOptions, REALTIME_GOALS } from './lib/options.ts';
import { type GoalReport, goalSection, markdownTable, writeResult } from './lib/report.ts';
import { p1Goal, runP1 } from './p1-me.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);
const options = parseOptions(process.argv.slice(2));

if (options.compare) {
  const [before, after] = options.compare;
  const { table, regressions } = compareRuns(before, after);
  process.stdout.write(`${table}\n\n${regressions} regression(s)\n`);
  process.exitCode = regressions > 0 ? 1 : 0;
} else {
  const postgresUrl = options.postgresUrl ?? DEFAULT_POSTGRES_URL;
  const env = environment(options.dialect === 'postgres' ? await postgresVersion(postgresUrl) : null);
  // The PostgreSQL backends serving the bench databases (`atrium_bench_*`) work for the app: not foreign load.
  if (options.dialect === 'postgres') countAsOurs(' atrium_bench_');
  const reports: GoalReport[] = [];
  if (options.only.has('p1')) {
    reports.push(
      p1Goal(
        await runP1(
          {
            connections: 50,
            durationSeconds: options.seconds,
            warmupSeconds: Math.min(2, options.seconds),
            attempts: options.attempts,
          },
          log,
        ),
      ),
    );
  }
  let dataset: Record<string, unknown> | undefined;
  if (['p2', 'p3', 'p4', 'p5', 'p6'].some((g) => options.only.has(g as 'p2'))) {
    const run = await runDatasetGoals(options, log);
    const { spec, seed } = run.dataset;
    dataset = {
      dialect: run.dataset.dialect,
      scale: spec.scale,
      posts: spec.posts,
      people: spec.people,
      spaces: spec.spaces,
      sessions: run.dataset.org.sessions.length,
      rows: seed.counts.rows,
      tables: seed.counts.tables,
      seedTimings: seed.timings,
      fromCache: seed.cached,
      readyMs: run.dataset.readyMs,
      appReadyMs: run.appReadyMs,
    };
    reports.push(...run.reports);
  }
  if (options.only.has('p7')) reports.push(await runP7(options, log));
  let realtime: Record<string, unknown> | undefined;
  if (REALTIME_GOALS.some((g) => options.only.has(g))) {
    const run = await runRealtime(options, log);
    realtime = {
      sockets: run.sizes,
      fileLimit: run.fileLimit,
      seedMs: run.seedMs,
      appReadyMs: run.appReadyMs,
      gateway: run.gateway,
      frameBytes: run.frameBytes,
    };
    reports.push(...realtimeReports(run, options.only));
  }

  const e = env;
  let out =
    `# Atrium benchmarks\n\n${e.cpu}, ${e.cores} cores, ${e.memoryGb} GB, Node ${e.node}, SQLite ${e.sqlite}` +
    `${e.postgres ? `, PostgreSQL ${e.postgres}` : ''}, git ${e.gitSha?.slice(0, 10) ?? 'unknown'}` +
    `${e.gitDirty ? ' (uncommitted changes)' : ''}; load average at start ${e.loadAverage.join(' ')}.\n`;
  if (dataset) {
    const seconds = (Number((dataset.seedTimings as { totalMs: number }).totalMs) / 1000).toFixed(0);
    out +=
      `\nDataset (${options.dialect}, seed 42): ${Number(dataset.posts).toLocaleString('en-US')} posts, ` +
      `${Number(dataset.rows).toLocaleString('en-US')} rows, ${dataset.people} people, ${dataset.spaces} spaces, ` +
      `${dataset.sessions} sessions; seeding took ${seconds} s${dataset.fromCache ? ' (when cached)' : ''}; ` +
      `this run's copy was ready in ${(Number(dataset.readyMs) / 1000).toFixed(1)} s.\n`;
  }
  // One line per goal figure first (the rows `--compare` tracks), then each goal's full table.
  const summary = reports.flatMap((r) =>
    r.rows.filter((row) => row.value !== undefined || row.result === 'skip'),
  );
  out += `\n## Summary\n\n${markdownTable(summary)}\n`;
  for (const report of reports) out += `\n${goalSection(report)}`;
  const missed = reports.filter((r) => !r.pass && !r.skipped);
  const skipped = reports.filter((r) => r.skipped);
  out += `\n${reports.length - missed.length - skipped.length} goals met, ${missed.length} missed${skipped.length > 0 ? `, ${skipped.length} not measurable yet (${skipped.map((r) => r.goal).join(', ')})` : ''}\n`;
  const file = writeResult(`${options.dialect}-${options.quick ? 'quick' : `scale${options.scale}`}`, {
    environment: env,
    options: { ...options, only: [...options.only] },
    dataset,
    realtime,
    goals: reports,
  });
  process.stdout.write(`${out}\nRaw results: ${file}\n`);
  process.exitCode = missed.length > 0 ? 1 : 0;
}
