/** Working hours in the person's time zone: ISO weekdays 1 (Monday) – 7 and 'HH:MM' bounds. */
export interface WorkingHours {
  days: number[];
  start: string;
  end: string;
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const isHhMm = (value: string): boolean => HH_MM.test(value);

/** Reads the stored JSON; anything malformed counts as no working hours rather than failing a read. */
export function parseWorkingHours(json: string | null): WorkingHours | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null) return null;
    const { days, start, end } = value as Record<string, unknown>;
    if (!Array.isArray(days) || typeof start !== 'string' || typeof end !== 'string') return null;
    const weekdays = days.filter(
      (d): d is number => typeof d === 'number' && Number.isInteger(d) && d >= 1 && d <= 7,
    );
    if (!isHhMm(start) || !isHhMm(end)) return null;
    return { days: weekdays, start, end };
  } catch {
    return null;
  }
}

export const serializeWorkingHours = (hours: WorkingHours | null): string | null =>
  hours === null
    ? null
    : JSON.stringify({ days: [...hours.days].sort((a, b) => a - b), start: hours.start, end: hours.end });
