import type { EventName } from '@atrium/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { newId, nowIso } from '../db/time.ts';

export interface EventInput {
  name: EventName;
  actorId: string | null;
  subjectType?: string;
  subjectId?: string;
  spaceId?: string;
  payload?: Record<string, unknown>;
}

export interface StoredEvent {
  id: string;
  name: EventName;
  actorId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  spaceId: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
}

/** One reaction to events; one file per handler under a module's handlers/ folder. */
export interface EventHandler {
  /** Stable name: it keys the delivery state, so renaming a handler re-delivers nothing. */
  name: string;
  events: readonly EventName[];
  handle(event: StoredEvent): Promise<void>;
}

/** Rows per multi-row insert: well under both dialects' bound-parameter limits. */
const RECORD_CHUNK = 500;

/**
 * Records events inside the writer's transaction together with one pending delivery per subscribed
 * handler; the dispatcher delivers them only after the transaction has committed.
 */
export class Outbox {
  private readonly handlers = new Map<string, EventHandler>();
  private listener: (() => void) | undefined;

  register(handler: EventHandler): void {
    if (this.handlers.has(handler.name)) throw new Error(`Duplicate event handler ${handler.name}`);
    this.handlers.set(handler.name, handler);
  }

  handler(name: string): EventHandler | undefined {
    return this.handlers.get(name);
  }

  /** Called after a commit so that the dispatcher does not wait for its next poll. */
  onRecorded(listener: () => void): void {
    this.listener = listener;
  }

  notifyCommitted(): void {
    this.listener?.();
  }

  async record(trx: Transaction<DB> | Kysely<DB>, input: EventInput): Promise<StoredEvent> {
    const [event] = await this.recordMany(trx, [input]);
    if (!event) throw new Error('recordMany returned no event');
    return event;
  }

  /**
   * Records several events with a fixed number of statements per chunk (fan-out such as one
   * notification per reader of an announcement), in the order given.
   */
  async recordMany(trx: Transaction<DB> | Kysely<DB>, inputs: readonly EventInput[]): Promise<StoredEvent[]> {
    const events: StoredEvent[] = inputs.map((input) => ({
      id: newId(),
      name: input.name,
      actorId: input.actorId,
      subjectType: input.subjectType ?? null,
      subjectId: input.subjectId ?? null,
      spaceId: input.spaceId ?? null,
      payload: input.payload ?? {},
      createdAt: nowIso(),
    }));
    for (let start = 0; start < events.length; start += RECORD_CHUNK) {
      const chunk = events.slice(start, start + RECORD_CHUNK);
      await trx
        .insertInto('events')
        .values(
          chunk.map((event) => ({
            id: event.id,
            name: event.name,
            actor_id: event.actorId,
            subject_type: event.subjectType,
            subject_id: event.subjectId,
            space_id: event.spaceId,
            payload: JSON.stringify(event.payload),
            created_at: event.createdAt,
          })),
        )
        .execute();
      const deliveries = chunk.flatMap((event) =>
        [...this.handlers.values()]
          .filter((h) => h.events.includes(event.name))
          .map((h) => ({
            event_id: event.id,
            handler: h.name,
            status: 'pending' as const,
            attempts: 0,
            next_attempt_at: event.createdAt,
            locked_until: null,
            last_error: null,
            updated_at: event.createdAt,
          })),
      );
      for (let at = 0; at < deliveries.length; at += RECORD_CHUNK) {
        await trx
          .insertInto('event_deliveries')
          .values(deliveries.slice(at, at + RECORD_CHUNK))
          .execute();
      }
    }
    return events;
  }
}
