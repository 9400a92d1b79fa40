// P3 (feed service time at -c 1: page 1 p50/p99, page 10 against page 1) and P4 (worst cases: a person
// whose spaces are empty or quiet, a person in 100 spaces).
import { type BenchPerson, type DatasetBench, HOME, headersAs, homeRequest } from '../lib/fixture.ts';
import { type LoopResult, type RequestSpec, sequential } from '../lib/http-client.ts';
import { NOISY, quietest, withForeignLoad } from '../lib/measure.ts';
import { type RawFeed, type RawTiming, timeRaw } from '../lib/raw-feed.ts';
import { type GoalReport, ms, pct, type Row, times } from '../lib/report.ts';

const P3_P50 = 1;
const P3_P99 = 3;
const P3_PAGE10 = 1.5;
const P4_P99 = 2;
const PAGE10_PEOPLE = 60;

interface FeedPage {
  items: { id: string }[];
  nextCursor: string | null;
}

/** Client addresses for the setup requests, apart from those of the measured load. */
let setupRequests = 1 << 22;

async function getPage(bench: DatasetBench, who: BenchPerson, cursor: string | null): Promise<FeedPage> {
  const path = cursor ? `${HOME}&cursor=${encodeURIComponent(cursor)}` : HOME;
  const response = await fetch(`${bench.app.url}${path}`, { headers: headersAs(who, setupRequests++) });
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return (await response.json()) as FeedPage;
}

/** The cursor of page 10 for each person who has one, through the API and through raw SQL. */
async function page10Cursors(bench: DatasetBench, raw: RawFeed) {
  const api: { who: BenchPerson; cursor: string }[] = [];
  const sql: { viewerId: string; cursor: string | null }[] = [];
  for (const who of bench.people.slice(0, PAGE10_PEOPLE)) {
    let cursor: string | null = null;
    let rawCursor: string | null = null;
    for (let page = 1; page < 10; page++) {
      cursor = (await getPage(bench, who, cursor)).nextCursor;
      rawCursor = (await raw.page(who.id, rawCursor)).nextCursor;
      if (cursor === null) break;
    }
    if (cursor !== null) api.push({ who, cursor });
    if (rawCursor !== null) sql.push({ viewerId: who.id, cursor: rawCursor });
  }
  return { api, sql };
}

/** Same posts on page 1 through the API and through the hand-written query (a sanity check of both). */
async function agreement(bench: DatasetBench, raw: RawFeed): Promise<string> {
  let same = 0;
  const people = bench.people.slice(0, 20);
  for (const who of people) {
    const app = (await getPage(bench, who, null)).items.map((i) => i.id).join();
    const sql = (await raw.page(who.id, null)).ids.join();
    if (app === sql) same++;
  }
  return `${same}/${people.length}`;
}

const msPair = (r: { latencyMs: { p50: number; p99: number } }) =>
  `${ms(r.latencyMs.p50)} / ${ms(r.latencyMs.p99)}`;

