import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpaceRow } from '../../src/modules/spaces/spaces.repository.ts';
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
});
afterAll(async () => {
  await app.close();
});

const members = (who: Session | undefined, space: SpaceRow, query = '') =>
  call(app, who, 'GET', `/api/v1/spaces/${space.handle}/members${query}`);

describe('GET /spaces/{handle}/members', () => {
  it('401 anonymous, 400 bad query, 404 for a secret space probed by a non-member (same as missing)', async () => {
    expect((await members(undefined, spaces['internal-open'])).statusCode).toBe(401);
    expect((await members(employee, spaces['internal-open'], '?limit=0')).statusCode).toBe(400);
    expect((await members(employee, spaces['internal-open'], '?role=king')).statusCode).toBe(400);
    expect((await members(employee, spaces['internal-open'], '?cursor=nope')).statusCode).toBe(400);
    const secret = await members(employee, spaces['internal-secret']);
    const missing = await call(app, employee, 'GET', '/api/v1/spaces/no-such-space/members');
    expect(secret.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined, requestId: undefined });
    expect(strip(secret.json())).toEqual(strip(missing.json()));
  });

  it('403 for a private space the viewer can see but not read; 404 for externals on internal spaces', async () => {
    expect((await members(employee, spaces['internal-private'])).statusCode).toBe(403);
    for (const key of ['internal-open', 'internal-private', 'internal-secret', 'external-private'] as const) {
      expect((await members(external, spaces[key])).statusCode, key).toBe(404);
    }
  });

  it('lists active members by name with keyset pagination and q / role filters', async () => {
    const space = await buildSpace(app, owner, { visibility: 'open' });
    const added: Session[] = [];
    for (const name of ['Zed Zulu', 'Amy Alpha', 'Mia Mike', 'Bob Bravo']) {
      const s = await signedIn(app, { name });
      await addMember(app, space, s, name === 'Mia Mike' ? 'moderator' : 'member');
      added.push(s);
    }
    const gone = await signedIn(app, { name: 'Dee Deactivated' });
    await addMember(app, space, gone);
    await app.ctx.db
      .updateTable('people')
      .set({ status: 'deactivated' })
      .where('id', '=', gone.person.id)
      .execute();

    const first = await members(employee, space, '?limit=2');
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((m: { person: { name: string } }) => m.person.name)).toEqual([
      'Amy Alpha',
      'Bob Bravo',
    ]);
    expect(first.json().items[0]).toMatchObject({ role: 'member', source: 'manual' });
    const second = await members(employee, space, `?limit=2&cursor=${first.json().nextCursor}`);
    const third = await members(employee, space, `?limit=2&cursor=${second.json().nextCursor}`);
    const names = [...second.json().items, ...third.json().items].map(
      (m: { person: { name: string } }) => m.person.name,
    );
    expect(names).toEqual(['Mia Mike', 'Olga Owner', 'Zed Zulu']);
    expect(third.json().nextCursor).toBeNull();
    // Deactivated people keep their membership but are not listed.
    expect(await memberRole(app, space.id, gone.person.id)).toBeDefined();

    const q = await members(employee, space, '?q=zulu');
    expect(q.json().items.map((m: { person: { name: string } }) => m.person.name)).toEqual(['Zed Zulu']);
    const mods = await members(employee, space, '?role=moderator');
    expect(mods.json().items.map((m: { person: { name: string } }) => m.person.name)).toEqual(['Mia Mike']);
    const owners = await members(employee, space, '?role=owner');
    expect(owners.json().items).toHaveLength(1);
  });

  it('an external member sees the members of their space (co-members), and only there', async () => {
    const community = await buildSpace(app, owner, { audience: 'external', visibility: 'private' });
    await addMember(app, community, external);
    const res = await members(external, community);
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((m: { person: { id: string } }) => m.person.id);
    expect(ids.sort()).toEqual([owner.person.id, external.person.id].sort());
    // An open external space: an external non-member reads it, but sees only people they share a space with.
    const open = spaces['external-open'];
    await addMember(app, open, employee);
    const openList = await members(external, open);
    expect(openList.statusCode).toBe(200);
    const visible = openList.json().items.map((m: { person: { id: string } }) => m.person.id);
    expect(visible).toContain(owner.person.id);
    expect(visible).not.toContain(employee.person.id);
  });
});

