import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner, type RunningJob } from '../../src/platform/jobs/job-runner.ts';
import {
  cancelJob,
  ensureJob,
  findPendingJob,
  scheduleJob,
  scheduleJobOnce,
} from '../../src/platform/jobs/scheduled-jobs.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

const HOUR = 3_600_000;
const inHours = (h: number, from = new Date()) => new Date(from.getTime() + h * HOUR);

async function jobRow(key: string) {
  return app.ctx.db.selectFrom('scheduled_jobs').selectAll().where('job_key', '=', key).executeTakeFirst();
}

function runner(options: ConstructorParameters<typeof JobRunner>[3] = {}) {
  return new JobRunner(app.ctx.db, app.ctx.dialect, app.ctx.log, options);
}

describe('scheduleJobOnce', () => {
  it('inserts a job when none holds the key, and never moves or revives one that does', async () => {
    await scheduleJobOnce(app.ctx.db, {
      kind: 't.once',
      key: 'once:1',
      runAt: inHours(-1),
      payload: { n: 1 },
    });
    await scheduleJobOnce(app.ctx.db, {
      kind: 't.once',
      key: 'once:1',
      runAt: inHours(5),
      payload: { n: 2 },
    });
    expect((await findPendingJob(app.ctx.db, 'once:1'))?.payload).toEqual({ n: 1 });
    await app.ctx.db
      .updateTable('scheduled_jobs')
      .set({ status: 'done' })
      .where('job_key', '=', 'once:1')
      .execute();
    await scheduleJobOnce(app.ctx.db, {
      kind: 't.once',
      key: 'once:1',
      runAt: inHours(-1),
      payload: { n: 3 },
    });
    const row = await jobRow('once:1');
    expect(row?.status).toBe('done');
    expect(JSON.parse(row?.payload ?? '{}')).toEqual({ n: 1 });
  });
});

describe('scheduleJob', () => {
  it('upserts by key: a second schedule moves the pending job and replaces its payload', async () => {
    await scheduleJob(app.ctx.db, { kind: 't.a', key: 'upsert:1', runAt: inHours(1), payload: { n: 1 } });
    await scheduleJob(app.ctx.db, { kind: 't.a', key: 'upsert:1', runAt: inHours(3), payload: { n: 2 } });
    const rows = await app.ctx.db
      .selectFrom('scheduled_jobs')
      .selectAll()
      .where('job_key', '=', 'upsert:1')
      .execute();
    expect(rows).toHaveLength(1);
    const job = await findPendingJob(app.ctx.db, 'upsert:1');
    expect(job?.payload).toEqual({ n: 2 });
    expect(Math.abs((job?.runAt.getTime() ?? 0) - inHours(3).getTime())).toBeLessThan(60_000);
  });

  it('brings a finished job back as pending', async () => {
    const worker = runner();
    let runs = 0;
    worker.register('t.again', async () => {
      runs++;
    });
    await scheduleJob(app.ctx.db, { kind: 't.again', key: 'again:1', runAt: inHours(-1), payload: {} });
    expect(await worker.runOnce()).toBe(1);
    expect((await jobRow('again:1'))?.status).toBe('done');
    await scheduleJob(app.ctx.db, { kind: 't.again', key: 'again:1', runAt: inHours(-1), payload: {} });
    expect((await jobRow('again:1'))?.status).toBe('pending');
    await worker.runOnce();
    expect(runs).toBe(2);
  });

  it('cancelJob removes a pending job; cancelling a missing key is harmless', async () => {
    await scheduleJob(app.ctx.db, { kind: 't.a', key: 'cancel:1', runAt: inHours(1), payload: {} });
    await cancelJob(app.ctx.db, 'cancel:1');
    await cancelJob(app.ctx.db, 'cancel:missing');
    expect(await jobRow('cancel:1')).toBeUndefined();
  });
});

describe('ensureJob', () => {
  it('creates a missing job but never moves a pending one', async () => {
    await ensureJob(app.ctx.db, { kind: 't.a', key: 'ensure:1', runAt: inHours(2), payload: { n: 1 } });
    await ensureJob(app.ctx.db, { kind: 't.a', key: 'ensure:1', runAt: inHours(5), payload: { n: 2 } });
    const job = await findPendingJob(app.ctx.db, 'ensure:1');
    expect(job?.payload).toEqual({ n: 1 });
    expect(Math.abs((job?.runAt.getTime() ?? 0) - inHours(2).getTime())).toBeLessThan(60_000);
  });

  it('replaces a job that is running, so the run completing leaves the new one pending', async () => {
    const worker = runner();
    worker.register('t.self', async (_payload, job) => {
      await ensureJob(
        app.ctx.db,
        { kind: 't.self', key: job.key, runAt: inHours(24, job.now), payload: { next: true } },
        job.now,
      );
    });
    await scheduleJob(app.ctx.db, { kind: 't.self', key: 'self:1', runAt: inHours(-1), payload: {} });
    await worker.runOnce();
    const job = await findPendingJob(app.ctx.db, 'self:1');
    expect(job?.payload).toEqual({ next: true });
  });
});

