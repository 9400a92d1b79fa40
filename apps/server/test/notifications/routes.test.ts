import { DEFAULT_NOTIFICATION_DELIVERY } from '@atrium/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/db/time.ts';
import { type Session, signedIn } from '../support/factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { call, inbox, ok, post } from './helpers.ts';

let app: TestApp;
let ana: Session;
let ben: Session;
let carl: Session;
let notificationIds: string[];

beforeAll(async () => {
  app = await createTestApp();
  ana = await signedIn(app, { name: 'Ana Ruiz', handle: `ana-${newId().slice(-8)}` });
  ben = await signedIn(app, { name: 'Ben Li', handle: `ben-${newId().slice(-8)}` });
  carl = await signedIn(app, { name: 'Carl Diaz', handle: `carl-${newId().slice(-8)}` });
  // Three notifications for Ana: a reaction, a reply and a new follower.
  const p = await post(app, ana, { body: 'Routes' });
  await ok(call(app, ben, 'PUT', `/api/v1/posts/${p.id}/reactions/like`));
  await ok(call(app, ben, 'POST', `/api/v1/posts/${p.id}/comments`, { body: 'Nice' }));
  await ok(call(app, carl, 'PUT', `/api/v1/people/${ana.person.handle}/follow`));
  notificationIds = (await inbox(app, ana)).map((n) => n.id);
});
afterAll(async () => {
  await app.close();
});

const noCsrf = (who: Session) => ({ cookie: who.headers.cookie });

describe('GET /api/v1/notifications', () => {
  it('401 anonymous; 400 for bad filters and cursors', async () => {
    expect((await call(app, undefined, 'GET', '/api/v1/notifications')).statusCode).toBe(401);
    for (const query of ['status=read', 'type=poke', 'limit=0', 'limit=101', 'cursor=nonsense', 'extra=1']) {
      const res = await call(app, ana, 'GET', `/api/v1/notifications?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });

  it('pages by (updated_at, id), newest first, and filters by status and type', async () => {
    expect(notificationIds).toHaveLength(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await call(
        app,
        ana,
        'GET',
        `/api/v1/notifications?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: Array<{ id: string }>; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(1);
      seen.push(...body.items.map((n) => n.id));
      cursor = body.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(notificationIds);
    expect((await inbox(app, ana, 'type=new_follower')).map((n) => n.type)).toEqual(['new_follower']);
    expect(await inbox(app, ana, 'type=praise')).toEqual([]);
    // Nobody else's notifications.
    expect(await inbox(app, ben)).toEqual([]);
  });
});

describe('GET /api/v1/notifications/unread-count', () => {
  it('401 anonymous; counts my unread ones', async () => {
    expect((await call(app, undefined, 'GET', '/api/v1/notifications/unread-count')).statusCode).toBe(401);
    const res = await call(app, carl, 'GET', '/api/v1/notifications/unread-count');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ unread: 0 });
  });
});

