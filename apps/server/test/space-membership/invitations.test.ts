import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, signedIn } from '../support/factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import {
  addMember,
  archive,
  auditActions,
  buildSpace,
  call,
  eventNames,
  memberRole,
  people,
  spacesOf,
} from './helpers.ts';

let app: TestApp;
let owner: Session;
let employee: Session;
let external: Session;
let spaces: Awaited<ReturnType<typeof spacesOf>>;

beforeAll(async () => {
  app = await createTestApp();
  ({ owner, employee, external } = await people(app));
  spaces = await spacesOf(app, owner);
  expect(
    (
      await call(app, await signedIn(app, { role: 'admin' }), 'POST', '/api/v1/admin/internal-domains', {
        domain: 'example.com',
      })
    ).statusCode,
  ).toBe(201);
});
afterAll(async () => {
  await app.close();
});

const invitations = (handle: string) => `/api/v1/spaces/${handle}/invitations`;

describe('space invitations for existing people (in-app)', () => {
  it('create: 401, 400, 403 for non-managers, 404 secret probe, 201 for a person; accept joins with the role', async () => {
    const space = await buildSpace(app, owner, { visibility: 'secret' });
    const who = await signedIn(app);
    const url = invitations(space.handle);
    expect((await call(app, undefined, 'POST', url, { personId: who.person.id })).statusCode).toBe(401);
    expect(
      (await call(app, owner, 'POST', url, { personId: who.person.id, email: 'a@example.com' })).statusCode,
    ).toBe(400);
    expect((await call(app, owner, 'POST', url, { email: 'not-an-email' })).statusCode).toBe(400);
    expect((await call(app, owner, 'POST', url, { personId: 'nobody' })).statusCode).toBe(400);
    expect((await call(app, who, 'POST', url, { personId: who.person.id })).statusCode).toBe(404);
    const moderator = await signedIn(app);
    await addMember(app, space, moderator, 'moderator');
    expect((await call(app, moderator, 'POST', url, { personId: who.person.id })).statusCode).toBe(403);

    const res = await call(app, owner, 'POST', url, { personId: who.person.id, role: 'moderator' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      email: who.person.email,
      person: { id: who.person.id },
      role: 'moderator',
      status: 'pending',
      invitedBy: { id: owner.person.id },
    });
    expect(Date.parse(res.json().expiresAt) - Date.parse(res.json().createdAt)).toBeCloseTo(
      14 * 24 * 3600e3,
      -4,
    );
    expect((await call(app, owner, 'POST', url, { personId: who.person.id })).statusCode).toBe(409);

    const mine = await call(app, who, 'GET', '/api/v1/me/space-invitations');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toHaveLength(1);
    expect(mine.json().items[0]).toMatchObject({
      id: res.json().id,
      space: { handle: space.handle, visibility: 'secret' },
    });
    expect((await call(app, undefined, 'GET', '/api/v1/me/space-invitations')).statusCode).toBe(401);

    const id = res.json().id;
    expect((await call(app, employee, 'POST', `/api/v1/me/space-invitations/${id}/accept`)).statusCode).toBe(
      404,
    );
    const accepted = await call(app, who, 'POST', `/api/v1/me/space-invitations/${id}/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ membership: { role: 'moderator' } });
    expect((await call(app, who, 'POST', `/api/v1/me/space-invitations/${id}/accept`)).statusCode).toBe(409);
    expect((await call(app, who, 'GET', `/api/v1/spaces/${space.handle}`)).statusCode).toBe(200);
    const names = await eventNames(app, space.id);
    expect(names).toEqual(
      expect.arrayContaining([
        'space.invitation_created',
        'space.invitation_accepted',
        'space.member_joined',
      ]),
    );
    expect(await auditActions(app, space.id)).toContain('space.invitation_created');

    const list = await call(app, owner, 'GET', `${invitations(space.handle)}?status=accepted`);
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await call(app, moderator, 'GET', invitations(space.handle))).statusCode).toBe(403);
    expect((await call(app, owner, 'GET', `${invitations(space.handle)}?status=odd`)).statusCode).toBe(400);
  });

  it('only owners invite admins; decline and revoke close the invitation', async () => {
    const space = await buildSpace(app, owner, { visibility: 'private' });
    const admin = await signedIn(app);
    await addMember(app, space, admin, 'admin');
    const a = await signedIn(app);
    const b = await signedIn(app);
    expect(
      (await call(app, admin, 'POST', invitations(space.handle), { personId: a.person.id, role: 'admin' }))
        .statusCode,
    ).toBe(403);
    const inv = (await call(app, admin, 'POST', invitations(space.handle), { personId: a.person.id })).json();
    expect((await call(app, a, 'POST', `/api/v1/me/space-invitations/${inv.id}/decline`)).statusCode).toBe(
      204,
    );
    expect((await call(app, a, 'POST', `/api/v1/me/space-invitations/${inv.id}/accept`)).statusCode).toBe(
      409,
    );
    expect(await memberRole(app, space.id, a.person.id)).toBeUndefined();

    const invB = (
      await call(app, admin, 'POST', invitations(space.handle), { email: b.person.email })
    ).json();
    expect(invB.person).toMatchObject({ id: b.person.id });
    expect((await call(app, undefined, 'DELETE', `${invitations(space.handle)}/${invB.id}`)).statusCode).toBe(
      401,
    );
    expect((await call(app, b, 'DELETE', `${invitations(space.handle)}/${invB.id}`)).statusCode).toBe(403);
    expect((await call(app, admin, 'DELETE', `${invitations(space.handle)}/nope`)).statusCode).toBe(404);
    expect((await call(app, admin, 'DELETE', `${invitations(space.handle)}/${invB.id}`)).statusCode).toBe(
      204,
    );
    expect((await call(app, admin, 'DELETE', `${invitations(space.handle)}/${invB.id}`)).statusCode).toBe(
      204,
    );
    expect((await call(app, b, 'GET', '/api/v1/me/space-invitations')).json().items).toEqual([]);
    expect((await call(app, b, 'POST', `/api/v1/me/space-invitations/${invB.id}/accept`)).statusCode).toBe(
      409,
    );
    const actions = await auditActions(app, space.id);
    expect(actions.filter((a) => a === 'space.invitation_revoked')).toHaveLength(1);
    const status = await call(app, admin, 'GET', `${invitations(space.handle)}?status=revoked`);
    expect(status.json().items.map((i: { id: string }) => i.id)).toEqual([invB.id]);
    const declined = await call(app, admin, 'GET', `${invitations(space.handle)}?status=declined`);
    expect(declined.json().items.map((i: { id: string }) => i.id)).toEqual([inv.id]);
  });

  it('an invitation dies with its sender authority and with the archive', async () => {
    const space = await buildSpace(app, owner, { visibility: 'private' });
    const admin = await signedIn(app);
    await addMember(app, space, admin, 'admin');
    const who = await signedIn(app);
    const inv = (
      await call(app, admin, 'POST', invitations(space.handle), { personId: who.person.id })
    ).json();
    await app.ctx.db
      .updateTable('space_members')
      .set({ role: 'member' })
      .where('person_id', '=', admin.person.id)
      .where('space_id', '=', space.id)
      .execute();
    expect((await call(app, who, 'POST', `/api/v1/me/space-invitations/${inv.id}/accept`)).statusCode).toBe(
      409,
    );
    const inv2 = (
      await call(app, owner, 'POST', invitations(space.handle), { personId: employee.person.id })
    ).json();
    await archive(app, space.id);
    expect(
      (await call(app, employee, 'POST', `/api/v1/me/space-invitations/${inv2.id}/accept`)).statusCode,
    ).toBe(409);
    expect(await memberRole(app, space.id, employee.person.id)).toBeUndefined();
  });
});

describe('no path puts an external person into an internal space', () => {
  it('refuses inviting an existing external person to an internal space, by id or by email', async () => {
    for (const key of ['internal-open', 'internal-private', 'internal-secret'] as const) {
      const url = invitations(spaces[key].handle);
      const byId = await call(app, owner, 'POST', url, { personId: external.person.id });
      expect(byId.statusCode, key).toBe(409);
      const byEmail = await call(app, owner, 'POST', url, { email: external.person.email });
      expect(byEmail.statusCode, key).toBe(409);
    }
  });

  it('refuses an email invitation outside the internal domains (exact match only)', async () => {
    const url = invitations(spaces['internal-open'].handle);
    for (const email of [
      'eve@evil-example.com',
      'eve@sub.example.com',
      'eve@example.com.evil.io',
      'eve@gmail.com',
    ]) {
      const res = await call(app, owner, 'POST', url, { email });
      expect(res.statusCode, email).toBe(400);
    }
    expect((await call(app, owner, 'POST', url, { email: 'New.Hire@EXAMPLE.com' })).statusCode).toBe(201);
  });

  it('refuses accepting an in-app invitation to an internal space by an external person (planted)', async () => {
    const space = spaces['internal-private'];
    const row = {
      id: `planted-${Date.now()}`,
      space_id: space.id,
      email: external.person.email,
      person_id: external.person.id,
      role: 'member' as const,
      token_hash: `planted-${Date.now()}`,
      open_key: null,
      invited_by: owner.person.id,
      created_at: new Date().toISOString(),
      expires_at: new Date(Date.now() + 3600e3).toISOString(),
      accepted_at: null,
      accepted_person_id: null,
      declined_at: null,
      revoked_at: null,
    };
    await app.ctx.db.insertInto('space_invitations').values(row).execute();
    const res = await call(app, external, 'POST', `/api/v1/me/space-invitations/${row.id}/accept`);
    expect(res.statusCode).toBe(409);
    expect(await memberRole(app, space.id, external.person.id)).toBeUndefined();
  });

  it('role changes and transfers cannot smuggle an external person in either', async () => {
    const space = spaces['internal-open'];
    const res = await call(
      app,
      owner,
      'PUT',
      `/api/v1/spaces/${space.handle}/members/${external.person.id}`,
      { role: 'admin' },
    );
    expect(res.statusCode).toBe(404);
    const transfer = await call(app, owner, 'POST', `/api/v1/spaces/${space.handle}/transfer-ownership`, {
      personId: external.person.id,
    });
    expect(transfer.statusCode).toBe(400);
    expect(await memberRole(app, space.id, external.person.id)).toBeUndefined();
  });
});