export async function runP3(bench: DatasetBench, raw: RawFeed, rawPage1: RawTiming): Promise<GoalReport> {
  const { log, options } = bench;
  log('P3: walking to page 10 for a sample of people (API and raw SQL)…');
  const cursors = await page10Cursors(bench, raw);
  const same = await agreement(bench, raw);
  const page10 = (i: number): RequestSpec => {
    const c = cursors.api[i % cursors.api.length];
    if (!c) return homeRequest(bench.people)(i);
    return { path: `${HOME}&cursor=${encodeURIComponent(c.cursor)}`, headers: headersAs(c.who, i) };
  };
  const half = Math.max(1, options.seconds / 2);
  const measured = await quietest(
    'P3',
    options.attempts,
    async () => {
      log(`P3: -c 1 for ${options.seconds} s each: bare Fastify, app page 1, app page 10…`);
      const fastify = await withForeignLoad([bench.fastify.pid], () =>
        sequential(bench.fastify.url, homeRequest(bench.people), { seconds: half, warmupSeconds: 1 }),
      );
      const page1 = await withForeignLoad([bench.app.pid], () =>
        sequential(bench.app.url, homeRequest(bench.people), { seconds: options.seconds, warmupSeconds: 1 }),
      );
      const p10 = await withForeignLoad([bench.app.pid], () =>
        sequential(bench.app.url, page10, { seconds: options.seconds, warmupSeconds: 1 }),
      );
      return { fastify, page1, p10 };
    },
    (r) => Math.max(r.fastify.foreignLoad, r.page1.foreignLoad, r.p10.foreignLoad),
    log,
  );
  const rawPage10 = cursors.sql.length > 0 ? await timeRaw(raw, cursors.sql, half) : undefined;
  const f = measured.fastify.value;
  const p1 = measured.page1.value;
  const p10 = measured.p10.value;
  const spaceFeed = await measureSpaceFeed(bench, half);
  const okP50 = p1.latencyMs.p50 <= P3_P50;
  const okP99 = p1.latencyMs.p99 <= P3_P99;
  const growth = p10.latencyMs.p50 / p1.latencyMs.p50;
  const okGrowth = cursors.api.length > 0 && growth <= P3_PAGE10;
  const clean = p1.non2xx + p1.errors + p10.non2xx + p10.errors === 0;
  const rows: Row[] = [
    {
      metric: 'P3 page 1 p50 (ms)',
      baseline: ms(f.latencyMs.p50),
      app: ms(p1.latencyMs.p50),
      ratio: times(p1.latencyMs.p50 / f.latencyMs.p50),
      goal: `≤ ${P3_P50} ms`,
      result: okP50 ? 'pass' : 'FAIL',
      value: p1.latencyMs.p50,
      higherIsBetter: false,
    },
    {
      metric: 'P3 page 1 p99 (ms)',
      baseline: ms(f.latencyMs.p99),
      app: ms(p1.latencyMs.p99),
      ratio: times(p1.latencyMs.p99 / f.latencyMs.p99),
      goal: `≤ ${P3_P99} ms`,
      result: okP99 ? 'pass' : 'FAIL',
      value: p1.latencyMs.p99,
      higherIsBetter: false,
    },
    {
      metric: `P3 page 10 p50 vs page 1 (${cursors.api.length} people)`,
      baseline: ms(p1.latencyMs.p50),
      app: ms(p10.latencyMs.p50),
      ratio: times(growth),
      goal: `≤ ${P3_PAGE10}×`,
      result: okGrowth ? 'pass' : 'FAIL',
      value: p10.latencyMs.p50,
      higherIsBetter: false,
    },
    {
      metric: 'page 10 p99 (ms)',
      baseline: '',
      app: ms(p10.latencyMs.p99),
      ratio: '',
      goal: '',
      result: 'info',
    },
    {
      metric: 'raw SQL page 1 / page 10 p50 (ms)',
      baseline: `${ms(rawPage1.latencyMs.p50)} / ${rawPage10 ? ms(rawPage10.latencyMs.p50) : '–'}`,
      app: `${ms(p1.latencyMs.p50)} / ${ms(p10.latencyMs.p50)}`,
      ratio: '',
      goal: '',
      result: 'info',
    },
    {
      metric: 'raw SQL page 1 / page 10 p99 (ms)',
      baseline: `${ms(rawPage1.latencyMs.p99)} / ${rawPage10 ? ms(rawPage10.latencyMs.p99) : '–'}`,
      app: `${ms(p1.latencyMs.p99)} / ${ms(p10.latencyMs.p99)}`,
      ratio: '',
      goal: '',
      result: 'info',
    },
    {
      metric: 'space feed p50 / p99 (ms)',
      baseline: '',
      app: spaceFeed ? msPair(spaceFeed) : 'route missing',
      ratio: '',
      goal: '',
      result: 'info',
    },
    { metric: 'page 1 same posts as raw SQL', baseline: '', app: same, ratio: '', goal: '', result: 'info' },
    {
      metric: 'non-2xx + errors',
      baseline: '',
      app: String(p1.non2xx + p1.errors + p10.non2xx + p10.errors),
      ratio: '',
      goal: '0',
      result: clean ? 'pass' : 'FAIL',
    },
    {
      metric: 'foreign CPU load (attempts)',
      baseline: pct(measured.fastify.foreignLoad),
      app: `${pct(Math.max(measured.page1.foreignLoad, measured.p10.foreignLoad))} (${measured.attempts})`,
      ratio: '',
      goal: `≤ ${pct(NOISY)}`,
      result: 'info',
    },
  ];
  return {
    goal: 'P3',
    title: 'feed service time',
    note:
      `One request at a time (-c 1) for ${options.seconds} s, timed to the microsecond, a different person per request; ` +
      'baseline: bare Fastify at -c 1 on the same path. Page 10 uses cursors walked through the API beforehand.',
    pass: okP50 && okP99 && okGrowth && clean,
    rows,
    raw: {
      fastify: measured.fastify,
      page1: measured.page1,
      page10: measured.p10,
      rawPage1,
      rawPage10,
      spaceFeed,
      same,
    },
  };
}

