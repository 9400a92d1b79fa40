import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import type { Dialect } from '../db/connect.ts';
import type { DB, EventsTable } from '../db/schema.ts';
import { isoIn, nowIso } from '../db/time.ts';
import type { Outbox, StoredEvent } from './outbox.ts';

export interface DispatcherOptions {
  batchSize?: number;
  pollMs?: number;
  leaseMs?: number;
  maxAttempts?: number;
  /** Base of the exponential backoff between attempts. */
  backoffMs?: number;
}

interface Claimed {
  event_id: string;
  handler: string;
  attempts: number;
}

/** An `events` row as handlers see it. */
export function toStored(row: EventsTable): StoredEvent {
  return {
    id: row.id,
    name: row.name as StoredEvent['name'],
    actorId: row.actor_id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    spaceId: row.space_id,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    createdAt: row.created_at,
  };
}

/**
 * Hands committed events to their handlers. Deliveries are claimed with a lease, so a crashed worker's
 * claims expire and are picked up again; on PostgreSQL `SKIP LOCKED` lets several workers share the table.
 */
export class Dispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private readonly opts: Required<DispatcherOptions>;
  private readonly db: Kysely<DB>;
  private readonly dialect: Dialect;
  private readonly outbox: Outbox;
  private readonly log: Logger;

  constructor(
    db: Kysely<DB>,
    dialect: Dialect,
    outbox: Outbox,
    log: Logger,
    options: DispatcherOptions = {},
  ) {
    this.db = db;
    this.dialect = dialect;
    this.outbox = outbox;
    this.log = log;
    this.opts = { batchSize: 50, pollMs: 1000, leaseMs: 60_000, maxAttempts: 8, backoffMs: 1000, ...options };
  }

  start(): void {
    this.stopped = false;
    this.outbox.onRecorded(() => this.kick());
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Runs a pass now (or right after the current one) instead of waiting for the poll. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.running = this.loop().finally(() => {
      this.running = undefined;
      if (!this.stopped) this.timer = setTimeout(() => this.kick(), this.again ? 0 : this.opts.pollMs);
      this.again = false;
    });
  }

  private async loop(): Promise<void> {
    try {
      while (!this.stopped && (await this.runOnce()) > 0) {
        // keep draining while there is work
      }
    } catch (error) {
      this.log.error({ err: error }, 'event dispatch pass failed');
    }
  }

  /** Claims and delivers one batch; returns how many deliveries it handled. */
  async runOnce(): Promise<number> {
    const claimed = await this.claim();
    for (const delivery of claimed) await this.deliver(delivery);
    return claimed.length;
  }

  private async claim(): Promise<Claimed[]> {
    const now = nowIso();
    const lease = isoIn(this.opts.leaseMs);
    const skipLocked = this.dialect === 'postgres' ? sql`for update skip locked` : sql``;
    const result = await sql<Claimed>`
      update event_deliveries set locked_until = ${lease}, updated_at = ${now}
      where (event_id, handler) in (
        select event_id, handler from event_deliveries
        where status = 'pending' and next_attempt_at <= ${now}
          and (locked_until is null or locked_until < ${now})
        order by next_attempt_at, event_id
        limit ${this.opts.batchSize}
        ${skipLocked}
      )
      returning event_id, handler, attempts`.execute(this.db);
    return result.rows;
  }

  private async deliver(delivery: Claimed): Promise<void> {
    const update = (values: Partial<import('../db/schema.ts').EventDeliveriesTable>) =>
      this.db
        .updateTable('event_deliveries')
        .set(values)
        .where('event_id', '=', delivery.event_id)
        .where('handler', '=', delivery.handler)
        .execute();
    const handler = this.outbox.handler(delivery.handler);
    const row = await this.db
      .selectFrom('events')
      .selectAll()
      .where('id', '=', delivery.event_id)
      .executeTakeFirst();
    try {
      if (!handler) throw new Error(`no handler named ${delivery.handler} is registered`);
      if (!row) throw new Error('event row is missing');
      await handler.handle(toStored(row));
      await update({
        status: 'done',
        attempts: delivery.attempts + 1,
        locked_until: null,
        updated_at: nowIso(),
      });
    } catch (error) {
      const attempts = delivery.attempts + 1;
      const dead = attempts >= this.opts.maxAttempts;
      const message = error instanceof Error ? error.message : String(error);
      this.log.warn(
        { event: delivery.event_id, handler: delivery.handler, attempts, dead, err: message },
        'event handler failed',
      );
      await update({
        status: dead ? 'dead' : 'pending',
        attempts,
        next_attempt_at: isoIn(this.opts.backoffMs * 2 ** (attempts - 1)),
        locked_until: null,
        last_error: message.slice(0, 2000),
        updated_at: nowIso(),
      });
    }
  }
}
