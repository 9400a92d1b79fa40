import type { DigestFrequency } from '@atrium/contracts';
import { Cron } from 'croner';
import { isValidTimeZone } from '../notifications/quiet-hours.ts';

export interface DigestSchedule {
  digest: DigestFrequency;
  /** 0–23 in the person's time zone. */
  digestHour: number;
  /** ISO weekday 1 (Monday) – 7 (Sunday), for weekly digests. */
  digestWeekday: number;
}

/**
 * The next digest moment strictly after `now`, at the top of the chosen hour in the person's time zone
 * (UTC when none is set or it is unknown); null when digests are off. DST is croner's business: a skipped
 * hour runs when the clock jumps past it, a repeated one runs once.
 */
export function nextDigestAt(schedule: DigestSchedule, timeZone: string | null, now: Date): Date | null {
  if (schedule.digest === 'off') return null;
  const hour = Math.min(23, Math.max(0, Math.trunc(schedule.digestHour)));
  const weekday = Math.min(7, Math.max(1, Math.trunc(schedule.digestWeekday)));
  // Five fields (minute hour day month weekday); croner reads weekday 7 as Sunday like 0.
  const pattern = schedule.digest === 'weekly' ? `0 ${hour} * * ${weekday}` : `0 ${hour} * * *`;
  const timezone = timeZone && isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const cron = new Cron(pattern, { timezone, paused: true });
  return cron.nextRun(now);
}
