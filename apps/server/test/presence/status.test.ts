import { NOTIFICATION_LIMITS } from '@atrium/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setStatus } from '../../src/modules/presence/commands/set-status.ts';
import { presentMyStatus } from '../../src/modules/presence/presence.presenter.ts';
import { findStatus } from '../../src/modules/presence/presence.repository.ts';
import { call, eventsNamed } from '../people/helpers.ts';
import { expectStatus } from '../posts/helpers.ts';
import { type Session, signedIn } from '../support/factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let me: Session;
let colleague: Session;
beforeAll(async () => {
  app = await createTestApp();
  me = await signedIn(app, { name: 'Stella Status', handle: 'stella' });
  colleague = await signedIn(app, { name: 'Colin League', handle: 'colin' });
});
afterAll(async () => {
  await app.close();
});

/** A JSON body sent as is (bare strings and null included). */
const putJson = (session: Session, url: string, json: string) =>
  app.app.inject({
    method: 'PUT',
    url,
    headers: { ...session.headers, 'content-type': 'application/json' },
    payload: json,
  });

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const profileOf = async (viewer: Session, handle: string) => {
  const res = await call(app, viewer, 'GET', `/api/v1/people/${handle}`);
  expectStatus(res, 200);
  return res.json();
};

describe('status routes', () => {
  it('answer 401 without a session', async () => {
    expectStatus(await call(app, undefined, 'GET', '/api/v1/me/status'), 401);
    expectStatus(await call(app, undefined, 'PUT', '/api/v1/me/status', { availability: 'busy' }), 401);
    expectStatus(await call(app, undefined, 'DELETE', '/api/v1/me/status'), 401);
    expectStatus(
      await call(app, undefined, 'PUT', '/api/v1/me/working-hours', {
        days: [1],
        start: '09:00',
        end: '17:00',
      }),
      401,
    );
  });

  it('refuse a change without the CSRF token', async () => {
    const res = await app.app.inject({
      method: 'PUT',
      url: '/api/v1/me/status',
      headers: { cookie: me.headers.cookie },
      payload: { availability: 'busy' },
    });
    expectStatus(res, 403);
  });

  it('answer 400 for a bad availability, a past or malformed end, or a message too long', async () => {
    const put = (body: unknown) => call(app, me, 'PUT', '/api/v1/me/status', body);
    expectStatus(await put({ availability: 'asleep' }), 400);
    expectStatus(await put({}), 400);
    expectStatus(await put({ availability: 'busy', extra: 1 }), 400);
    const past = await put({ availability: 'out_of_office', until: inHours(-1) });
    expectStatus(past, 400);
    expect(past.json().errors?.[0]?.path).toBe('body/until');
    expectStatus(await put({ availability: 'busy', until: 'next tuesday' }), 400);
    expectStatus(await put({ availability: 'busy', until: '2099-01-01T10:00:00' }), 400);
    expectStatus(await put({ availability: 'busy', until: '2099-02-30T10:00:00Z' }), 400);
    expectStatus(await put({ availability: 'busy', until: '2099-01-01T24:00:00Z' }), 400);
    const tooLong = 'x'.repeat(NOTIFICATION_LIMITS.statusMessage + 1);
    expectStatus(await put({ availability: 'busy', message: tooLong }), 400);
    expectStatus(await put({ availability: 'busy', message: 'bell\u0007' }), 400);
    // Nothing was stored by any of them.
    expect(await findStatus(app.ctx.db, me.person.id)).toBeUndefined();
  });

  it('counts the message in code points and folds it onto one line', async () => {
    const emoji = '🌴'.repeat(NOTIFICATION_LIMITS.statusMessage);
    const long = await call(app, me, 'PUT', '/api/v1/me/status', { availability: 'busy', message: emoji });
    expectStatus(long, 200);
    expect(long.json().message).toBe(emoji);
    const folded = await call(app, me, 'PUT', '/api/v1/me/status', {
      availability: 'busy',
      message: '  In a\n\nworkshop  ',
    });
    expect(folded.json().message).toBe('In a workshop');
    const blank = await call(app, me, 'PUT', '/api/v1/me/status', { availability: 'busy', message: '   ' });
    expect(blank.json().message).toBeNull();
  });

  it('sets, shows and clears a status, recording person.status_changed each time', async () => {
    const before = (await eventsNamed(app, 'person.status_changed', me.person.id)).length;
    const until = new Date(Date.now() + 86_400_000).toISOString().replace('Z', '+00:00');
    const res = await call(app, me, 'PUT', '/api/v1/me/status', {
      availability: 'out_of_office',
      message: 'Hiking in the Alps',
      until,
    });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({
      availability: 'out_of_office',
      message: 'Hiking in the Alps',
      until: new Date(until).toISOString(),
      workingHours: null,
    });
    const mine = await call(app, me, 'GET', '/api/v1/me/status');
    expect(mine.json().availability).toBe('out_of_office');
    expect((await profileOf(colleague, 'stella')).currentStatus).toEqual({
      availability: 'out_of_office',
      message: 'Hiking in the Alps',
      until: new Date(until).toISOString(),
    });

    const events = await eventsNamed(app, 'person.status_changed', me.person.id);
    expect(events.length).toBe(before + 1);
    const payload = JSON.parse(events.at(-1)?.payload ?? '{}');
    expect(payload).toMatchObject({ availability: 'out_of_office', fields: expect.any(Array) });
    // The message is the person's own words: it stays out of the outbox.
    expect(JSON.stringify(payload)).not.toContain('Alps');

    // The same status again changes nothing and records nothing.
    await call(app, me, 'PUT', '/api/v1/me/status', {
      availability: 'out_of_office',
      message: 'Hiking in the Alps',
      until,
    });
    expect((await eventsNamed(app, 'person.status_changed', me.person.id)).length).toBe(before + 1);

    const cleared = await call(app, me, 'DELETE', '/api/v1/me/status');
    expectStatus(cleared, 200);
    expect(cleared.json()).toMatchObject({ availability: 'available', message: null, until: null });
    expect((await profileOf(colleague, 'stella')).currentStatus).toBeNull();
    expect((await eventsNamed(app, 'person.status_changed', me.person.id)).length).toBe(before + 2);
  });

  it('lets a status lapse at its end: it reads as available and shows as null', async () => {
    const start = new Date();
    await setStatus(app.ctx, {
      personId: me.person.id,
      availability: 'do_not_disturb',
      message: 'Focus time',
      until: new Date(start.getTime() + 3_600_000).toISOString(),
      now: start,
    });
    const row = await findStatus(app.ctx.db, me.person.id);
    const later = new Date(start.getTime() + 2 * 3_600_000);
    expect(presentMyStatus(row, start)).toMatchObject({ availability: 'do_not_disturb' });
    expect(presentMyStatus(row, later)).toMatchObject({
      availability: 'available',
      message: null,
      until: null,
    });

    // Through the API, once the end has passed.
    await app.ctx.db
      .updateTable('person_status')
      .set({ until: new Date(start.getTime() - 1000).toISOString() })
      .where('person_id', '=', me.person.id)
      .execute();
    const mine = await call(app, me, 'GET', '/api/v1/me/status');
    expect(mine.json()).toMatchObject({ availability: 'available', message: null, until: null });
    expect((await profileOf(colleague, 'stella')).currentStatus).toBeNull();
  });

  it('records nothing when clearing a status never set, and announces a change to the live bus', async () => {
    const fresh = await signedIn(app);
    expectStatus(await call(app, fresh, 'DELETE', '/api/v1/me/status'), 200);
    expect(await eventsNamed(app, 'person.status_changed', fresh.person.id)).toEqual([]);
    expect(await findStatus(app.ctx.db, fresh.person.id)).toBeUndefined();

    await app.drainEvents();
    const controls: string[] = [];
    const stop = app.ctx.bus.subscribe((envelope) => {
      if (envelope.kind === 'control' && envelope.control.type === 'presence') {
        controls.push(envelope.control.personId);
      }
    });
    await call(app, fresh, 'PUT', '/api/v1/me/status', { availability: 'busy' });
    await app.drainEvents();
    stop();
    expect(controls).toEqual([fresh.person.id]);
  });

  it('shows a plain message while available', async () => {
    await call(app, me, 'PUT', '/api/v1/me/status', { availability: 'available', message: 'In Lisbon' });
    expect((await profileOf(colleague, 'stella')).currentStatus).toEqual({
      availability: 'available',
      message: 'In Lisbon',
      until: null,
    });
    await call(app, me, 'DELETE', '/api/v1/me/status');
  });
});

