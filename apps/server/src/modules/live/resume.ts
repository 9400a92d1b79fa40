import { LIVE_LIMITS, type LiveServerFrame } from '@atrium/contracts';
import type { Executor } from '../../platform/db/executor.ts';
import { toStored } from '../../platform/events/dispatcher.ts';
import type { LiveAccess, LiveMessage } from '../../platform/realtime/bus.ts';
import type { LiveConnection } from './connection.ts';
import { accessKey, allowedRecipients } from './recipients.ts';
import { LIVE_SOURCE_EVENTS, translateEvents } from './translate.ts';

/**
 * Ids are taken when an event is recorded, but transactions commit in any order: an event with an id
 * just below the last one a client saw may have become visible only after it. Resume therefore looks
 * this far back before that id; the client drops what it already has by event id.
 */
export const RESUME_OVERLAP_MS = 2_000;
/** Events of every audience read at most per resume, before the socket's own are picked out. */
const SCAN_LIMIT = LIVE_LIMITS.resumeMaxEvents * 10;

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The millisecond a UUIDv7 was made, or undefined for anything else. */
export function uuidV7Time(id: string): number | undefined {
  if (!UUID_V7.test(id)) return undefined;
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

/** The smallest UUIDv7 of a millisecond: ids compare as text, so `id >= lowestIdAt(t)` means "made at t or later". */
export function lowestIdAt(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`;
}

export type ResumeResult = { kind: 'resync' } | { kind: 'replay'; frames: LiveServerFrame[] };

/**
 * What the socket missed since `after`: the outbox events of its current channels, translated exactly as
 * the live push translates them and filtered by access now. Too old, too many, or an unknown cursor:
 * `resync` (the client refetches what it shows).
 */
export async function replayFor(
  db: Executor,
  connection: LiveConnection,
  after: string,
  now = Date.now(),
): Promise<ResumeResult> {
  const madeAt = uuidV7Time(after);
  if (madeAt === undefined || now - madeAt > LIVE_LIMITS.resumeMaxAgeMs) return { kind: 'resync' };
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('id', '>=', lowestIdAt(madeAt - RESUME_OVERLAP_MS))
    .where('name', 'in', [...LIVE_SOURCE_EVENTS])
    .orderBy('id')
    .limit(SCAN_LIMIT + 1)
    .execute();
  if (rows.length > SCAN_LIMIT) return { kind: 'resync' };
  const messages = await translateEvents(db, rows.filter((row) => row.id !== after).map(toStored));
  const matched: Array<{ message: LiveMessage; channel: string }> = [];
  for (const message of messages) {
    const channel = message.channels.find((c) => connection.channels.has(c));
    if (channel !== undefined) matched.push({ message, channel });
  }
  if (matched.length > LIVE_LIMITS.resumeMaxEvents) return { kind: 'resync' };
  const verdicts = new Map<string, boolean>();
  const rules = new Map<string, LiveAccess>(
    matched.map(({ message }) => [accessKey(message.access), message.access]),
  );
  for (const [key, access] of rules) {
    const allowed = await allowedRecipients(db, access, [connection.personId]);
    verdicts.set(key, allowed.has(connection.personId));
  }
  const frames: LiveServerFrame[] = matched
    .filter(({ message }) => verdicts.get(accessKey(message.access)) === true)
    .map(({ message, channel }) => ({
      type: 'event',
      id: message.id,
      name: message.name,
      channel,
      // As the live push says it: the actor's own sockets learn it was them, nobody learns who.
      data: message.actorId === connection.personId ? { ...message.data, mine: true } : message.data,
    }));
  return { kind: 'replay', frames };
}
