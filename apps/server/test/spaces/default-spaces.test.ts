import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, signedIn } from '../support/factories.ts';
import { buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { call, membersOf } from './helpers.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('company-wide default spaces', () => {
  it('a new employee joins every live default space (source default); an external person never does', async () => {
    const admin = await signedIn(app, { role: 'admin' });
    const everyone = await buildSpace(app, admin, { name: 'All hands', isDefault: true });
    const archived = await buildSpace(app, admin, { name: 'Old all hands', isDefault: true });
    expect((await call(app, admin, 'POST', `/api/v1/spaces/${archived.handle}/archive`)).statusCode).toBe(
      200,
    );
    const plain = await buildSpace(app, admin, { name: 'Not default' });
    await app.drainEvents();

    const employee = await buildPerson(app);
    const customer = await buildPerson(app, { kind: 'external' });
    await app.drainEvents();
    const has = async (spaceId: string, personId: string) =>
      (await membersOf(app, spaceId)).find((m) => m.person_id === personId);
    expect(await has(everyone.id, employee.id)).toMatchObject({ role: 'member', source: 'default' });
    expect(await has(archived.id, employee.id)).toBeUndefined();
    expect(await has(plain.id, employee.id)).toBeUndefined();
    expect(await has(everyone.id, customer.id)).toBeUndefined();

    // Delivering the same event again changes nothing.
    const handler = app.ctx.outbox.handler('spaces.join_default_spaces');
    await handler?.handle({
      id: 'x',
      name: 'person.joined',
      actorId: null,
      subjectType: 'person',
      subjectId: employee.id,
      spaceId: null,
      payload: {},
      createdAt: new Date().toISOString(),
    });
    expect((await membersOf(app, everyone.id)).filter((m) => m.person_id === employee.id)).toHaveLength(1);
  });

  it('restoring an archived default space takes in the employees who arrived meanwhile', async () => {
    const admin = await signedIn(app, { role: 'admin' });
    const space = await buildSpace(app, admin, { name: 'Paused all hands', isDefault: true });
    expect((await call(app, admin, 'POST', `/api/v1/spaces/${space.handle}/archive`)).statusCode).toBe(200);
    const newcomer = await buildPerson(app);
    await app.drainEvents();
    expect((await membersOf(app, space.id)).map((m) => m.person_id)).not.toContain(newcomer.id);
    expect((await call(app, admin, 'POST', `/api/v1/spaces/${space.handle}/restore`)).statusCode).toBe(200);
    expect((await membersOf(app, space.id)).find((m) => m.person_id === newcomer.id)).toMatchObject({
      source: 'default',
    });
  });

  it('an employee sees a default space in "my spaces" without joining it', async () => {
    const admin = await signedIn(app, { role: 'admin' });
    const me = await signedIn(app);
    const space = await buildSpace(app, admin, { name: 'Company news', isDefault: true });
    const mine = await call(app, me, 'GET', '/api/v1/spaces?membership=mine&limit=100');
    expect(mine.json().items.map((s: { id: string }) => s.id)).toContain(space.id);
  });
});
