import { describe, expect, it } from 'vitest';
import { inQuietHours, isValidTimeZone, quietHoursEnd } from '../../src/modules/notifications/quiet-hours.ts';

const at = (iso: string) => new Date(iso);
const night = { start: '22:00', end: '07:00' };
const lunch = { start: '12:00', end: '13:30' };

describe('inQuietHours', () => {
  it('is off when either bound is missing or both are equal', () => {
    const now = at('2026-03-10T23:00:00Z');
    expect(inQuietHours({ start: null, end: null }, null, now)).toBe(false);
    expect(inQuietHours({ start: '22:00', end: null }, null, now)).toBe(false);
    expect(inQuietHours({ start: '22:00', end: '22:00' }, null, now)).toBe(false);
    expect(quietHoursEnd({ start: null, end: null }, null, now)).toEqual(now);
  });

  it('reads a null time zone as UTC', () => {
    expect(inQuietHours(lunch, null, at('2026-03-10T12:15:00Z'))).toBe(true);
    expect(inQuietHours(lunch, null, at('2026-03-10T13:30:00Z'))).toBe(false);
    expect(inQuietHours(lunch, null, at('2026-03-10T11:59:00Z'))).toBe(false);
  });

  it('handles a window over midnight in the person’s zone', () => {
    // Paris is UTC+1 in March before the change.
    expect(inQuietHours(night, 'Europe/Paris', at('2026-03-10T21:30:00Z'))).toBe(true); // 22:30
    expect(inQuietHours(night, 'Europe/Paris', at('2026-03-11T05:59:00Z'))).toBe(true); // 06:59
    expect(inQuietHours(night, 'Europe/Paris', at('2026-03-11T06:00:00Z'))).toBe(false); // 07:00
    expect(inQuietHours(night, 'Europe/Paris', at('2026-03-10T20:30:00Z'))).toBe(false); // 21:30
    expect(inQuietHours(night, null, at('2026-03-10T21:30:00Z'))).toBe(false);
  });

  it('treats an unknown zone as UTC instead of throwing', () => {
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(inQuietHours(lunch, 'Mars/Olympus', at('2026-03-10T12:15:00Z'))).toBe(true);
  });
});

describe('quietHoursEnd', () => {
  it('is now outside quiet hours', () => {
    const now = at('2026-03-10T15:00:00Z');
    expect(quietHoursEnd(night, 'Europe/Paris', now)).toEqual(now);
  });

  it('finds the end on the next day before midnight and on the same day after it', () => {
    expect(quietHoursEnd(night, 'Europe/Paris', at('2026-03-10T21:30:00Z'))).toEqual(
      at('2026-03-11T06:00:00Z'),
    );
    expect(quietHoursEnd(night, 'Europe/Paris', at('2026-03-11T02:00:00Z'))).toEqual(
      at('2026-03-11T06:00:00Z'),
    );
    expect(quietHoursEnd(night, null, at('2026-03-10T23:00:00Z'))).toEqual(at('2026-03-11T07:00:00Z'));
    expect(quietHoursEnd(lunch, 'Asia/Kolkata', at('2026-03-10T06:45:00Z'))).toEqual(
      at('2026-03-10T08:00:00Z'),
    );
  });

  it('uses the offset in force at the end on a DST day', () => {
    // Paris springs forward on 2026-03-29 at 02:00 (UTC+1 → UTC+2): 07:00 local is 05:00Z.
    const evening = at('2026-03-28T21:30:00Z');
    expect(inQuietHours(night, 'Europe/Paris', evening)).toBe(true);
    expect(quietHoursEnd(night, 'Europe/Paris', evening)).toEqual(at('2026-03-29T05:00:00Z'));
    // New York falls back on 2026-11-01 at 02:00 (UTC-4 → UTC-5): 07:00 local is 12:00Z.
    expect(quietHoursEnd(night, 'America/New_York', at('2026-11-01T03:00:00Z'))).toEqual(
      at('2026-11-01T12:00:00Z'),
    );
  });

  it('ends when the clock jumps past an end time the DST change skips', () => {
    const window = { start: '23:00', end: '02:30' };
    // 2026-03-29 02:30 does not exist in Paris: the clock goes 01:59 → 03:00 at 01:00Z.
    const now = at('2026-03-28T23:30:00Z');
    expect(inQuietHours(window, 'Europe/Paris', now)).toBe(true);
    expect(quietHoursEnd(window, 'Europe/Paris', now)).toEqual(at('2026-03-29T01:00:00Z'));
  });

  it('picks the first of two repeated wall times on a fall-back day', () => {
    const window = { start: '23:00', end: '01:30' };
    // 01:30 happens twice in New York on 2026-11-01: first at 05:30Z (EDT), again at 06:30Z (EST).
    expect(quietHoursEnd(window, 'America/New_York', at('2026-11-01T04:00:00Z'))).toEqual(
      at('2026-11-01T05:30:00Z'),
    );
  });
});
