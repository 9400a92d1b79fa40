import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PersonRow } from '../../src/modules/people/people.repository.ts';
import { setStatus } from '../../src/modules/presence/commands/set-status.ts';
import { canSeePresenceOf, presenceVisibleAmong } from '../../src/platform/access/presence.ts';
import { call } from '../people/helpers.ts';
import { expectStatus } from '../posts/helpers.ts';
import { buildPerson, type Session, signedIn } from '../support/factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

interface Summary {
  id: string;
  handle: string;
  presence?: string | null;
  currentStatus?: { availability: string; message: string | null; until: string | null } | null;
}

let app: TestApp;
let ana: Session;
let guest: Session;
let loner: Session;
let bo: PersonRow;
let carl: PersonRow;
beforeAll(async () => {
  app = await createTestApp();
  ana = await signedIn(app, { name: 'Ana Viewer', handle: 'ana' });
  carl = await buildPerson(app, { name: 'Carl Manager', handle: 'carl' });
  bo = await buildPerson(app, { name: 'Bo Online', handle: 'bo', managerId: carl.id });
  guest = await signedIn(app, { name: 'Gus Guest', handle: 'gus', kind: 'external' });
  loner = await signedIn(app, { name: 'Lou Loner', handle: 'lou', kind: 'external' });
  const community = await buildSpace(app, ana, { audience: 'external', visibility: 'private' });
  await addMember(app, community, bo);
  await addMember(app, community, guest);
  // Lou is in a community of their own, with nobody but its owner.
  const other = await buildSpace(app, ana, { audience: 'external', visibility: 'secret' });
  await addMember(app, other, loner);

  app.ctx.presence.socketActive(bo.id, 'bo-tab-1');
  app.ctx.presence.socketIdle(bo.id, 'bo-tab-2');
  app.ctx.presence.socketIdle(carl.id, 'carl-tab');
  app.ctx.presence.socketActive(guest.person.id, 'gus-tab');
  await setStatus(app.ctx, { personId: bo.id, availability: 'busy', message: 'Workshop until noon' });
});
afterAll(async () => {
  await app.close();
});

const directory = async (viewer: Session, query = '') => {
  const res = await call(app, viewer, 'GET', `/api/v1/people?limit=100${query}`);
  expectStatus(res, 200);
  return new Map((res.json().items as Summary[]).map((p) => [p.handle, p]));
};

describe('presence visibility', () => {
  it('employees see the presence of everyone', async () => {
    const ids = [bo.id, carl.id, guest.person.id, loner.person.id];
    expect(await presenceVisibleAmong(app.ctx.db, ana.person, ids)).toEqual(new Set(ids));
  });

  it('an external person sees their own and that of people who share a space with them, no one else', async () => {
    const ids = [guest.person.id, bo.id, carl.id, ana.person.id, loner.person.id];
    // Ana owns both spaces, so she shares one with Gus; Carl shares none.
    expect(await presenceVisibleAmong(app.ctx.db, guest.person, ids)).toEqual(
      new Set([guest.person.id, bo.id, ana.person.id]),
    );
    expect(await presenceVisibleAmong(app.ctx.db, loner.person, ids)).toEqual(
      new Set([loner.person.id, ana.person.id]),
    );
    expect(await canSeePresenceOf(app.ctx.db, guest.person, bo.id)).toBe(true);
    expect(await canSeePresenceOf(app.ctx.db, guest.person, carl.id)).toBe(false);
    expect(await canSeePresenceOf(app.ctx.db, loner.person, bo.id)).toBe(false);
    expect(await canSeePresenceOf(app.ctx.db, loner.person, loner.person.id)).toBe(true);
  });
});

describe('presence and status where people are shown', () => {
  it('the directory shows presence across tabs (online beats away) and status, with one presence lookup a page', async () => {
    const statesOf = vi.spyOn(app.ctx.presence, 'statesOf');
    const people = await directory(ana);
    expect(statesOf).toHaveBeenCalledTimes(1);
    statesOf.mockRestore();
    expect(people.get('bo')).toMatchObject({
      presence: 'online',
      currentStatus: { availability: 'busy', message: 'Workshop until noon', until: null },
    });
    expect(people.get('carl')).toMatchObject({ presence: 'away', currentStatus: null });
    expect(people.get('gus')).toMatchObject({ presence: 'online' });
    expect(people.get('lou')).toMatchObject({ presence: 'offline' });
  });

  it('follows sockets closing', async () => {
    app.ctx.presence.socketClosed(bo.id, 'bo-tab-1');
    expect((await directory(ana)).get('bo')?.presence).toBe('away');
    app.ctx.presence.socketClosed(bo.id, 'bo-tab-2');
    expect((await directory(ana)).get('bo')?.presence).toBe('offline');
    app.ctx.presence.socketActive(bo.id, 'bo-tab-1');
    expect((await directory(ana)).get('bo')?.presence).toBe('online');
  });

  it('an external person sees presence only of those who share a space with them', async () => {
    const people = await directory(guest);
    expect([...people.keys()].sort()).toEqual(['ana', 'bo', 'gus']);
    expect(people.get('bo')).toMatchObject({ presence: 'online', currentStatus: { availability: 'busy' } });
    expect(people.get('gus')?.presence).toBe('online');
    const alone = await directory(loner);
    expect(alone.get('bo')).toBeUndefined();
    expect(alone.get('carl')).toBeUndefined();
  });

  it('profiles show presence and status, the manager’s too', async () => {
    const res = await call(app, ana, 'GET', '/api/v1/people/bo');
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({
      presence: 'online',
      currentStatus: { availability: 'busy' },
      manager: { handle: 'carl', presence: 'away', currentStatus: null },
    });
    const asGuest = await call(app, guest, 'GET', '/api/v1/people/bo');
    expectStatus(asGuest, 200);
    // Carl shares no space with Gus: the manager is not shown at all, presence included.
    expect(asGuest.json()).toMatchObject({ presence: 'online', manager: null });
    expectStatus(await call(app, guest, 'GET', '/api/v1/people/carl'), 404);
    expectStatus(await call(app, loner, 'GET', '/api/v1/people/bo'), 404);
  });

  it('mention suggestions show presence and status', async () => {
    const res = await call(app, ana, 'GET', '/api/v1/mention-suggestions?targetType=company&q=bo');
    expectStatus(res, 200);
    expect(res.json().items).toEqual([
      expect.objectContaining({
        handle: 'bo',
        presence: 'online',
        currentStatus: expect.objectContaining({ availability: 'busy' }),
      }),
    ]);
  });
});
