import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attentionOf } from '../../src/modules/presence/attention.ts';
import { parseDateTime, setStatus } from '../../src/modules/presence/commands/set-status.ts';
import { setWorkingHours } from '../../src/modules/presence/commands/set-working-hours.ts';
import { parseWorkingHours } from '../../src/modules/presence/working-hours.ts';
import { buildPerson } from '../support/factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('attentionOf', () => {
  it('reads do-not-disturb, out of office, time zone and working hours for many people in one go', async () => {
    const now = new Date();
    const plain = await buildPerson(app);
    const focused = await buildPerson(app);
    const away = await buildPerson(app);
    const lapsed = await buildPerson(app);
    await app.ctx.db
      .updateTable('people')
      .set({ time_zone: 'Europe/Lisbon' })
      .where('id', '=', focused.id)
      .execute();
    await setStatus(app.ctx, { personId: focused.id, availability: 'do_not_disturb', now });
    await setWorkingHours(app.ctx, {
      personId: focused.id,
      hours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:30' },
      now,
    });
    await setStatus(app.ctx, {
      personId: away.id,
      availability: 'out_of_office',
      message: 'Back Monday',
      until: new Date(now.getTime() + 86_400_000).toISOString(),
      now,
    });
    const oneHour = new Date(now.getTime() + 3_600_000);
    await setStatus(app.ctx, {
      personId: lapsed.id,
      availability: 'do_not_disturb',
      until: oneHour.toISOString(),
      now,
    });

    const ids = [plain.id, focused.id, away.id, lapsed.id, '01900000-0000-7000-8000-000000000000'];
    const attention = await attentionOf(app.ctx.db, ids, now);
    expect(attention.size).toBe(4);
    expect(attention.get(plain.id)).toEqual({
      doNotDisturb: false,
      outOfOffice: false,
      timeZone: null,
      workingHours: null,
    });
    expect(attention.get(focused.id)).toEqual({
      doNotDisturb: true,
      outOfOffice: false,
      timeZone: 'Europe/Lisbon',
      workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:30' },
    });
    expect(attention.get(away.id)).toMatchObject({ doNotDisturb: false, outOfOffice: true });
    expect(attention.get(lapsed.id)).toMatchObject({ doNotDisturb: true });

    // Once its end has passed, a status counts as available.
    const later = await attentionOf(app.ctx.db, [lapsed.id, focused.id], new Date(oneHour.getTime() + 1));
    expect(later.get(lapsed.id)).toMatchObject({ doNotDisturb: false, outOfOffice: false });
    expect(later.get(focused.id)).toMatchObject({ doNotDisturb: true });
    expect((await attentionOf(app.ctx.db, [], now)).size).toBe(0);
  });
});

describe('status parsing', () => {
  it('reads RFC 3339 date-times with their offset and refuses impossible ones', () => {
    expect(parseDateTime('2030-06-01T12:00:00+02:00')).toBe(Date.parse('2030-06-01T10:00:00Z'));
    expect(parseDateTime('2030-06-01T12:00Z')).toBe(Date.parse('2030-06-01T12:00:00Z'));
    expect(parseDateTime('2030-06-01T12:00:00.250-01:30')).toBe(Date.parse('2030-06-01T13:30:00.250Z'));
    for (const bad of ['2030-02-29T10:00:00Z', '2030-06-01T12:60:00Z', '2030-06-01', '2030-06-01 12:00Z']) {
      expect(parseDateTime(bad), bad).toBeNaN();
    }
  });

  it('treats malformed stored working hours as none', () => {
    expect(parseWorkingHours(null)).toBeNull();
    expect(parseWorkingHours('not json')).toBeNull();
    expect(parseWorkingHours('{"days":[1],"start":"9","end":"17:00"}')).toBeNull();
    expect(parseWorkingHours('{"days":[1,9],"start":"09:00","end":"17:00"}')).toEqual({
      days: [1],
      start: '09:00',
      end: '17:00',
    });
  });
});
