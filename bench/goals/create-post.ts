// P6: create a post through the API (POST /api/v1/posts: insert, search index, outbox) against the raw
// insert of a post row plus its outbox rows on the same database, measured in the same run.
import { type BenchPerson, type DatasetBench, headersAs, routeAnswers } from '../lib/fixture.ts';
import { type RequestSpec, sequential } from '../lib/http-client.ts';
import { load } from '../lib/load.ts';
import { NOISY, quietest, withForeignLoad } from '../lib/measure.ts';
import { type RawInsertResult, rawPostgresInserts, rawSqliteInserts } from '../lib/raw-insert.ts';
import { type GoalReport, ms, num, pct } from '../lib/report.ts';

const GOAL_RATIO = 0.3;
const GOAL_P99 = 10;
const PATH = '/api/v1/posts';

/** The i-th post: a different author each time, in one of their spaces or (employees) the company feed. */
export function postRequest(people: readonly BenchPerson[]) {
  const authors = people.filter((p) => p.spaces.length > 0);
  return (i: number): RequestSpec => {
    const who = authors[i % authors.length] as BenchPerson;
    const space = who.spaces[Math.floor(i / authors.length) % who.spaces.length];
    const target =
      who.kind === 'member' && i % 5 === 0 ? { type: 'company' } : { type: 'space', id: space?.id };
    return {
      method: 'POST',
      path: PATH,
      headers: { ...headersAs(who, i), 'x-csrf-token': who.csrf },
      body: JSON.stringify({
        target,
        body: `Benchmark post ${i}: shipped the weekly update, notes inside. #release`,
      }),
    };
  };
}

function skipped(status: number, body: string): GoalReport {
  return {
    goal: 'P6',
    title: 'create post',
    note: 'POST /api/v1/posts is not there yet.',
    pass: false,
    skipped: true,
    rows: [
      {
        metric: 'P6 POST /api/v1/posts',
        baseline: '',
        app: `HTTP ${status}`,
        ratio: '',
        goal: '201',
        result: 'skip',
      },
    ],
    raw: { status, body },
  };
}

export async function runP6(bench: DatasetBench): Promise<GoalReport> {
  const { log, options, dataset } = bench;
  const request = postRequest(bench.people);
  const probe = await routeAnswers(bench.app.url, request(0));
  if (probe.status === 404 || probe.status === 405) return skipped(probe.status, probe.body);
  const measured = await quietest(
    'P6',
    options.attempts,
    async () => {
      log(`P6: POST ${PATH}: closed loop -c 50 -d ${options.seconds}, then -c 1…`);
      const throughput = await withForeignLoad([bench.app.pid], async () => {
        const summary = (
          await load({
            url: bench.app.url,
            path: PATH,
            connections: 50,
            durationSeconds: options.seconds,
            requestFor: request,
          })
        ).summary;
        return summary;
      });
      const serial = await withForeignLoad([bench.app.pid], () =>
        sequential(bench.app.url, (i) => request(1_000_000 + i), {
          seconds: options.seconds,
          warmupSeconds: 1,
        }),
      );
      return { throughput, serial };
    },
    (r) => Math.max(r.throughput.foreignLoad, r.serial.foreignLoad),
    log,
  );
  await bench.stopApp();
  log('P6: raw inserts (post row + outbox rows) on the same database…');
  const target = {
    spaceIds: dataset.org.spaces.map((s) => s.id),
    authorIds: bench.people.map((p) => p.id),
  };
  const raw: RawInsertResult =
    dataset.dialect === 'sqlite'
      ? rawSqliteInserts(dataset.databaseUrl.slice('sqlite:'.length), target, options.seconds)
      : await rawPostgresInserts(dataset.databaseUrl, target, options.seconds);
  const t = measured.throughput.value;
  const s = measured.serial.value;
  const created = t.requestsPerSecond * (t.total > 0 ? (t.total - t.non2xx) / t.total : 0);
  const ratio = created / raw.singleRowsPerSecond;
  const okRatio = ratio >= GOAL_RATIO && t.non2xx + t.errors === 0;
  const okP99 = s.latencyMs.p99 <= GOAL_P99 && s.non2xx + s.errors === 0;
  const fts =
    raw.postTriggers.length > 0
      ? `triggers on posts: ${raw.postTriggers.join(', ')}`
      : 'no search index on posts yet (no trigger fired)';
  return {
    goal: 'P6',
    title: 'create post',
    note:
      `POST ${PATH} with a session, CSRF token and a different author per request (space or company targets). ` +
      `Baseline: raw insert of a post row + an events row + an event_deliveries row per commit through the driver ` +
      `(${raw.writers} writer${raw.writers > 1 ? 's' : ''}); ${fts}.`,
    pass: okRatio && okP99,
    rows: [
      {
        metric: 'P6 posts/s, -c 50 (vs raw single-row commits/s)',
        baseline: num(raw.singleRowsPerSecond),
        app: num(created),
        ratio: pct(ratio),
        goal: `≥ ${pct(GOAL_RATIO)}`,
        result: okRatio ? 'pass' : 'FAIL',
        value: created,
        higherIsBetter: true,
      },
      {
        metric: 'P6 p99 at -c 1 (ms)',
        baseline: ms(raw.singleCommitMs.p99),
        app: ms(s.latencyMs.p99),
        ratio: '',
        goal: `≤ ${GOAL_P99} ms`,
        result: okP99 ? 'pass' : 'FAIL',
        value: s.latencyMs.p99,
        higherIsBetter: false,
      },
      {
        metric: 'p50 at -c 1 / p99 at -c 50 (ms)',
        baseline: ms(raw.singleCommitMs.p50),
        app: `${ms(s.latencyMs.p50)} / ${t.latencyMs.p99}`,
        ratio: '',
        goal: '',
        result: 'info',
      },
      {
        metric: 'raw batched rows/s (vs app -c 50)',
        baseline: num(raw.batchedRowsPerSecond),
        app: num(created),
        ratio: pct(created / raw.batchedRowsPerSecond),
        goal: '',
        result: 'info',
      },
      {
        metric: 'non-2xx / errors (-c 50; -c 1)',
        baseline: '',
        app: `${t.non2xx} / ${t.errors}; ${s.non2xx} / ${s.errors}`,
        ratio: '',
        goal: '0',
        result: t.non2xx + t.errors + s.non2xx + s.errors === 0 ? 'pass' : 'FAIL',
      },
      {
        metric: 'foreign CPU load (attempts)',
        baseline: '',
        app: `${pct(Math.max(measured.throughput.foreignLoad, measured.serial.foreignLoad))} (${measured.attempts})`,
        ratio: '',
        goal: `≤ ${pct(NOISY)}`,
        result: 'info',
      },
    ],
    raw: {
      throughput: measured.throughput,
      serial: measured.serial,
      rawInsert: raw,
      attempts: measured.attempts,
    },
  };
}
