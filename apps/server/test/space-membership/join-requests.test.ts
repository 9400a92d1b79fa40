import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, signedIn } from '../support/factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import {
  addMember,
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

const base = (handle: string) => `/api/v1/spaces/${handle}/join-requests`;

describe('join requests', () => {
  it('create: 401, 400, 404 secret/invisible, 409 open or member or duplicate, 201 private', async () => {
    const space = await buildSpace(app, owner, { visibility: 'private' });
    expect((await call(app, undefined, 'POST', base(space.handle), {})).statusCode).toBe(401);
    expect(
      (await call(app, employee, 'POST', base(space.handle), { message: 'x'.repeat(1001) })).statusCode,
    ).toBe(400);
    expect((await call(app, employee, 'POST', base(spaces['internal-secret'].handle), {})).statusCode).toBe(
      404,
    );
    expect((await call(app, external, 'POST', base(spaces['internal-private'].handle), {})).statusCode).toBe(
      404,
    );
    expect((await call(app, employee, 'POST', base(spaces['internal-open'].handle), {})).statusCode).toBe(
      409,
    );
    expect((await call(app, owner, 'POST', base(space.handle), {})).statusCode).toBe(409);
    const res = await call(app, employee, 'POST', base(space.handle), { message: ' Please let me in ' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      person: { id: employee.person.id },
      message: 'Please let me in',
      status: 'pending',
      decidedAt: null,
      decidedBy: null,
    });
    expect((await call(app, employee, 'POST', base(space.handle), {})).statusCode).toBe(409);
    const detail = await call(app, employee, 'GET', `/api/v1/spaces/${space.handle}`);
    expect(detail.json().joinRequest).toEqual({ id: res.json().id, status: 'pending' });
    expect(await eventNames(app, space.id)).toContain('space.join_requested');
  });

  it('cancel mine: 404 when none, 204, then a new request is possible', async () => {
    const space = await buildSpace(app, owner, { visibility: 'private' });
    const who = await signedIn(app);
    expect((await call(app, undefined, 'DELETE', `${base(space.handle)}/mine`)).statusCode).toBe(401);
    expect((await call(app, who, 'DELETE', `${base(space.handle)}/mine`)).statusCode).toBe(404);
    await call(app, who, 'POST', base(space.handle), {});
    expect((await call(app, who, 'DELETE', `${base(space.handle)}/mine`)).statusCode).toBe(204);
    expect((await call(app, who, 'POST', base(space.handle), {})).statusCode).toBe(201);
  });

  it('list and decide: owner/admin only; approve makes a member (audited), decline does not', async () => {
    const space = await buildSpace(app, owner, { visibility: 'private' });
    const a = await signedIn(app, { name: 'Alice Asker' });
    const b = await signedIn(app, { name: 'Bert Asker' });
    const reqA = (await call(app, a, 'POST', base(space.handle), {})).json();
    const reqB = (await call(app, b, 'POST', base(space.handle), {})).json();
    const moderator = await signedIn(app);
    await addMember(app, space, moderator, 'moderator');

    expect((await call(app, undefined, 'GET', base(space.handle))).statusCode).toBe(401);
    expect((await call(app, owner, 'GET', `${base(space.handle)}?status=nope`)).statusCode).toBe(400);
    expect((await call(app, moderator, 'GET', base(space.handle))).statusCode).toBe(403);
    expect((await call(app, a, 'GET', base(space.handle))).statusCode).toBe(403);
    expect((await call(app, employee, 'GET', base(spaces['internal-secret'].handle))).statusCode).toBe(404);
    const list = await call(app, owner, 'GET', `${base(space.handle)}?status=pending&limit=1`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((r: { id: string }) => r.id)).toEqual([reqB.id]);
    const next = await call(
      app,
      owner,
      'GET',
      `${base(space.handle)}?status=pending&cursor=${list.json().nextCursor}`,
    );
    expect(next.json().items.map((r: { id: string }) => r.id)).toEqual([reqA.id]);

    expect((await call(app, moderator, 'POST', `${base(space.handle)}/${reqA.id}/approve`)).statusCode).toBe(
      403,
    );
    expect((await call(app, owner, 'POST', `${base(space.handle)}/nope/approve`)).statusCode).toBe(404);
    const approved = await call(app, owner, 'POST', `${base(space.handle)}/${reqA.id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: { id: owner.person.id } });
    expect(await memberRole(app, space.id, a.person.id)).toEqual({ role: 'member', source: 'manual' });
    expect((await call(app, owner, 'POST', `${base(space.handle)}/${reqA.id}/decline`)).statusCode).toBe(409);
    const declined = await call(app, owner, 'POST', `${base(space.handle)}/${reqB.id}/decline`);
    expect(declined.json().status).toBe('declined');
    expect(await memberRole(app, space.id, b.person.id)).toBeUndefined();
    expect(await auditActions(app, space.id)).toContain('space.join_request_approved');
    const names = await eventNames(app, space.id);
    expect(names.filter((n) => n === 'space.join_request_decided')).toHaveLength(2);
    const all = await call(app, owner, 'GET', base(space.handle));
    expect(all.json().items).toHaveLength(2);
  });

  it('an approval can never put an external person into an internal space', async () => {
    const space = await buildSpace(app, owner, { visibility: 'private' });
    const row = {
      id: `forged-${Date.now()}`,
      space_id: space.id,
      person_id: external.person.id,
      message: '',
      status: 'pending' as const,
      open_key: `${space.id}:${external.person.id}`,
      created_at: new Date().toISOString(),
      decided_at: null,
      decided_by: null,
    };
    // A request that no API path can create (the space is invisible to externals), planted directly.
    await app.ctx.db.insertInto('space_join_requests').values(row).execute();
    const res = await call(app, owner, 'POST', `${base(space.handle)}/${row.id}/approve`);
    expect(res.statusCode).toBe(409);
    expect(await memberRole(app, space.id, external.person.id)).toBeUndefined();
  });

  it('an external admin of a community never sees requests from people outside it', async () => {
    const community = await buildSpace(app, owner, { audience: 'external', visibility: 'private' });
    await addMember(app, community, external, 'admin');
    const req = (await call(app, employee, 'POST', base(community.handle), {})).json();
    const list = await call(app, external, 'GET', base(community.handle));
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([]);
    expect(
      (await call(app, external, 'POST', `${base(community.handle)}/${req.id}/approve`)).statusCode,
    ).toBe(404);
    expect(await memberRole(app, community.id, employee.person.id)).toBeUndefined();
  });
});