describe('PUT /api/v1/me/working-hours', () => {
  const put = (body: unknown) => call(app, colleague, 'PUT', '/api/v1/me/working-hours', body);

  it('answers 400 for bad days, times or an empty window', async () => {
    for (const body of [
      { days: [], start: '09:00', end: '17:00' },
      { days: [0], start: '09:00', end: '17:00' },
      { days: [8], start: '09:00', end: '17:00' },
      { days: [1, 1], start: '09:00', end: '17:00' },
      { days: [1.5], start: '09:00', end: '17:00' },
      { days: [1], start: '9:00', end: '17:00' },
      { days: [1], start: '09:00', end: '24:00' },
      { days: [1], start: '09:00', end: '09:00' },
      { days: [1], start: '09:00' },
      { days: [1], start: '09:00', end: '17:00', zone: 'UTC' },
    ]) {
      expectStatus(await put(body), 400, JSON.stringify(body));
    }
    for (const json of ['"weekdays"', '[1,2]', '']) {
      expectStatus(await putJson(colleague, '/api/v1/me/working-hours', json), 400, json);
    }
    expect(await findStatus(app.ctx.db, colleague.person.id)).toBeUndefined();
  });

  it('sets working hours (over midnight too), keeps them across status changes, and clears them', async () => {
    const set = await put({ days: [5, 1, 3], start: '22:00', end: '06:00' });
    expectStatus(set, 200);
    expect(set.json().workingHours).toEqual({ days: [1, 3, 5], start: '22:00', end: '06:00' });
    expect(set.json().availability).toBe('available');
    expect((await eventsNamed(app, 'person.status_changed', colleague.person.id)).length).toBe(1);

    await call(app, colleague, 'PUT', '/api/v1/me/status', { availability: 'busy' });
    await call(app, colleague, 'DELETE', '/api/v1/me/status');
    const kept = await call(app, colleague, 'GET', '/api/v1/me/status');
    expect(kept.json().workingHours).toEqual({ days: [1, 3, 5], start: '22:00', end: '06:00' });

    const cleared = await putJson(colleague, '/api/v1/me/working-hours', 'null');
    expectStatus(cleared, 200);
    expect(cleared.json().workingHours).toBeNull();
  });
});
