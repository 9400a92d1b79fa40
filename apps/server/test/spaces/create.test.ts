import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../support/factories.ts';
import { buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { auditRows, call, eventRows, membersOf } from './helpers.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

const body = (extra: Record<string, unknown> = {}) => ({
  name: 'Product Launch',
  audience: 'internal',
  visibility: 'open',
  ...extra,
});

describe('POST /api/v1/spaces', () => {
  it('answers 401 without a session', async () => {
    expect((await call(app, undefined, 'POST', '/api/v1/spaces', body())).statusCode).toBe(401);
  });

  it('creates a space: the creator is its owner (manual), the handle comes from the name, space.created is recorded', async () => {
    const me = await signedIn(app);
    const res = await call(app, me, 'POST', '/api/v1/spaces', {
      ...body({ name: '  Crème Brûlée Fans  ' }),
      description: 'Desserts',
      guidelines: 'Be kind',
      category: ' Interests ',
    });
    expect(res.statusCode).toBe(201);
    const space = res.json();
    expect(space).toMatchObject({
      handle: 'creme-brulee-fans',
      name: 'Crème Brûlée Fans',
      description: 'Desserts',
      guidelines: 'Be kind',
      category: 'Interests',
      audience: 'internal',
      visibility: 'open',
      isDefault: false,
      archived: false,
      memberCount: 1,
      membership: { role: 'owner' },
      joinRequest: null,
      rules: [],
      createdBy: { id: me.person.id },
      abilities: { read: true, manageSettings: true, archive: true, changeAudience: true, delete: false },
    });
    expect(await membersOf(app, space.id)).toEqual([
      { person_id: me.person.id, role: 'owner', source: 'manual' },
    ]);
    expect(await eventRows(app, 'space.created', space.id)).toHaveLength(1);
    const again = await call(app, me, 'POST', '/api/v1/spaces', body({ name: 'Crème brûlée fans' }));
    expect(again.statusCode).toBe(201);
    expect(again.json().handle).toMatch(/^creme-brulee-fans-[0-9a-f]{6}$/);
  });

  it('refuses external people (403) and creates nothing', async () => {
    const guest = await signedIn(app, { kind: 'external' });
    const res = await call(
      app,
      guest,
      'POST',
      '/api/v1/spaces',
      body({ audience: 'external', handle: 'guest-space' }),
    );
    expect(res.statusCode).toBe(403);
    const row = await app.ctx.db
      .selectFrom('spaces')
      .select('id')
      .where('handle', '=', 'guest-space')
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('answers 400 to a 10,000-character name, NUL bytes, a blank name, a bad handle, a reserved handle, unknown fields', async () => {
    const me = await signedIn(app);
    const before = await app.ctx.db.selectFrom('spaces').select('id').execute();
    for (const bad of [
      body({ name: 'x'.repeat(10_000) }),
      body({ name: 'bad\u0000name' }),
      body({ description: 'nul\u0000' }),
      body({ name: '   ' }),
      body({ handle: 'Has Spaces' }),
      body({ handle: 'categories' }),
      body({ handle: 'new' }),
      body({ audience: 'everyone' }),
      body({ visibility: 'hidden' }),
      body({ category: 'c'.repeat(61) }),
      body({ extra: true }),
      { audience: 'internal', visibility: 'open' },
    ]) {
      const res = await call(app, me, 'POST', '/api/v1/spaces', bad);
      expect(res.statusCode, JSON.stringify(bad).slice(0, 80)).toBe(400);
    }
    expect(await app.ctx.db.selectFrom('spaces').select('id').execute()).toHaveLength(before.length);
  });

  it('answers 409 to a duplicate explicit handle', async () => {
    const me = await signedIn(app);
    await buildSpace(app, me, { handle: 'taken-handle' });
    const res = await call(app, me, 'POST', '/api/v1/spaces', body({ handle: 'taken-handle' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('conflict');
  });

  it('derives a handle around reserved words', async () => {
    const me = await signedIn(app);
    const res = await call(app, me, 'POST', '/api/v1/spaces', body({ name: 'Categories' }));
    expect(res.statusCode).toBe(201);
    expect(res.json().handle).toBe('categories-space');
  });

  it('lets only site admins create a company-wide default space, open and internal only; every active employee joins it', async () => {
    const member = await signedIn(app);
    expect((await call(app, member, 'POST', '/api/v1/spaces', body({ isDefault: true }))).statusCode).toBe(
      403,
    );
    const admin = await signedIn(app, { role: 'admin' });
    const external = await signedIn(app, { kind: 'external' });
    const privateDefault = await call(
      app,
      admin,
      'POST',
      '/api/v1/spaces',
      body({ isDefault: true, visibility: 'private' }),
    );
    expect(privateDefault.statusCode).toBe(409);
    const res = await call(
      app,
      admin,
      'POST',
      '/api/v1/spaces',
      body({ name: 'Everyone at Acme', isDefault: true }),
    );
    expect(res.statusCode).toBe(201);
    const members = await membersOf(app, res.json().id);
    expect(members.find((m) => m.person_id === admin.person.id)).toMatchObject({
      role: 'owner',
      source: 'manual',
    });
    expect(members.find((m) => m.person_id === member.person.id)).toMatchObject({
      role: 'member',
      source: 'default',
    });
    expect(members.find((m) => m.person_id === external.person.id)).toBeUndefined();
    expect(await auditRows(app, 'space.default_changed', res.json().id)).toHaveLength(1);
  });
});
