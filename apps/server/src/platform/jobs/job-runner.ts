import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import type { Dialect } from '../db/connect.ts';
import type { DB } from '../db/schema.ts';
import type { ScheduledJobsTable } from '../db/schema-live.ts';

export interface JobRunnerOptions {
  batchSize?: number;
  pollMs?: number;
  leaseMs?: number;
  maxAttempts?: number;
  /** Base of the exponential backoff between attempts. */
  backoffMs?: number;
}

/** What a handler learns about the job it runs. */
export interface RunningJob {
  id: string;
  kind: string;
  key: string;
  runAt: Date;
  /** Attempts made before this one. */
  attempts: number;
  /** The moment the runner treats as now (tests run jobs "in the future"). */
  now: Date;
}

export type JobHandler = (payload: Record<string, unknown>, job: RunningJob) => Promise<void>;

interface Claimed {
  id: string;
  kind: string;
  job_key: string;
  run_at: string;
  payload: string;
  attempts: number;
}

/**
 * Runs scheduled jobs when they fall due. Jobs are claimed with a lease, so a crashed worker's claims
 * expire and are picked up again; on PostgreSQL `SKIP LOCKED` lets several nodes share the table.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private readonly opts: Required<JobRunnerOptions>;
  private readonly db: Kysely<DB>;
  private readonly dialect: Dialect;
  private readonly log: Logger;

  constructor(db: Kysely<DB>, dialect: Dialect, log: Logger, options: JobRunnerOptions = {}) {
    this.db = db;
    this.dialect = dialect;
    this.log = log;
    this.opts = {
      batchSize: 20,
      pollMs: 2000,
      leaseMs: 5 * 60_000,
      maxAttempts: 6,
      backoffMs: 30_000,
      ...options,
    };
  }

  register(kind: string, handler: JobHandler): void {
    if (this.handlers.has(kind)) throw new Error(`Duplicate job handler for ${kind}`);
    this.handlers.set(kind, handler);
  }

  start(): void {
    this.stopped = false;
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private kick(): void {
    if (this.stopped || this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.running = this.loop().finally(() => {
      this.running = undefined;
      if (!this.stopped) this.timer = setTimeout(() => this.kick(), this.opts.pollMs);
    });
  }

  private async loop(): Promise<void> {
    try {
      while (!this.stopped && (await this.runOnce()) > 0) {
        // keep going while jobs are due
      }
    } catch (error) {
      this.log.error({ err: error }, 'scheduled job pass failed');
    }
  }

  /** Claims and runs one batch of jobs due at `now`; returns how many it ran. */
  async runOnce(now: Date = new Date()): Promise<number> {
    const claimed = await this.claim(now);
    for (const job of claimed) await this.run(job, now);
    return claimed.length;
  }

  private async claim(now: Date): Promise<Claimed[]> {
    const at = now.toISOString();
    const lease = new Date(now.getTime() + this.opts.leaseMs).toISOString();
    const skipLocked = this.dialect === 'postgres' ? sql`for update skip locked` : sql``;
    const result = await sql<Claimed>`
      update scheduled_jobs set locked_until = ${lease}, updated_at = ${at}
      where id in (
        select id from scheduled_jobs
        where status = 'pending' and run_at <= ${at}
          and (locked_until is null or locked_until < ${at})
        order by run_at, id
        limit ${this.opts.batchSize}
        ${skipLocked}
      )
      returning id, kind, job_key, run_at, payload, attempts`.execute(this.db);
    return result.rows;
  }

  private async run(job: Claimed, now: Date): Promise<void> {
    // By id: a job rescheduled while it ran has a new id, and its replacement must stay pending.
    const update = (values: Partial<ScheduledJobsTable>) =>
      this.db.updateTable('scheduled_jobs').set(values).where('id', '=', job.id).execute();
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no job handler for ${job.kind} is registered`);
      const payload = JSON.parse(job.payload) as Record<string, unknown>;
      await handler(payload, {
        id: job.id,
        kind: job.kind,
        key: job.job_key,
        runAt: new Date(job.run_at),
        attempts: job.attempts,
        now,
      });
      await update({
        status: 'done',
        attempts: job.attempts + 1,
        locked_until: null,
        updated_at: new Date().toISOString(),
      });
    } catch (error) {
      const attempts = job.attempts + 1;
      const dead = attempts >= this.opts.maxAttempts;
      const message = error instanceof Error ? error.message : String(error);
      this.log.warn({ job: job.id, kind: job.kind, attempts, dead, err: message }, 'scheduled job failed');
      await update({
        status: dead ? 'dead' : 'pending',
        attempts,
        run_at: new Date(now.getTime() + this.opts.backoffMs * 2 ** (attempts - 1)).toISOString(),
        locked_until: null,
        last_error: message.slice(0, 2000),
        updated_at: new Date().toISOString(),
      });
    }
  }
}
