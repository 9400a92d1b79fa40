import { NOTIFICATION_LIMITS } from '@atrium/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/db/time.ts';
import type { BusEnvelope, LiveMessage } from '../../src/platform/realtime/bus.ts';
import { type Session, signedIn } from '../support/factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { call, inbox, ok, post, rowsFor, unread } from './helpers.ts';

let app: TestApp;
let ana: Session;
let ben: Session;
let carl: Session;

const person = async (name: string, extra: Parameters<typeof signedIn>[1] = {}) =>
  signedIn(app, { name, handle: `${name.split(' ')[0]?.toLowerCase()}-${newId().slice(-8)}`, ...extra });

beforeAll(async () => {
  app = await createTestApp();
  ana = await person('Ana Ruiz');
  ben = await person('Ben Li');
  carl = await person('Carl Diaz');
});
afterAll(async () => {
  await app.close();
});

const readAll = (who: Session) => ok(call(app, who, 'POST', '/api/v1/notifications/read-all'));
const react = (who: Session, postId: string, kind = 'like') =>
  ok(call(app, who, 'PUT', `/api/v1/posts/${postId}/reactions/${kind}`));
const commentOn = (who: Session, postId: string, body: string) =>
  ok(call(app, who, 'POST', `/api/v1/posts/${postId}/comments`, { body }));

describe('grouping', () => {
  it('folds reactions on one post into one unread notification, "and N others", until it is read', async () => {
    await readAll(ana);
    const p = await post(app, ana, { body: 'Big news' });
    const reactors = [ben, carl];
    for (const name of ['Dee', 'Eve', 'Fay']) reactors.push(await person(`${name} Test`));
    // One after the other, as people come by (handlers on several workers may take events in any order).
    for (const who of reactors) {
      await react(who, p.id);
      await app.drainEvents();
    }
    await react(ben, p.id, 'love'); // the same person again: not counted twice
    const items = await inbox(app, ana, 'status=unread');
    expect(items).toHaveLength(1);
    const [group] = items;
    expect(group?.actorCount).toBe(5);
    expect(group?.actors).toHaveLength(NOTIFICATION_LIMITS.actorsShown);
    // Newest first: Ben reacted last.
    expect(group?.actors[0]?.id).toBe(ben.person.id);
    expect(group?.text).toBe('Ben Li and 4 others reacted to your post');
    expect(await unread(app, ana)).toBe(1);

    await ok(call(app, ana, 'POST', `/api/v1/notifications/${group?.id}/read`));
    expect(await unread(app, ana)).toBe(0);
    await react(carl, p.id, 'funny');
    const after = await inbox(app, ana, 'status=unread');
    expect(after.map((n) => [n.text, n.id === group?.id])).toEqual([
      ['Carl Diaz reacted to your post', false],
    ]);
  });

  it('starts a new group once the batch window has passed', async () => {
    await readAll(ana);
    const p = await post(app, ana, { body: 'Another' });
    await react(ben, p.id);
    await app.drainEvents();
    const longAgo = new Date(Date.now() - NOTIFICATION_LIMITS.reactionBatchMs - 60_000).toISOString();
    await app.ctx.db
      .updateTable('notifications')
      .set({ created_at: longAgo })
      .where('recipient_id', '=', ana.person.id)
      .where('open_group', '=', `reaction:${p.id}`)
      .execute();
    await react(carl, p.id);
    const items = await inbox(app, ana, 'status=unread');
    expect(items.map((n) => n.text)).toEqual([
      'Carl Diaz reacted to your post',
      'Ben Li reacted to your post',
    ]);
  });
});