describe('POST /spaces/{handle}/join', () => {
  it('401, 404 for secret and for externals on internal spaces, 403 for private, 200 for open (idempotent)', async () => {
    const space = await buildSpace(app, owner, { visibility: 'open' });
    expect((await call(app, undefined, 'POST', `/api/v1/spaces/${space.handle}/join`)).statusCode).toBe(401);
    expect(
      (await call(app, employee, 'POST', `/api/v1/spaces/${spaces['internal-secret'].handle}/join`))
        .statusCode,
    ).toBe(404);
    expect(
      (await call(app, employee, 'POST', `/api/v1/spaces/${spaces['internal-private'].handle}/join`))
        .statusCode,
    ).toBe(403);
    expect((await call(app, employee, 'POST', '/api/v1/spaces/NOT VALID/join')).statusCode).toBe(400);
    const joined = await call(app, employee, 'POST', `/api/v1/spaces/${space.handle}/join`);
    expect(joined.statusCode).toBe(200);
    expect(joined.json()).toEqual({ membership: { role: 'member' } });
    expect((await call(app, employee, 'POST', `/api/v1/spaces/${space.handle}/join`)).json()).toEqual({
      membership: { role: 'member' },
    });
    expect(await eventNames(app, space.id)).toContain('space.member_joined');
  });

  it('never lets an external person join an internal space, even an open one', async () => {
    const res = await call(app, external, 'POST', `/api/v1/spaces/${spaces['internal-open'].handle}/join`);
    expect(res.statusCode).toBe(404);
    expect(await memberRole(app, spaces['internal-open'].id, external.person.id)).toBeUndefined();
    const ok = await call(app, external, 'POST', `/api/v1/spaces/${spaces['external-open'].handle}/join`);
    expect(ok.statusCode).toBe(200);
  });

  it('refuses to join an archived space', async () => {
    const space = await buildSpace(app, owner, { visibility: 'open' });
    await archive(app, space.id);
    expect((await call(app, employee, 'POST', `/api/v1/spaces/${space.handle}/join`)).statusCode).toBe(409);
  });
});