describe('POST /api/v1/notifications/{id}/read and /read-all', () => {
  it('401 anonymous; 403 without the CSRF token; 400 for a malformed id; 404 for missing and others’ notifications', async () => {
    const [id] = notificationIds;
    expect((await call(app, undefined, 'POST', `/api/v1/notifications/${id}/read`)).statusCode).toBe(401);
    expect((await call(app, undefined, 'POST', '/api/v1/notifications/read-all')).statusCode).toBe(401);
    const csrfLess = await app.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${id}/read`,
      headers: noCsrf(ana),
    });
    expect(csrfLess.statusCode).toBe(403);
    const csrfLessAll = await app.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read-all',
      headers: noCsrf(ana),
    });
    expect(csrfLessAll.statusCode).toBe(403);
    expect((await call(app, ana, 'POST', `/api/v1/notifications/${'x'.repeat(65)}/read`)).statusCode).toBe(
      400,
    );
    const missing = await call(app, ana, 'POST', `/api/v1/notifications/${newId()}/read`);
    const others = await call(app, ben, 'POST', `/api/v1/notifications/${id}/read`);
    expect(missing.statusCode).toBe(404);
    expect(others.statusCode).toBe(404);
    expect(others.json().detail).toBe(missing.json().detail);
    expect((await inbox(app, ana, 'status=unread')).length).toBe(3);
  });

  it('marks one read (idempotent), then all', async () => {
    const [first] = notificationIds;
    expect((await call(app, ana, 'POST', `/api/v1/notifications/${first}/read`)).statusCode).toBe(204);
    expect((await call(app, ana, 'POST', `/api/v1/notifications/${first}/read`)).statusCode).toBe(204);
    const reads = await app.ctx.db
      .selectFrom('events')
      .select('id')
      .where('name', '=', 'notification.read')
      .where('subject_id', '=', first ?? '')
      .execute();
    expect(reads).toHaveLength(1);
    const unreadNow = await inbox(app, ana, 'status=unread');
    expect(unreadNow.map((n) => n.id)).toEqual(notificationIds.slice(1));
    const all = await inbox(app, ana);
    expect(all.find((n) => n.id === first)?.readAt).not.toBeNull();
    expect((await call(app, ana, 'POST', '/api/v1/notifications/read-all')).statusCode).toBe(204);
    expect(await inbox(app, ana, 'status=unread')).toEqual([]);
    expect((await call(app, ana, 'GET', '/api/v1/notifications/unread-count')).json()).toEqual({ unread: 0 });
  });
});

describe('GET/PUT /api/v1/me/notification-preferences', () => {
  it('401 anonymous; 400 for unknown types, deliveries and fields', async () => {
    expect((await call(app, undefined, 'GET', '/api/v1/me/notification-preferences')).statusCode).toBe(401);
    const put = (body: unknown) => call(app, ana, 'PUT', '/api/v1/me/notification-preferences', body);
    expect(
      (
        await call(app, undefined, 'PUT', '/api/v1/me/notification-preferences', {
          type: 'mention',
          delivery: 'off',
        })
      ).statusCode,
    ).toBe(401);
    for (const body of [
      { type: 'poke', delivery: 'off' },
      { type: 'mention', delivery: 'carrier_pigeon' },
      { type: 'mention' },
      { type: 'mention', delivery: 'off', extra: true },
    ]) {
      expect((await put(body)).statusCode, JSON.stringify(body)).toBe(400);
    }
  });

  it('404 for a space override in a space I may not read, the same as for a missing one', async () => {
    const owner = await signedIn(app);
    const privateSpace = await buildSpace(app, owner, { visibility: 'private' });
    const secret = await buildSpace(app, owner, { visibility: 'secret' });
    const answers = [];
    for (const spaceId of [privateSpace.id, secret.id, newId()]) {
      const res = await call(app, ana, 'PUT', '/api/v1/me/notification-preferences', {
        type: 'reply',
        delivery: 'off',
        spaceId,
      });
      expect(res.statusCode).toBe(404);
      answers.push(res.json().detail);
    }
    expect(new Set(answers).size).toBe(1);
  });

  it('sets a default per type and an override per space; overrides of spaces I left are not listed', async () => {
    const initial = await call(app, ana, 'GET', '/api/v1/me/notification-preferences');
    expect(initial.statusCode).toBe(200);
    expect(initial.json()).toEqual({ defaults: DEFAULT_NOTIFICATION_DELIVERY, spaces: [] });
    const owner = await signedIn(app);
    const space = await buildSpace(app, owner, { name: 'Ops', visibility: 'private' });
    await addMember(app, space, ana);
    await ok(
      call(app, ana, 'PUT', '/api/v1/me/notification-preferences', { type: 'mention', delivery: 'in_app' }),
    );
    const res = await call(app, ana, 'PUT', '/api/v1/me/notification-preferences', {
      type: 'reply',
      delivery: 'email_immediate',
      spaceId: space.id,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      defaults: { ...DEFAULT_NOTIFICATION_DELIVERY, mention: 'in_app' },
      spaces: [{ spaceId: space.id, spaceName: 'Ops', type: 'reply', delivery: 'email_immediate' }],
    });
    await ok(call(app, ana, 'POST', `/api/v1/spaces/${space.handle}/leave`));
    expect((await call(app, ana, 'GET', '/api/v1/me/notification-preferences')).json().spaces).toEqual([]);
    const cleared = await call(app, ana, 'PUT', '/api/v1/me/notification-preferences', {
      type: 'mention',
      delivery: null,
    });
    expect(cleared.json().defaults).toEqual(DEFAULT_NOTIFICATION_DELIVERY);
  });
});

describe('GET/PUT /api/v1/me/notification-settings', () => {
  it('401 anonymous; 400 for out-of-range values, half quiet hours and unknown time zones', async () => {
    expect((await call(app, undefined, 'GET', '/api/v1/me/notification-settings')).statusCode).toBe(401);
    expect(
      (await call(app, undefined, 'PUT', '/api/v1/me/notification-settings', { digest: 'off' })).statusCode,
    ).toBe(401);
    for (const body of [
      { digest: 'hourly' },
      { digestHour: 24 },
      { digestHour: -1 },
      { digestWeekday: 0 },
      { digestWeekday: 8 },
      { quietStart: '22:00' },
      { quietStart: null, quietEnd: '07:00' },
      { quietStart: '25:00', quietEnd: '07:00' },
      { quietStart: '7:00', quietEnd: '08:00' },
      { timeZone: 'Mars/Olympus' },
      { timeZone: 'x'.repeat(65) },
      { somethingElse: true },
    ]) {
      const res = await call(app, ben, 'PUT', '/api/v1/me/notification-settings', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
  });

  it('answers defaults, then what was set; the time zone goes to the profile too', async () => {
    const res = await call(app, ben, 'GET', '/api/v1/me/notification-settings');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      digest: 'daily',
      digestHour: 8,
      digestWeekday: 1,
      quietStart: null,
      quietEnd: null,
      timeZone: null,
    });
    const changed = await call(app, ben, 'PUT', '/api/v1/me/notification-settings', {
      digest: 'weekly',
      digestHour: 17,
      digestWeekday: 5,
      quietStart: '22:30',
      quietEnd: '07:00',
      timeZone: 'Europe/Madrid',
    });
    expect(changed.statusCode).toBe(200);
    const expected = {
      digest: 'weekly',
      digestHour: 17,
      digestWeekday: 5,
      quietStart: '22:30',
      quietEnd: '07:00',
      timeZone: 'Europe/Madrid',
    };
    expect(changed.json()).toEqual(expected);
    expect((await call(app, ben, 'GET', '/api/v1/me/notification-settings')).json()).toEqual(expected);
    expect((await call(app, ben, 'GET', `/api/v1/people/${ben.person.handle}`)).json().timeZone).toBe(
      'Europe/Madrid',
    );
    const off = await call(app, ben, 'PUT', '/api/v1/me/notification-settings', {
      quietStart: null,
      quietEnd: null,
    });
    expect(off.json()).toMatchObject({ quietStart: null, quietEnd: null, digest: 'weekly' });
    const events = await app.ctx.db
      .selectFrom('events')
      .select('payload')
      .where('name', '=', 'person.notification_settings_changed')
      .where('subject_id', '=', ben.person.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => JSON.parse(e.payload))).toEqual([
      { changed: ['digest', 'digestHour', 'digestWeekday', 'quietStart', 'quietEnd', 'timeZone'] },
      { changed: ['quietStart', 'quietEnd'] },
    ]);
  });
});

describe('PUT/DELETE /api/v1/posts/{id}/mute', () => {
  it('401 anonymous; 400 for a malformed id; 404 for missing and unreadable posts; idempotent', async () => {
    const owner = await signedIn(app);
    const privateSpace = await buildSpace(app, owner, { visibility: 'private' });
    const hidden = await post(app, owner, {
      target: { type: 'space', id: privateSpace.id },
      body: 'members only',
    });
    const mine = await post(app, ben, { body: 'mute me' });
    for (const method of ['PUT', 'DELETE'] as const) {
      expect((await call(app, undefined, method, `/api/v1/posts/${mine.id}/mute`)).statusCode).toBe(401);
      expect((await call(app, ana, method, `/api/v1/posts/${'x'.repeat(65)}/mute`)).statusCode).toBe(400);
      const missing = await call(app, ana, method, `/api/v1/posts/${newId()}/mute`);
      const unreadable = await call(app, ana, method, `/api/v1/posts/${hidden.id}/mute`);
      expect([missing.statusCode, unreadable.statusCode]).toEqual([404, 404]);
      expect(unreadable.json().detail).toBe(missing.json().detail);
    }
    for (const [method, muted] of [
      ['PUT', true],
      ['PUT', true],
      ['DELETE', false],
      ['DELETE', false],
    ] as const) {
      const res = await call(app, ana, method, `/api/v1/posts/${mine.id}/mute`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ muted });
      // The post detail tells me (and only me) whether I muted its thread.
      expect((await call(app, ana, 'GET', `/api/v1/posts/${mine.id}`)).json().threadMuted).toBe(muted);
      expect((await call(app, ben, 'GET', `/api/v1/posts/${mine.id}`)).json().threadMuted).toBe(false);
    }
    expect(
      await app.ctx.db.selectFrom('thread_mutes').selectAll().where('post_id', '=', mine.id).execute(),
    ).toEqual([]);
  });
});