describe('preferences', () => {
  it("'off' for a type stops it; a space override wins over the type's default", async () => {
    await readAll(ana);
    await ok(
      call(app, ana, 'PUT', '/api/v1/me/notification-preferences', { type: 'reaction', delivery: 'off' }),
    );
    const p = await post(app, ana, { body: 'Quiet please' });
    await react(ben, p.id);
    expect(await inbox(app, ana, 'status=unread')).toEqual([]);
    await ok(
      call(app, ana, 'PUT', '/api/v1/me/notification-preferences', { type: 'reaction', delivery: null }),
    );

    const space = await buildSpace(app, ana, { name: 'Noisy Space' });
    await ok(
      call(app, ana, 'PUT', '/api/v1/me/notification-preferences', {
        type: 'reply',
        delivery: 'off',
        spaceId: space.id,
      }),
    );
    const inSpace = await post(app, ana, { target: { type: 'space', id: space.id }, body: 'In the space' });
    const inCompany = await post(app, ana, { body: 'In the company feed' });
    await commentOn(ben, inSpace.id, 'reply in space');
    await commentOn(ben, inCompany.id, 'reply in company');
    expect((await inbox(app, ana, 'status=unread')).map((n) => n.postId)).toEqual([inCompany.id]);

    // The space says 'in_app' while the type's default says 'off': the space wins.
    await readAll(ana);
    await ok(
      call(app, ana, 'PUT', '/api/v1/me/notification-preferences', { type: 'reply', delivery: 'off' }),
    );
    await ok(
      call(app, ana, 'PUT', '/api/v1/me/notification-preferences', {
        type: 'reply',
        delivery: 'in_app',
        spaceId: space.id,
      }),
    );
    await commentOn(carl, inSpace.id, 'again in space');
    await commentOn(carl, inCompany.id, 'again in company');
    expect((await inbox(app, ana, 'status=unread')).map((n) => n.postId)).toEqual([inSpace.id]);
    await ok(call(app, ana, 'PUT', '/api/v1/me/notification-preferences', { type: 'reply', delivery: null }));
  });
});

describe('thread mutes', () => {
  it('a muted thread stays silent except for mentions, until unmuted', async () => {
    await readAll(ana);
    const p = await post(app, ana, { body: 'Long thread ahead' });
    expect((await ok(call(app, ana, 'PUT', `/api/v1/posts/${p.id}/mute`))).json()).toEqual({ muted: true });
    await commentOn(ben, p.id, 'first');
    await react(ben, p.id);
    expect(await inbox(app, ana, 'status=unread')).toEqual([]);
    await commentOn(carl, p.id, `@${ana.person.handle} you should see this`);
    expect((await inbox(app, ana, 'status=unread')).map((n) => n.type)).toEqual(['mention']);
    await readAll(ana);
    expect((await ok(call(app, ana, 'DELETE', `/api/v1/posts/${p.id}/mute`))).json()).toEqual({
      muted: false,
    });
    await commentOn(ben, p.id, 'second');
    expect((await inbox(app, ana, 'status=unread')).map((n) => n.type)).toEqual(['reply']);
  });
});

describe('access', () => {
  it('a recipient who left a private space no longer sees nor counts its notifications', async () => {
    await readAll(ben);
    const space = await buildSpace(app, ana, { name: 'Secret Plans', visibility: 'private' });
    await addMember(app, space, ben);
    const p = await post(app, ana, {
      target: { type: 'space', id: space.id },
      body: `@${ben.person.handle} the numbers`,
    });
    const [mention] = await inbox(app, ben, 'status=unread');
    expect(mention).toMatchObject({
      type: 'mention',
      postId: p.id,
      space: { id: space.id, name: 'Secret Plans' },
    });
    expect(await unread(app, ben)).toBe(1);
    await ok(call(app, ben, 'POST', `/api/v1/spaces/${space.handle}/leave`));
    expect(await inbox(app, ben)).toEqual([]);
    expect(await unread(app, ben)).toBe(0);
    expect((await call(app, ben, 'POST', `/api/v1/notifications/${mention?.id}/read`)).statusCode).toBe(404);
    // Later activity on the post reaches him no more either.
    await commentOn(ana, p.id, `@${ben.person.handle} still there?`);
    expect(await rowsFor(app, ben.person.id)).toHaveLength(1);
  });

  it('an external person is never notified about a company post', async () => {
    const admin = await person('Ada Admin', { role: 'admin' });
    const external = await person('Xena External', { kind: 'external' });
    const community = await buildSpace(app, admin, { audience: 'external', visibility: 'private' });
    await addMember(app, community, external);
    await post(app, admin, {
      kind: 'announcement',
      body: `All hands @${external.person.handle}`,
      announcement: {},
    });
    await app.drainEvents();
    expect(await rowsFor(app, external.person.id)).toEqual([]);
    // The same announcement in their community reaches them.
    await post(app, admin, {
      target: { type: 'space', id: community.id },
      kind: 'announcement',
      body: 'Welcome, customers',
    });
    expect((await inbox(app, external)).map((n) => n.type)).toEqual(['announcement']);
  });

  it('an actor the recipient may not see produces no notification', async () => {
    const external = await person('Yan External', { kind: 'external' });
    const community = await buildSpace(app, ana, { audience: 'external', visibility: 'open' });
    await addMember(app, community, external);
    // Carl shares no space with the external person, who therefore cannot see him.
    await ok(call(app, carl, 'PUT', `/api/v1/people/${external.person.handle}/follow`));
    const theirPost = await post(app, external, {
      target: { type: 'space', id: community.id },
      body: 'Hi all',
    });
    await commentOn(carl, theirPost.id, 'Welcome!');
    await react(carl, theirPost.id);
    await app.drainEvents();
    expect(await rowsFor(app, external.person.id)).toEqual([]);
    // Ana, who shares the community with them, does notify.
    await commentOn(ana, theirPost.id, 'Hello from Ana');
    expect((await inbox(app, external)).map((n) => n.text)).toEqual(['Ana Ruiz replied to your post']);
  });

  it('never notifies the actor themself', async () => {
    await readAll(ana);
    const p = await post(app, ana, { body: `Note to self @${ana.person.handle}` });
    await react(ana, p.id);
    await commentOn(ana, p.id, 'me again');
    expect(await inbox(app, ana, 'status=unread')).toEqual([]);
  });
});

