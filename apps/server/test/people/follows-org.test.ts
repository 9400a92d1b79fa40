import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, signedIn } from '../support/factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { call, deactivate, eventsNamed } from './helpers.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

const ids = (res: { json(): { items: Array<{ id: string }> } }) => res.json().items.map((p) => p.id);

describe('PUT/DELETE /api/v1/people/{handle}/follow', () => {
  it('answers 401 without a session, 400 for yourself or a bad handle, 404 when invisible', async () => {
    const target = await buildPerson(app);
    const url = `/api/v1/people/${target.handle}/follow`;
    expect((await call(app, undefined, 'PUT', url)).statusCode).toBe(401);
    expect((await call(app, undefined, 'DELETE', url)).statusCode).toBe(401);
    const me = await signedIn(app);
    const self = await call(app, me, 'PUT', `/api/v1/people/${me.person.handle}/follow`);
    expect(self.statusCode).toBe(400);
    expect((await call(app, me, 'PUT', '/api/v1/people/BAD!/follow')).statusCode).toBe(400);
    const guest = await signedIn(app, { kind: 'external' });
    expect((await call(app, guest, 'PUT', url)).statusCode).toBe(404);
    expect((await call(app, guest, 'DELETE', url)).statusCode).toBe(404);
  });

  it('follows and unfollows idempotently, with one event each, and updates counts', async () => {
    const target = await buildPerson(app);
    const me = await signedIn(app);
    const url = `/api/v1/people/${target.handle}/follow`;
    expect((await call(app, me, 'PUT', url)).statusCode).toBe(204);
    expect((await call(app, me, 'PUT', url)).statusCode).toBe(204);
    expect(await eventsNamed(app, 'person.followed', target.id)).toHaveLength(1);
    const profile = await call(app, me, 'GET', `/api/v1/people/${target.handle}`);
    expect(profile.json()).toMatchObject({ followersCount: 1, isFollowing: true });
    const mine = await call(app, me, 'GET', `/api/v1/people/${me.person.handle}`);
    expect(mine.json().followingCount).toBe(1);
    expect((await call(app, me, 'DELETE', url)).statusCode).toBe(204);
    expect((await call(app, me, 'DELETE', url)).statusCode).toBe(204);
    expect(await eventsNamed(app, 'person.unfollowed', target.id)).toHaveLength(1);
    const after = await call(app, me, 'GET', `/api/v1/people/${target.handle}`);
    expect(after.json()).toMatchObject({ followersCount: 0, isFollowing: false });
  });

  it('refuses to follow a deactivated person with 409', async () => {
    const gone = await buildPerson(app);
    await deactivate(app, gone.id);
    const me = await signedIn(app);
    const res = await call(app, me, 'PUT', `/api/v1/people/${gone.handle}/follow`);
    expect(res.statusCode).toBe(409);
  });
});

describe('GET /api/v1/people/{handle}/followers and /following', () => {
  it('answers 401 without a session, 400 on a bad cursor, 404 when invisible', async () => {
    const target = await buildPerson(app);
    for (const list of ['followers', 'following']) {
      const res = await call(app, undefined, 'GET', `/api/v1/people/${target.handle}/${list}`);
      expect(res.statusCode).toBe(401);
    }
    const me = await signedIn(app);
    const bad = await call(app, me, 'GET', `/api/v1/people/${target.handle}/following?cursor=%21%21`);
    expect(bad.statusCode).toBe(400);
    const guest = await signedIn(app, { kind: 'external' });
    expect((await call(app, guest, 'GET', `/api/v1/people/${target.handle}/followers`)).statusCode).toBe(404);
  });

  it('pages active followers and followed people by name', async () => {
    const star = await buildPerson(app, { name: 'Star' });
    const fans = [];
    for (const name of ['Fan C', 'Fan A', 'Fan B', 'Fan D']) {
      const fan = await signedIn(app, { name });
      await call(app, fan, 'PUT', `/api/v1/people/${star.handle}/follow`);
      fans.push(fan);
    }
    const gone = fans[3];
    if (!gone) throw new Error('missing fan');
    await deactivate(app, gone.person.id);
    const me = await signedIn(app);
    const first = await call(app, me, 'GET', `/api/v1/people/${star.handle}/followers?limit=2`);
    expect(first.json().items.map((p: { name: string }) => p.name)).toEqual(['Fan A', 'Fan B']);
    const second = await call(
      app,
      me,
      'GET',
      `/api/v1/people/${star.handle}/followers?limit=2&cursor=${first.json().nextCursor}`,
    );
    expect(second.json().items.map((p: { name: string }) => p.name)).toEqual(['Fan C']);
    expect(second.json().nextCursor).toBeNull();
    const fanA = fans[1];
    if (!fanA) throw new Error('missing fan');
    const following = await call(app, me, 'GET', `/api/v1/people/${fanA.person.handle}/following`);
    expect(ids(following)).toEqual([star.id]);
    const profile = await call(app, me, 'GET', `/api/v1/people/${star.handle}`);
    expect(profile.json().followersCount).toBe(3);
  });

  it('never lists people an external person may not see', async () => {
    const guest = await signedIn(app, { kind: 'external' });
    const member = await signedIn(app);
    expect((await call(app, member, 'PUT', `/api/v1/people/${guest.person.handle}/follow`)).statusCode).toBe(
      204,
    );
    const own = await call(app, guest, 'GET', `/api/v1/people/${guest.person.handle}/followers`);
    expect(own.json().items).toEqual([]);
    const profile = await call(app, guest, 'GET', `/api/v1/people/${guest.person.handle}`);
    expect(profile.json().followersCount).toBe(0);
    expect(profile.body).not.toContain(member.person.id);
  });
});

