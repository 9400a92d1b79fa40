import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, sessionFor, signedIn } from '../support/factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { buildCustomField, call, deactivate, eventsNamed } from './helpers.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('GET /api/v1/people/{handle}', () => {
  it('answers 401 without a session, 400 on a malformed handle, 404 on an unknown one', async () => {
    const person = await buildPerson(app);
    expect((await call(app, undefined, 'GET', `/api/v1/people/${person.handle}`)).statusCode).toBe(401);
    const me = await signedIn(app);
    expect((await call(app, me, 'GET', '/api/v1/people/Not%20A%20Handle')).statusCode).toBe(400);
    const missing = await call(app, me, 'GET', '/api/v1/people/nobody.here');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
  });

  it('shows a member the full profile with manager, skills, custom fields, counts and abilities', async () => {
    const boss = await buildPerson(app, { name: 'Big Boss' });
    const person = await buildPerson(app, { name: 'Pat Profile', managerId: boss.id, title: 'Engineer' });
    await buildCustomField(app, { key: 'pronouns', position: 1 });
    await buildCustomField(app, { key: 'badge', visibility: 'members', position: 2 });
    const self = await sessionFor(app, person);
    const patch = await call(app, self, 'PATCH', `/api/v1/people/${person.handle}`, {
      skills: ['Go', 'SQL'],
      customFields: { pronouns: 'they/them', badge: 'B-42' },
      bio: 'Hello',
      timeZone: 'Europe/Paris',
    });
    expect(patch.statusCode).toBe(200);
    const me = await signedIn(app);
    const res = await call(app, me, 'GET', `/api/v1/people/${person.handle}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: person.id,
      name: 'Pat Profile',
      email: person.email,
      title: 'Engineer',
      bio: 'Hello',
      timeZone: 'Europe/Paris',
      manager: { id: boss.id, name: 'Big Boss' },
      skills: ['Go', 'SQL'],
      customFields: [
        { key: 'pronouns', label: 'PRONOUNS', type: 'text', value: 'they/them' },
        { key: 'badge', label: 'BADGE', type: 'text', value: 'B-42' },
      ],
      followersCount: 0,
      followingCount: 0,
      isFollowing: false,
      abilities: { edit: false, follow: true, administer: false },
    });
    expect(typeof res.json().createdAt).toBe('string');
  });

  it('hides members-only fields and others’ emails from an external person (who sees only themselves)', async () => {
    await buildCustomField(app, { key: 'internal_id', visibility: 'members' });
    const member = await buildPerson(app);
    const guest = await signedIn(app, { kind: 'external', managerId: member.id });
    await app.ctx.db
      .insertInto('custom_field_values')
      .values({
        person_id: guest.person.id,
        field_id: (
          await app.ctx.db
            .selectFrom('custom_fields')
            .select('id')
            .where('key', '=', 'internal_id')
            .executeTakeFirstOrThrow()
        ).id,
        value: 'secret',
      })
      .execute();
    const own = await call(app, guest, 'GET', `/api/v1/people/${guest.person.handle}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().email).toBe(guest.person.email);
    expect(own.json().manager).toBeNull();
    expect(own.json().customFields.map((f: { key: string }) => f.key)).not.toContain('internal_id');
    expect(own.body).not.toContain(member.id);
    const other = await call(app, guest, 'GET', `/api/v1/people/${member.handle}`);
    expect(other.statusCode).toBe(404);
    const fields = await call(app, guest, 'GET', '/api/v1/custom-fields');
    expect(fields.json().items.map((f: { key: string }) => f.key)).not.toContain('internal_id');
  });

  it('shows a deactivated person to members with status deactivated and no follow ability', async () => {
    const gone = await buildPerson(app);
    await deactivate(app, gone.id);
    const me = await signedIn(app);
    const res = await call(app, me, 'GET', `/api/v1/people/${gone.handle}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('deactivated');
    expect(res.json().abilities.follow).toBe(false);
  });
});

describe('PATCH /api/v1/people/{handle}', () => {
  it('answers 401 without a session, 400 on bad input, 403 for someone else, 404 when invisible', async () => {
    const person = await buildPerson(app);
    const url = `/api/v1/people/${person.handle}`;
    expect((await call(app, undefined, 'PATCH', url, { name: 'X' })).statusCode).toBe(401);
    const self = await sessionFor(app, person);
    expect((await call(app, self, 'PATCH', url, {})).statusCode).toBe(400);
    expect((await call(app, self, 'PATCH', url, { name: '' })).statusCode).toBe(400);
    expect((await call(app, self, 'PATCH', url, { name: '   ' })).statusCode).toBe(400);
    expect((await call(app, self, 'PATCH', url, { email: 'x@y.z' })).statusCode).toBe(400);
    expect((await call(app, self, 'PATCH', url, { title: 'x'.repeat(121) })).statusCode).toBe(400);
    expect((await call(app, self, 'PATCH', url, { timeZone: 'Mars/Olympus' })).statusCode).toBe(400);
    expect(
      (await call(app, self, 'PATCH', url, { skills: Array.from({ length: 51 }, (_, i) => `s${i}`) }))
        .statusCode,
    ).toBe(400);
    expect((await call(app, self, 'PATCH', url, { skills: ['  '] })).statusCode).toBe(400);
    const other = await signedIn(app);
    const denied = await call(app, other, 'PATCH', url, { name: 'Hacked' });
    expect(denied.statusCode).toBe(403);
    const guest = await signedIn(app, { kind: 'external' });
    expect((await call(app, guest, 'PATCH', url, { name: 'Hacked' })).statusCode).toBe(404);
  });

  it('lets a person edit themselves, keeps search_text current and records person.updated', async () => {
    const person = await buildPerson(app, { name: 'Before Name' });
    const self = await sessionFor(app, person);
    const res = await call(app, self, 'PATCH', `/api/v1/people/${person.handle}`, {
      name: '  Émile Zola ',
      title: 'Writer',
      department: 'Legal',
      location: '',
      skills: ['Naturalism', 'naturalism', 'ＷＲＩＴＩＮＧ'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Émile Zola', title: 'Writer', location: null });
    expect(res.json().skills.sort()).toEqual(['Naturalism', 'ＷＲＩＴＩＮＧ'].sort());
    const keys = await app.ctx.db
      .selectFrom('person_skills')
      .select('skill_key')
      .where('person_id', '=', person.id)
      .orderBy('skill_key')
      .execute();
    expect(keys.map((k) => k.skill_key)).toEqual(['naturalism', 'writing']);
    const row = await app.ctx.db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(row.search_text).toContain('emile zola');
    expect(row.search_text).toContain('naturalism');
    expect(row.search_text).not.toContain('before name'); // the handle keeps its old spelling
    const events = await eventsNamed(app, 'person.updated', person.id);
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]?.payload ?? '{}').fields).toEqual(
      expect.arrayContaining(['name', 'title', 'skills']),
    );
    const audits = await app.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('target_id', '=', person.id)
      .execute();
    expect(audits).toHaveLength(0);
  });

  it('lets an admin edit someone else, audited', async () => {
    const person = await buildPerson(app);
    const admin = await signedIn(app, { role: 'admin' });
    const res = await call(app, admin, 'PATCH', `/api/v1/people/${person.handle}`, { title: 'Set by admin' });
    expect(res.statusCode).toBe(200);
    expect(res.json().abilities).toMatchObject({ edit: true, administer: true });
    const audits = await app.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('target_id', '=', person.id)
      .execute();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor_id: admin.person.id, action: 'admin.person_updated' });
  });

  it('validates custom field values by type and refuses unknown or members-only keys for externals', async () => {
    await buildCustomField(app, { key: 'team', type: 'select', options: ['Red', 'Blue'] });
    await buildCustomField(app, { key: 'site', type: 'url' });
    await buildCustomField(app, { key: 'hired', type: 'date' });
    await buildCustomField(app, { key: 'desk', visibility: 'members' });
    const self = await signedIn(app);
    const url = `/api/v1/people/${self.person.handle}`;
    for (const bad of [
      { team: 'Green' },
      { site: 'javascript:alert(1)' },
      { site: 'ftp://example.com' },
      { hired: '2024-02-30' },
      { hired: '24-01-01' },
      { nope: 'x' },
    ]) {
      const res = await call(app, self, 'PATCH', url, { customFields: bad });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
    }
    const ok = await call(app, self, 'PATCH', url, {
      customFields: { team: 'Blue', site: 'https://example.com/me', hired: '2024-02-29', desk: '4F' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().customFields).toHaveLength(4);
    const cleared = await call(app, self, 'PATCH', url, { customFields: { site: null, desk: '' } });
    expect(
      cleared
        .json()
        .customFields.map((f: { key: string }) => f.key)
        .sort(),
    ).toEqual(['hired', 'team']);
    const guest = await signedIn(app, { kind: 'external' });
    const refused = await call(app, guest, 'PATCH', `/api/v1/people/${guest.person.handle}`, {
      customFields: { desk: '1A' },
    });
    expect(refused.statusCode).toBe(400);
  });

  it('sets and clears the manager, refusing self, unknown people and cycles', async () => {
    const top = await buildPerson(app, { name: 'Top' });
    const middle = await buildPerson(app, { name: 'Middle', managerId: top.id });
    const bottom = await buildPerson(app, { name: 'Bottom', managerId: middle.id });
    const admin = await signedIn(app, { role: 'admin' });
    const url = `/api/v1/people/${top.handle}`;
    expect((await call(app, admin, 'PATCH', url, { managerHandle: top.handle })).statusCode).toBe(400);
    expect((await call(app, admin, 'PATCH', url, { managerHandle: 'no.such.person' })).statusCode).toBe(400);
    const cycle = await call(app, admin, 'PATCH', url, { managerHandle: bottom.handle });
    expect(cycle.statusCode).toBe(400);
    const set = await call(app, admin, 'PATCH', `/api/v1/people/${bottom.handle}`, {
      managerHandle: top.handle,
    });
    expect(set.json().manager.id).toBe(top.id);
    const cleared = await call(app, admin, 'PATCH', `/api/v1/people/${bottom.handle}`, {
      managerHandle: null,
    });
    expect(cleared.json().manager).toBeNull();
  });
});

describe('GET /api/v1/custom-fields', () => {
  it('answers 401 without a session and lists fields in position order', async () => {
    expect((await call(app, undefined, 'GET', '/api/v1/custom-fields')).statusCode).toBe(401);
    const me = await signedIn(app);
    const res = await call(app, me, 'GET', '/api/v1/custom-fields');
    expect(res.statusCode).toBe(200);
    const positions = res.json().items.map((f: { position: number }) => f.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(res.json().items.find((f: { key: string }) => f.key === 'team')).toMatchObject({
      type: 'select',
      options: ['Red', 'Blue'],
      visibility: 'everyone',
    });
  });
});