describe('leave, change role, remove, transfer ownership', () => {
  it('leave: 401, 409 when not a member, 409 for the last owner, 204 otherwise', async () => {
    const space = await buildSpace(app, owner);
    const url = `/api/v1/spaces/${space.handle}/leave`;
    expect((await call(app, undefined, 'POST', url)).statusCode).toBe(401);
    expect((await call(app, employee, 'POST', url)).statusCode).toBe(409);
    expect(
      (await call(app, employee, 'POST', `/api/v1/spaces/${spaces['internal-secret'].handle}/leave`))
        .statusCode,
    ).toBe(404);
    const last = await call(app, owner, 'POST', url);
    expect(last.statusCode).toBe(409);
    expect(await memberRole(app, space.id, owner.person.id)).toMatchObject({ role: 'owner' });
    await addMember(app, space, employee);
    expect((await call(app, employee, 'POST', url)).statusCode).toBe(204);
    expect(await memberRole(app, space.id, employee.person.id)).toBeUndefined();
    expect(await eventNames(app, space.id)).toContain('space.member_left');
  });

  it('change role: 401, 400, 403 for non-managers, admins cannot make admins, last owner cannot be demoted', async () => {
    const space = await buildSpace(app, owner);
    const admin = await signedIn(app);
    const member = await signedIn(app);
    await addMember(app, space, admin, 'admin');
    await addMember(app, space, member);
    const url = (id: string) => `/api/v1/spaces/${space.handle}/members/${id}`;
    expect((await call(app, undefined, 'PUT', url(member.person.id), { role: 'moderator' })).statusCode).toBe(
      401,
    );
    expect((await call(app, owner, 'PUT', url(member.person.id), { role: 'king' })).statusCode).toBe(400);
    expect((await call(app, member, 'PUT', url(member.person.id), { role: 'admin' })).statusCode).toBe(403);
    expect((await call(app, employee, 'PUT', url(member.person.id), { role: 'admin' })).statusCode).toBe(403);
    expect((await call(app, admin, 'PUT', url(member.person.id), { role: 'admin' })).statusCode).toBe(403);
    expect((await call(app, admin, 'PUT', url(owner.person.id), { role: 'member' })).statusCode).toBe(403);
    expect((await call(app, owner, 'PUT', url('nobody'), { role: 'member' })).statusCode).toBe(404);
    const secret = spaces['internal-secret'];
    expect(
      (
        await call(app, employee, 'PUT', `/api/v1/spaces/${secret.handle}/members/${owner.person.id}`, {
          role: 'member',
        })
      ).statusCode,
    ).toBe(404);

    const mod = await call(app, admin, 'PUT', url(member.person.id), { role: 'moderator' });
    expect(mod.statusCode).toBe(200);
    expect(mod.json()).toMatchObject({ role: 'moderator', person: { id: member.person.id } });
    const demote = await call(app, owner, 'PUT', url(owner.person.id), { role: 'admin' });
    expect(demote.statusCode).toBe(409);
    expect((await call(app, owner, 'PUT', url(admin.person.id), { role: 'owner' })).statusCode).toBe(200);
    expect((await call(app, owner, 'PUT', url(owner.person.id), { role: 'admin' })).statusCode).toBe(200);
    expect(await auditActions(app, space.id)).toEqual(expect.arrayContaining(['space.member_role_changed']));
    const audits = (await auditActions(app, space.id)).filter((a) => a === 'space.member_role_changed');
    expect(audits).toHaveLength(3);
  });

  it('remove: 403 for non-managers, admins cannot remove owners, the last owner stays, 204 and audited', async () => {
    const space = await buildSpace(app, owner);
    const admin = await signedIn(app);
    const member = await signedIn(app);
    await addMember(app, space, admin, 'admin');
    await addMember(app, space, member);
    const url = (id: string) => `/api/v1/spaces/${space.handle}/members/${id}`;
    expect((await call(app, undefined, 'DELETE', url(member.person.id))).statusCode).toBe(401);
    expect((await call(app, member, 'DELETE', url(admin.person.id))).statusCode).toBe(403);
    expect((await call(app, admin, 'DELETE', url(owner.person.id))).statusCode).toBe(403);
    expect((await call(app, owner, 'DELETE', url(owner.person.id))).statusCode).toBe(409);
    expect((await call(app, admin, 'DELETE', url('nobody'))).statusCode).toBe(404);
    expect((await call(app, admin, 'DELETE', url(member.person.id))).statusCode).toBe(204);
    expect(await memberRole(app, space.id, member.person.id)).toBeUndefined();
    expect(await auditActions(app, space.id)).toContain('space.member_removed');
    expect(await eventNames(app, space.id)).toContain('space.member_removed');
  });

  it('transfer ownership: owner only, to a member, the old owner becomes admin', async () => {
    const space = await buildSpace(app, owner);
    const admin = await signedIn(app);
    await addMember(app, space, admin, 'admin');
    const url = `/api/v1/spaces/${space.handle}/transfer-ownership`;
    expect((await call(app, undefined, 'POST', url, { personId: admin.person.id })).statusCode).toBe(401);
    expect((await call(app, owner, 'POST', url, {})).statusCode).toBe(400);
    expect((await call(app, admin, 'POST', url, { personId: admin.person.id })).statusCode).toBe(403);
    expect((await call(app, owner, 'POST', url, { personId: employee.person.id })).statusCode).toBe(400);
    expect(
      (
        await call(
          app,
          employee,
          'POST',
          `/api/v1/spaces/${spaces['internal-secret'].handle}/transfer-ownership`,
          { personId: employee.person.id },
        )
      ).statusCode,
    ).toBe(404);
    const res = await call(app, owner, 'POST', url, { personId: admin.person.id });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ handle: space.handle, membership: { role: 'admin' } });
    expect(await memberRole(app, space.id, admin.person.id)).toMatchObject({ role: 'owner' });
    expect(await memberRole(app, space.id, owner.person.id)).toMatchObject({ role: 'admin' });
    expect(await auditActions(app, space.id)).toContain('space.ownership_transferred');
    expect(await eventNames(app, space.id)).toContain('space.ownership_transferred');
  });
});