describe('GET /api/v1/people/{handle}/org', () => {
  it('answers 401 without a session, 400 on a bad handle, 404 when invisible', async () => {
    const person = await buildPerson(app);
    expect((await call(app, undefined, 'GET', `/api/v1/people/${person.handle}/org`)).statusCode).toBe(401);
    const me = await signedIn(app);
    expect((await call(app, me, 'GET', '/api/v1/people/%20/org')).statusCode).toBe(400);
    const guest = await signedIn(app, { kind: 'external' });
    expect((await call(app, guest, 'GET', `/api/v1/people/${person.handle}/org`)).statusCode).toBe(404);
  });

  it('gives the manager chain (direct manager first) and active direct reports', async () => {
    const ceo = await buildPerson(app, { name: 'Ceo' });
    const vp = await buildPerson(app, { name: 'Vp', managerId: ceo.id });
    const lead = await buildPerson(app, { name: 'Lead', managerId: vp.id });
    const dev1 = await buildPerson(app, { name: 'Dev B', managerId: lead.id });
    const dev2 = await buildPerson(app, { name: 'Dev A', managerId: lead.id });
    const gone = await buildPerson(app, { name: 'Dev Gone', managerId: lead.id });
    await deactivate(app, gone.id);
    const me = await signedIn(app);
    const res = await call(app, me, 'GET', `/api/v1/people/${lead.handle}/org`);
    expect(res.statusCode).toBe(200);
    expect(res.json().chain.map((p: { id: string }) => p.id)).toEqual([vp.id, ceo.id]);
    expect(res.json().reports.map((p: { id: string }) => p.id)).toEqual([dev2.id, dev1.id]);
    const top = await call(app, me, 'GET', `/api/v1/people/${ceo.handle}/org`);
    expect(top.json().chain).toEqual([]);
  });

  it('bounds the chain to 50 levels and survives a cycle in stored data', async () => {
    let managerId: string | null = null;
    const people = [];
    for (let i = 0; i < 55; i++) {
      const p = await buildPerson(app, { name: `Level ${i}`, managerId });
      people.push(p);
      managerId = p.id;
    }
    const me = await signedIn(app);
    const deepest = people.at(-1);
    if (!deepest) throw new Error('no people');
    const res = await call(app, me, 'GET', `/api/v1/people/${deepest.handle}/org`);
    expect(res.json().chain).toHaveLength(50);
    const a = await buildPerson(app, { name: 'Cycle A' });
    const b = await buildPerson(app, { name: 'Cycle B', managerId: a.id });
    await app.ctx.db.updateTable('people').set({ manager_id: b.id }).where('id', '=', a.id).execute();
    const cyc = await call(app, me, 'GET', `/api/v1/people/${a.handle}/org`);
    expect(cyc.statusCode).toBe(200);
    expect(cyc.json().chain.map((p: { id: string }) => p.id)).toEqual([b.id]);
  });

  it('shows an external person no one else in their own org chart', async () => {
    const boss = await buildPerson(app);
    const guest = await signedIn(app, { kind: 'external', managerId: boss.id });
    const res = await call(app, guest, 'GET', `/api/v1/people/${guest.person.handle}/org`);
    expect(res.json()).toEqual({ chain: [], reports: [] });
  });
});
