import type { Executor } from '../db/executor.ts';
import { newId } from '../db/time.ts';

export interface JobInput {
  kind: string;
  key: string;
  runAt: Date;
  payload: Record<string, unknown>;
}

function freshRow(job: JobInput, now: string) {
  return {
    // A new id on every (re)schedule: a worker still running the old job completes it by id and so
    // leaves the replacement untouched.
    id: newId(),
    kind: job.kind,
    job_key: job.key,
    run_at: job.runAt.toISOString(),
    payload: JSON.stringify(job.payload),
    status: 'pending' as const,
    attempts: 0,
    locked_until: null,
    last_error: null,
    created_at: now,
    updated_at: now,
  };
}

/** What an upsert writes over the job holding the key: the fresh job, pending, as if new. */
const replacement = (row: ReturnType<typeof freshRow>) =>
  ({
    id: row.id,
    kind: row.kind,
    run_at: row.run_at,
    payload: row.payload,
    status: 'pending',
    attempts: 0,
    locked_until: null,
    last_error: null,
    created_at: row.created_at,
    updated_at: row.updated_at,
  }) as const;

/**
 * Schedules a job, replacing whatever job holds the same key (a pending one moves to the new time;
 * a finished or dead one is brought back as new).
 */
export async function scheduleJob(db: Executor, job: JobInput): Promise<void> {
  const row = freshRow(job, new Date().toISOString());
  await db
    .insertInto('scheduled_jobs')
    .values(row)
    .onConflict((oc) => oc.column('job_key').doUpdateSet(replacement(row)))
    .execute();
}

/**
 * Schedules a job unless one already holds the key, whatever its state: a job that has already run is
 * never brought back (an event delivered twice must not run its one-off job twice).
 */
export async function scheduleJobOnce(db: Executor, job: JobInput): Promise<void> {
  const row = freshRow(job, new Date().toISOString());
  await db
    .insertInto('scheduled_jobs')
    .values(row)
    .onConflict((oc) => oc.column('job_key').doNothing())
    .execute();
}

/**
 * Makes sure a pending job exists for the key without moving an existing one: a waiting job keeps its
 * (earlier or later) time and payload. A job being run right now (leased) counts as gone, since the
 * run may already have collected what the caller wants handled.
 */
export async function ensureJob(db: Executor, job: JobInput, now: Date = new Date()): Promise<void> {
  const row = freshRow(job, now.toISOString());
  await db
    .insertInto('scheduled_jobs')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('job_key')
        .doUpdateSet(replacement(row))
        .where((eb) =>
          eb.or([
            eb('scheduled_jobs.status', '<>', 'pending'),
            eb('scheduled_jobs.locked_until', '>', row.created_at),
          ]),
        ),
    )
    .execute();
}

/** Removes the job under the key unless it is finished (a running one still completes). */
export async function cancelJob(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('scheduled_jobs').where('job_key', '=', key).where('status', '=', 'pending').execute();
}

export interface PendingJob {
  id: string;
  kind: string;
  key: string;
  runAt: Date;
  payload: Record<string, unknown>;
}

/** The pending job under a key, if any. */
export async function findPendingJob(db: Executor, key: string): Promise<PendingJob | undefined> {
  const row = await db
    .selectFrom('scheduled_jobs')
    .select(['id', 'kind', 'job_key', 'run_at', 'payload'])
    .where('job_key', '=', key)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    kind: row.kind,
    key: row.job_key,
    runAt: new Date(row.run_at),
    payload: JSON.parse(row.payload) as Record<string, unknown>,
  };
}