describe('JobRunner', () => {
  it('runs only due jobs, passing payload, key and the given now', async () => {
    const worker = runner();
    const seen: Array<{ payload: Record<string, unknown>; job: RunningJob }> = [];
    worker.register('t.due', async (payload, job) => {
      seen.push({ payload, job });
    });
    await scheduleJob(app.ctx.db, {
      kind: 't.due',
      key: 'due:later',
      runAt: inHours(10),
      payload: { which: 'later' },
    });
    await scheduleJob(app.ctx.db, {
      kind: 't.due',
      key: 'due:now',
      runAt: inHours(-1),
      payload: { which: 'now' },
    });
    await worker.runOnce();
    expect(seen.map((s) => s.payload.which)).toEqual(['now']);
    const future = inHours(11);
    await worker.runOnce(future);
    expect(seen.map((s) => s.payload.which)).toEqual(['now', 'later']);
    expect(seen[1]?.job.key).toBe('due:later');
    expect(seen[1]?.job.now.getTime()).toBe(future.getTime());
    expect(await worker.runOnce(future)).toBe(0);
  });

  it('retries a failing job with backoff, then marks it dead after maxAttempts', async () => {
    const worker = runner({ maxAttempts: 3, backoffMs: 1000 });
    let calls = 0;
    worker.register('t.fail', async () => {
      calls++;
      throw new Error('smtp down');
    });
    const start = inHours(-1);
    await scheduleJob(app.ctx.db, { kind: 't.fail', key: 'fail:1', runAt: start, payload: {} });
    const t0 = new Date();
    await worker.runOnce(t0);
    let row = await jobRow('fail:1');
    expect(row).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'smtp down',
      locked_until: null,
    });
    expect(row?.run_at).toBe(new Date(t0.getTime() + 1000).toISOString());
    // Not due again before the backoff elapses.
    expect(await worker.runOnce(t0)).toBe(0);
    await worker.runOnce(new Date(t0.getTime() + 1000));
    row = await jobRow('fail:1');
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(row?.run_at).toBe(new Date(t0.getTime() + 1000 + 2000).toISOString());
    await worker.runOnce(inHours(1));
    row = await jobRow('fail:1');
    expect(row).toMatchObject({ status: 'dead', attempts: 3 });
    await worker.runOnce(inHours(100));
    expect(calls).toBe(3);
  });

  it('fails a job whose kind has no handler instead of losing it', async () => {
    const worker = runner({ maxAttempts: 1 });
    await scheduleJob(app.ctx.db, { kind: 't.unknown', key: 'unknown:1', runAt: inHours(-1), payload: {} });
    await worker.runOnce();
    expect(await jobRow('unknown:1')).toMatchObject({ status: 'dead' });
  });

  it('does not run a job leased by another worker until the lease expires', async () => {
    const a = runner({ leaseMs: 60_000 });
    const b = runner({ leaseMs: 60_000 });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let runs = 0;
    const handler = async () => {
      runs++;
      await gate;
    };
    a.register('t.lease', handler);
    b.register('t.lease', handler);
    await scheduleJob(app.ctx.db, { kind: 't.lease', key: 'lease:1', runAt: inHours(-1), payload: {} });
    const first = a.runOnce();
    // Wait until a has claimed it.
    while ((await jobRow('lease:1'))?.locked_until === null) await new Promise((r) => setImmediate(r));
    expect(await b.runOnce()).toBe(0);
    release();
    await first;
    expect(runs).toBe(1);
    expect(await jobRow('lease:1')).toMatchObject({ status: 'done', locked_until: null });
  });

  it('several workers run each due job exactly once', async () => {
    const counts = new Map<string, number>();
    const workers = [1, 2, 3].map(() => {
      const w = runner({ batchSize: 4 });
      w.register('t.many', async (payload) => {
        const key = String(payload.i);
        counts.set(key, (counts.get(key) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 1));
      });
      return w;
    });
    for (let i = 0; i < 30; i++) {
      await scheduleJob(app.ctx.db, { kind: 't.many', key: `many:${i}`, runAt: inHours(-1), payload: { i } });
    }
    const drain = async (w: JobRunner) => {
      while ((await w.runOnce()) > 0) {
        // keep claiming
      }
    };
    await Promise.all(workers.map(drain));
    expect(counts.size).toBe(30);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('start() polls and stop() waits for the pass in progress', async () => {
    const worker = runner({ pollMs: 10 });
    let done: () => void = () => {};
    const ran = new Promise<void>((resolve) => {
      done = resolve;
    });
    worker.register('t.poll', async () => done());
    worker.start();
    await scheduleJob(app.ctx.db, { kind: 't.poll', key: 'poll:1', runAt: inHours(-1), payload: {} });
    await ran;
    await worker.stop();
    expect(await jobRow('poll:1')).toMatchObject({ status: 'done' });
  });

  it('the app exposes its runner and the test app drains it', async () => {
    let ran = 0;
    app.jobs.register('t.app', async () => {
      ran++;
    });
    await scheduleJob(app.ctx.db, { kind: 't.app', key: 'app:1', runAt: inHours(2), payload: {} });
    await app.drainJobs();
    expect(ran).toBe(0);
    await app.drainJobs(inHours(3));
    expect(ran).toBe(1);
    expect(app.ctx.jobs).toBe(app.jobs);
  });
});