async function measureSpaceFeed(bench: DatasetBench, seconds: number): Promise<LoopResult | undefined> {
  const withSpaces = bench.people.filter((p) => p.spaces.length > 0);
  const request = (i: number): RequestSpec => {
    const who = withSpaces[i % withSpaces.length] as BenchPerson;
    const space = who.spaces[i % who.spaces.length];
    return { path: `/api/v1/spaces/${space?.handle}/feed?limit=20`, headers: headersAs(who, i) };
  };
  const probe = await fetch(`${bench.app.url}${request(0).path}`, { headers: request(0).headers });
  if (probe.status === 404) return undefined;
  return sequential(bench.app.url, request, { seconds, warmupSeconds: 1 });
}

export async function runP4(bench: DatasetBench, raw: RawFeed): Promise<GoalReport> {
  const { log, options, dataset } = bench;
  const single =
    (who: BenchPerson) =>
    (i: number): RequestSpec => ({ path: HOME, headers: headersAs(who, i) });
  const measured = await quietest(
    'P4',
    options.attempts,
    async () => {
      log(
        `P4: -c 1 for ${options.seconds} s each: the quiet person, then the person in ${bench.busy.spaces.length} spaces…`,
      );
      const quiet = await withForeignLoad([bench.app.pid], () =>
        sequential(bench.app.url, single(bench.quiet), { seconds: options.seconds, warmupSeconds: 1 }),
      );
      const busy = await withForeignLoad([bench.app.pid], () =>
        sequential(bench.app.url, single(bench.busy), { seconds: options.seconds, warmupSeconds: 1 }),
      );
      return { quiet, busy };
    },
    (r) => Math.max(r.quiet.foreignLoad, r.busy.foreignLoad),
    log,
  );
  const half = Math.max(1, options.seconds / 2);
  const rawQuiet = await timeRaw(raw, [{ viewerId: bench.quiet.id, cursor: null }], half);
  const rawBusy = await timeRaw(raw, [{ viewerId: bench.busy.id, cursor: null }], half);
  const quietItems = (await getPage(bench, bench.quiet, null)).items.length;
  const q = measured.quiet.value;
  const b = measured.busy.value;
  const posts = `${(dataset.spec.posts / 1e6).toLocaleString('en-US')}M posts`;
  const okQuiet = q.latencyMs.p99 <= P4_P99 && q.non2xx + q.errors === 0;
  const okBusy = b.latencyMs.p99 <= P4_P99 && b.non2xx + b.errors === 0;
  const row = (label: string, r: LoopResult, rawTiming: RawTiming, ok: boolean): Row[] => [
    {
      metric: `P4 ${label} p99, ${posts} (ms)`,
      baseline: ms(rawTiming.latencyMs.p99),
      app: ms(r.latencyMs.p99),
      ratio: '',
      goal: `≤ ${P4_P99} ms`,
      result: ok ? 'pass' : 'FAIL',
      value: r.latencyMs.p99,
      higherIsBetter: false,
    },
    {
      metric: `${label} p50 (ms), non-2xx`,
      baseline: ms(rawTiming.latencyMs.p50),
      app: `${ms(r.latencyMs.p50)}, ${r.non2xx + r.errors}`,
      ratio: '',
      goal: '',
      result: 'info',
    },
  ];
  return {
    goal: 'P4',
    title: 'feed worst cases',
    note:
      `-c 1 for ${options.seconds} s per person on ${posts}. Quiet: an external person whose ${bench.quiet.spaces.length} ` +
      `spaces are empty or nearly so (${quietItems} posts on page 1). Busy: an employee in ${bench.busy.spaces.length} ` +
      'spaces. Baseline: the hand-written raw SQL page for the same person.',
    pass: okQuiet && okBusy,
    rows: [
      ...row('quiet person', q, rawQuiet, okQuiet),
      ...row(`person in ${bench.busy.spaces.length} spaces`, b, rawBusy, okBusy),
      {
        metric: 'foreign CPU load (attempts)',
        baseline: '',
        app: `${pct(Math.max(measured.quiet.foreignLoad, measured.busy.foreignLoad))} (${measured.attempts})`,
        ratio: '',
        goal: `≤ ${pct(NOISY)}`,
        result: 'info',
      },
    ],
    raw: { quiet: measured.quiet, busy: measured.busy, rawQuiet, rawBusy, quietItems },
  };
}
