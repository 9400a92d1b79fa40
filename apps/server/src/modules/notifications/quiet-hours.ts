/**
 * Quiet hours: a daily 'HH:MM'–'HH:MM' window in a person's time zone (UTC when none is set) during
 * which toasts and immediate emails hold back. A window whose start is after its end runs over
 * midnight; start equal to end, or either missing, means quiet hours are off.
 */
export interface QuietHours {
  start: string | null;
  end: string | null;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MINUTE = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether Intl knows the zone (e.g. 'Europe/Paris'); used to validate input too. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** 'HH:MM' (00:00–23:59) → minutes after midnight, or null when malformed. */
export function minutesOfDay(value: string | null): number | null {
  if (value === null) return null;
  const match = HHMM.exec(value);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

export function inQuietHours(quiet: QuietHours, timeZone: string | null, now: Date): boolean {
  const window = windowOf(quiet);
  if (!window) return false;
  const local = wallClock(now.getTime(), zoneOf(timeZone));
  const minute = local.hour * 60 + local.minute;
  return window.start < window.end
    ? minute >= window.start && minute < window.end
    : minute >= window.start || minute < window.end;
}

/**
 * The next moment quiet hours end, so that `runAt = quietHoursEnd(…)` defers work just enough.
 * Outside quiet hours (or with them off) that moment is `now`. When the end time does not exist that
 * day (skipped by a DST change), quiet hours end when the clock jumps past it.
 */
export function quietHoursEnd(quiet: QuietHours, timeZone: string | null, now: Date): Date {
  const window = windowOf(quiet);
  if (!window || !inQuietHours(quiet, timeZone, now)) return new Date(now.getTime());
  const zone = zoneOf(timeZone);
  const local = wallClock(now.getTime(), zone);
  for (let dayOffset = 0; dayOffset < 3; dayOffset += 1) {
    const day = new Date(Date.UTC(local.year, local.month - 1, local.day + dayOffset));
    const end = instantOfWallTime(
      day.getUTCFullYear(),
      day.getUTCMonth() + 1,
      day.getUTCDate(),
      window.end,
      zone,
    );
    if (end > now.getTime()) return new Date(end);
  }
  // Unreachable for real zones: a wall time recurs at least every other day.
  return new Date(now.getTime() + 24 * 60 * MINUTE);
}

function windowOf(quiet: QuietHours): { start: number; end: number } | null {
  const start = minutesOfDay(quiet.start);
  const end = minutesOfDay(quiet.end);
  if (start === null || end === null || start === end) return null;
  return { start, end };
}

function zoneOf(timeZone: string | null): string {
  return timeZone && isValidTimeZone(timeZone) ? timeZone : 'UTC';
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function formatterOf(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

function wallClock(ms: number, zone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterOf(zone).formatToParts(new Date(ms)))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
  };
}

/** The wall clock read as if it were UTC, in minutes: comparable across one zone's instants. */
function wallMinutes(ms: number, zone: string): number {
  const c = wallClock(ms, zone);
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute) / MINUTE;
}

/**
 * The first instant at which the zone's clock shows (or has passed) the wall time: the earlier one
 * when a DST fall-back repeats it, the end of the gap when a spring-forward skips it.
 */
function instantOfWallTime(year: number, month: number, day: number, minutes: number, zone: string): number {
  const target = Date.UTC(year, month - 1, day, 0, minutes) / MINUTE;
  // Offsets a day either side bracket any transition near the target.
  const offsets = [target - 24 * 60, target + 24 * 60].map((m) => wallMinutes(m * MINUTE, zone) - m);
  const candidates = [...new Set(offsets.map((offset) => target - offset))].sort((a, b) => a - b);
  for (const candidate of candidates)
    if (wallMinutes(candidate * MINUTE, zone) === target) return candidate * MINUTE;
  // Skipped wall time: binary-search the first minute whose clock reads past the target.
  let low = candidates[0] ?? target;
  let high = candidates[candidates.length - 1] ?? target;
  if (wallMinutes(low * MINUTE, zone) > target) return low * MINUTE;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (wallMinutes(mid * MINUTE, zone) >= target) high = mid;
    else low = mid;
  }
  return high * MINUTE;
}
