import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, type Session, sessionFor, signedIn } from '../support/factories.ts';
import { buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let admin: Session;
beforeAll(async () => {
  app = await createTestApp();
  admin = await signedIn(app, { role: 'admin' });
});
afterAll(async () => {
  await app.close();
});

const assign = (session: Session | undefined, spaceId: string, personId: string | number) =>
  app.app.inject({
    method: 'PUT',
    url: `/api/v1/admin/spaces/${spaceId}/owner`,
    ...(session ? { headers: session.headers } : {}),
    payload: { personId },
  });

describe('PUT /api/v1/admin/spaces/{id}/owner', () => {
  it('gives an orphaned space a new owner, audited; refused while an active owner exists', async () => {
    const owner = await buildPerson(app);
    const space = await buildSpace(app, owner, { name: 'Orphan', handle: 'orphan', visibility: 'secret' });
    const heir = await buildPerson(app);
    expect((await assign(admin, space.id, heir.id)).statusCode).toBe(409);
    await app.ctx.db
      .updateTable('people')
      .set({ status: 'deactivated' })
      .where('id', '=', owner.id)
      .execute();
    expect((await assign(admin, space.id, heir.id)).statusCode).toBe(204);
    const member = await app.ctx.db
      .selectFrom('space_members')
      .select('role')
      .where('space_id', '=', space.id)
      .where('person_id', '=', heir.id)
      .executeTakeFirst();
    expect(member?.role).toBe('owner');
    const audit = await app.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'admin.space_owner_assigned')
      .execute();
    expect(audit).toHaveLength(1);
    const heirSession = await sessionFor(app, heir);
    expect(
      (await app.app.inject({ method: 'GET', url: '/api/v1/spaces/orphan', headers: heirSession.headers }))
        .statusCode,
    ).toBe(200);
  });

  it('401 anonymous, 403 for non-admins, 400 bad input, 404 unknown space, never an external into an internal space', async () => {
    const owner = await buildPerson(app);
    const space = await buildSpace(app, owner, { name: 'Internal Orphan', handle: 'internal-orphan' });
    const member = await signedIn(app);
    const customer = await buildPerson(app, { kind: 'external' });
    expect((await assign(undefined, space.id, customer.id)).statusCode).toBe(401);
    expect((await assign(member, space.id, customer.id)).statusCode).toBe(403);
    expect((await assign(admin, space.id, 42)).statusCode).toBe(400);
    expect((await assign(admin, 'no-such-space', customer.id)).statusCode).toBe(404);
    await app.ctx.db
      .updateTable('people')
      .set({ status: 'deactivated' })
      .where('id', '=', owner.id)
      .execute();
    const refused = await assign(admin, space.id, customer.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/external/i);
    const members = await app.ctx.db
      .selectFrom('space_members')
      .select('person_id')
      .where('space_id', '=', space.id)
      .execute();
    expect(members.map((m) => m.person_id)).not.toContain(customer.id);
  });
});
