import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, sessionFor, signedIn } from '../support/factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { call, deactivate } from './helpers.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

const names = (res: { json(): { items: Array<{ name: string }> } }) => res.json().items.map((p) => p.name);

describe('GET /api/v1/people', () => {
  it('answers 401 without a session', async () => {
    const res = await call(app, undefined, 'GET', '/api/v1/people');
    expect(res.statusCode).toBe(401);
  });

  it('answers 400 on a bad limit or cursor', async () => {
    const me = await signedIn(app);
    expect((await call(app, me, 'GET', '/api/v1/people?limit=0')).statusCode).toBe(400);
    expect((await call(app, me, 'GET', '/api/v1/people?limit=101')).statusCode).toBe(400);
    const bad = await call(app, me, 'GET', '/api/v1/people?cursor=garbage');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_failed');
    expect((await call(app, me, 'GET', '/api/v1/people?unknown=1')).statusCode).toBe(400);
  });

  it('searches name, handle, email, title, department, location, accent- and case-insensitively', async () => {
    const me = await signedIn(app, { department: 'Search' });
    await buildPerson(app, { name: 'Zoë Quartz', email: 'zq@example.com', department: 'Search' });
    await buildPerson(app, { name: 'Quinn Moss', title: 'Quartz miner', department: 'Search' });
    await buildPerson(app, { name: 'Other Person', location: 'Quartzburg', department: 'Search' });
    const byName = await call(app, me, 'GET', '/api/v1/people?q=ZOE');
    expect(names(byName)).toEqual(['Zoë Quartz']);
    const quartz = await call(app, me, 'GET', '/api/v1/people?q=quartz&department=Search');
    expect(names(quartz)).toEqual(['Other Person', 'Quinn Moss', 'Zoë Quartz']);
    const twoWords = await call(app, me, 'GET', '/api/v1/people?q=quartz%20miner');
    expect(names(twoWords)).toEqual(['Quinn Moss']);
    const byEmail = await call(app, me, 'GET', '/api/v1/people?q=zq%40example');
    expect(names(byEmail)).toEqual(['Zoë Quartz']);
  });

  it('treats % and _ in the query literally', async () => {
    const me = await signedIn(app);
    await buildPerson(app, { name: 'Percent Person', title: '100% sure' });
    await buildPerson(app, { name: 'Plain Person', title: '1000 sure' });
    expect(names(await call(app, me, 'GET', '/api/v1/people?q=100%25'))).toEqual(['Percent Person']);
    expect(names(await call(app, me, 'GET', '/api/v1/people?q=1_0'))).toEqual([]);
  });

  it('filters by department, location and skill', async () => {
    const me = await signedIn(app);
    const ada = await buildPerson(app, { name: 'Ada Filter', department: 'Finance', location: 'Lyon' });
    await buildPerson(app, { name: 'Bob Filter', department: 'Finance', location: 'Oslo' });
    const adaSession = await sessionFor(app, ada);
    const patch = await call(app, adaSession, 'PATCH', `/api/v1/people/${ada.handle}`, {
      skills: ['Rust', 'Kysely'],
    });
    expect(patch.statusCode).toBe(200);
    expect(names(await call(app, me, 'GET', '/api/v1/people?department=Finance'))).toEqual([
      'Ada Filter',
      'Bob Filter',
    ]);
    expect(names(await call(app, me, 'GET', '/api/v1/people?department=Finance&location=Oslo'))).toEqual([
      'Bob Filter',
    ]);
    expect(names(await call(app, me, 'GET', '/api/v1/people?skill=RUST'))).toEqual(['Ada Filter']);
    const blank = await call(app, me, 'GET', '/api/v1/people?q=filter&department=&location=&skill=');
    expect(names(blank)).toEqual(['Ada Filter', 'Bob Filter']);
    // Skills are part of the search text as well.
    expect(names(await call(app, me, 'GET', '/api/v1/people?q=kysely'))).toEqual(['Ada Filter']);
  });

  it('pages by (name, id) without repeats or gaps', async () => {
    const me = await signedIn(app);
    const made = [];
    for (let i = 0; i < 7; i++) {
      made.push(await buildPerson(app, { name: `Pager ${i % 3}`, department: 'Paging' }));
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/people?department=Paging&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await call(app, me, 'GET', url);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: Array<{ id: string; name: string }>; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(3);
      seen.push(...body.items.map((p) => p.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const expected = [...made].sort((a, b) =>
      a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1,
    );
    expect(seen).toEqual(expected.map((p) => p.id));
  });

  it('leaves deactivated people out and marks externals by kind', async () => {
    const me = await signedIn(app);
    const gone = await buildPerson(app, { name: 'Gone Directory', department: 'Vis' });
    await buildPerson(app, { name: 'Guest Directory', department: 'Vis', kind: 'external' });
    await deactivate(app, gone.id);
    const res = await call(app, me, 'GET', '/api/v1/people?department=Vis');
    expect(res.json().items).toEqual([
      expect.objectContaining({ name: 'Guest Directory', kind: 'external' }),
    ]);
  });

  it('shows an external person only themselves (no shared spaces exist yet)', async () => {
    const guest = await signedIn(app, { kind: 'external', name: 'Lonely Guest' });
    const res = await call(app, guest, 'GET', '/api/v1/people?limit=100');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((p: { id: string }) => p.id)).toEqual([guest.person.id]);
    expect(res.json().items[0]).not.toHaveProperty('email');
  });
});

describe('GET /api/v1/people/facets', () => {
  it('answers 401 without a session', async () => {
    expect((await call(app, undefined, 'GET', '/api/v1/people/facets')).statusCode).toBe(401);
  });

  it('counts departments, locations and skills of active people visible to the actor', async () => {
    const me = await signedIn(app);
    const a = await buildPerson(app, { department: 'Facet Dept', location: 'Facet Town' });
    await buildPerson(app, { department: 'Facet Dept', location: 'Facet Town' });
    const gone = await buildPerson(app, { department: 'Facet Dept', location: 'Facet Town' });
    await deactivate(app, gone.id);
    await call(app, await sessionFor(app, a), 'PATCH', `/api/v1/people/${a.handle}`, {
      skills: ['Facetting'],
    });
    const res = await call(app, me, 'GET', '/api/v1/people/facets');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.departments).toContainEqual({ value: 'Facet Dept', count: 2 });
    expect(body.locations).toContainEqual({ value: 'Facet Town', count: 2 });
    expect(body.skills).toContainEqual({ value: 'Facetting', count: 1 });
  });

  it('gives an external person counts over what they can see only', async () => {
    const guest = await signedIn(app, { kind: 'external', department: 'Guest Dept' });
    const res = await call(app, guest, 'GET', '/api/v1/people/facets');
    expect(res.json().departments).toEqual([{ value: 'Guest Dept', count: 1 }]);
    expect(res.json().skills).toEqual([]);
  });
});