describe('live pushes', () => {
  it('publishes notification.created to the recipient with the unread count, and notification.read', async () => {
    await readAll(ana);
    await app.drainEvents();
    const seen: LiveMessage[] = [];
    const stop = app.ctx.bus.subscribe((envelope: BusEnvelope) => {
      if (envelope.kind === 'live' && envelope.message.name.startsWith('notification.'))
        seen.push(envelope.message);
    });
    try {
      const p = await post(app, ana, { body: 'Live one' });
      await react(ben, p.id);
      await app.drainEvents();
      const [created] = seen;
      const [row] = await app.ctx.db
        .selectFrom('notifications')
        .select('id')
        .where('recipient_id', '=', ana.person.id)
        .where('read_at', 'is', null)
        .execute();
      expect(seen).toHaveLength(1);
      expect(created).toMatchObject({
        name: 'notification.created',
        channels: [`me:${ana.person.id}`],
        access: { kind: 'person', personId: ana.person.id },
        data: { notificationId: row?.id, type: 'reaction', unreadCount: 1, toast: true },
      });
      const event = await app.ctx.db
        .selectFrom('events')
        .select(['id', 'payload'])
        .where('id', '=', created?.id ?? '')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(event.payload)).toEqual({
        recipientId: ana.person.id,
        notificationId: row?.id,
        type: 'reaction',
        grouped: false,
      });

      await ok(call(app, ana, 'POST', `/api/v1/notifications/${row?.id}/read`));
      await app.drainEvents();
      expect(seen[1]).toMatchObject({
        name: 'notification.read',
        channels: [`me:${ana.person.id}`],
        data: { notificationIds: [row?.id], unreadCount: 0 },
      });
      await react(carl, p.id);
      await app.drainEvents();
      await ok(call(app, ana, 'POST', '/api/v1/notifications/read-all'));
      await app.drainEvents();
      expect(seen.slice(2).map((m) => [m.name, m.data.unreadCount, m.data.all])).toEqual([
        ['notification.created', 1, undefined],
        ['notification.read', 0, true],
      ]);
    } finally {
      stop();
    }
  });

  it('no toast on do-not-disturb or in quiet hours', async () => {
    const seen: LiveMessage[] = [];
    const stop = app.ctx.bus.subscribe((envelope: BusEnvelope) => {
      if (envelope.kind === 'live' && envelope.message.name === 'notification.created')
        seen.push(envelope.message);
    });
    try {
      const target = await person('Dana Dnd');
      await ok(call(app, target, 'PUT', '/api/v1/me/status', { availability: 'do_not_disturb' }));
      await ok(call(app, ben, 'PUT', `/api/v1/people/${target.person.handle}/follow`));
      await app.drainEvents();
      expect(seen.map((m) => m.data.toast)).toEqual([false]);

      const sleeper = await person('Sam Sleeper');
      const hour = new Date().getUTCHours();
      const pad = (h: number) => `${String((h + 24) % 24).padStart(2, '0')}:00`;
      await ok(
        call(app, sleeper, 'PUT', '/api/v1/me/notification-settings', {
          quietStart: pad(hour - 1),
          quietEnd: pad(hour + 2),
          timeZone: 'UTC',
        }),
      );
      await ok(call(app, ben, 'PUT', `/api/v1/people/${sleeper.person.handle}/follow`));
      await ok(call(app, carl, 'PUT', `/api/v1/people/${ana.person.handle}/follow`));
      await app.drainEvents();
      expect(new Map(seen.slice(1).map((m) => [m.channels[0], m.data.toast]))).toEqual(
        new Map([
          [`me:${sleeper.person.id}`, false],
          [`me:${ana.person.id}`, true],
        ]),
      );
    } finally {
      stop();
    }
  });
});
