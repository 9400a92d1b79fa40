import type { Availability } from '@atrium/contracts';
import type { AppContext } from '../../../platform/context.ts';
import { badRequest } from '../../../platform/http/errors.ts';
import type { MyStatus } from '../presence.presenter.ts';
import { writeStatus } from '../status-writes.ts';

/** RFC 3339 date-time with an explicit offset (a bare local time would depend on the server's zone). */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))$/i;

/** Milliseconds since the epoch, or NaN unless `raw` names a real moment (no 30 February, no 25:00). */
export function parseDateTime(raw: string): number {
  const m = DATE_TIME.exec(raw);
  if (!m) return Number.NaN;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const offsetHours = Number(m[10] ?? 0);
  const offsetMinutes = Number(m[11] ?? 0);
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return Number.NaN;
  const utc = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) {
    return Number.NaN;
  }
  const fraction = m[7] ? Math.floor(Number(m[7]) * 1000) : 0;
  const sign = m[9] === '-' ? -1 : 1;
  return utc.getTime() + fraction - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
}

/** One line: runs of whitespace (newlines included) fold into one space; blank means none. */
export function statusMessageOf(raw: string | null | undefined): string | null {
  const text = (raw ?? '').replace(/\s+/gu, ' ').trim();
  return text === '' ? null : text;
}

/** The end of a status as a UTC timestamp; refuses malformed and past moments. */
export function statusEndOf(raw: string | null | undefined, now: Date): string | null {
  if (raw === undefined || raw === null) return null;
  const time = parseDateTime(raw);
  const path = [{ path: 'body/until', message: 'must be an ISO date-time with a time zone offset' }];
  if (Number.isNaN(time)) throw badRequest('The end of a status must be an ISO date-time.', path);
  if (time <= now.getTime()) {
    throw badRequest('The end of a status must be in the future.', [
      { path: 'body/until', message: 'is in the past' },
    ]);
  }
  return new Date(time).toISOString();
}

/**
 * Sets the actor's own availability, message and end together (what is not sent is cleared): a status
 * is set as a whole, like the form that sets it. Working hours are kept.
 */
export async function setStatus(
  ctx: AppContext,
  input: {
    personId: string;
    availability: Availability;
    message?: string | null;
    until?: string | null;
    now?: Date;
  },
): Promise<MyStatus> {
  const now = input.now ?? new Date();
  return writeStatus(
    ctx,
    input.personId,
    {
      availability: input.availability,
      message: statusMessageOf(input.message),
      until: statusEndOf(input.until, now),
    },
    now,
  );
}
