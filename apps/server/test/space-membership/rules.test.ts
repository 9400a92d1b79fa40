import { LIMITS } from '@atrium/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, type Session, signedIn } from '../support/factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { addMember, auditActions, buildSpace, call, memberRole, spacesOf } from './helpers.ts';

let app: TestApp;
let owner: Session;
let spaces: Awaited<ReturnType<typeof spacesOf>>;

beforeAll(async () => {
  app = await createTestApp();
  owner = await signedIn(app, { name: 'Olga Owner' });
  spaces = await spacesOf(app, owner);
});
afterAll(async () => {
  await app.close();
});

const rules = (handle: string) => `/api/v1/spaces/${handle}/rules`;
const patchProfile = (who: Session, body: Record<string, unknown>) =>
  call(app, who, 'PATCH', `/api/v1/people/${who.person.handle}`, body);

describe('membership rules', () => {
  it('401, 400, 403 for non-managers, 404 secret probe, 409 on external spaces', async () => {
    const space = await buildSpace(app, owner);
    const member = await signedIn(app);
    await addMember(app, space, member);
    expect((await call(app, undefined, 'GET', rules(space.handle))).statusCode).toBe(401);
    expect(
      (await call(app, undefined, 'POST', rules(space.handle), { field: 'department', value: 'Sales' }))
        .statusCode,
    ).toBe(401);
    expect(
      (await call(app, owner, 'POST', rules(space.handle), { field: 'title', value: 'Boss' })).statusCode,
    ).toBe(400);
    expect(
      (await call(app, owner, 'POST', rules(space.handle), { field: 'department', value: '   ' })).statusCode,
    ).toBe(400);
    expect((await call(app, member, 'GET', rules(space.handle))).statusCode).toBe(403);
    expect(
      (await call(app, member, 'POST', rules(space.handle), { field: 'department', value: 'Sales' }))
        .statusCode,
    ).toBe(403);
    expect((await call(app, member, 'GET', rules(spaces['internal-secret'].handle))).statusCode).toBe(404);
    expect(
      (
        await call(app, owner, 'POST', rules(spaces['external-open'].handle), {
          field: 'department',
          value: 'Sales',
        })
      ).statusCode,
    ).toBe(409);
    expect((await call(app, owner, 'DELETE', `${rules(space.handle)}/nope`)).statusCode).toBe(404);
    expect((await call(app, member, 'DELETE', `${rules(space.handle)}/nope`)).statusCode).toBe(403);
  });

  it('adding a rule brings in matching active employees (case-insensitive, trimmed), never externals', async () => {
    const space = await buildSpace(app, owner, { visibility: 'private' });
    const sales = await buildPerson(app, { department: '  sales ' });
    const salesToo = await buildPerson(app, { department: 'SALES' });
    const other = await buildPerson(app, { department: 'Support' });
    const extSales = await buildPerson(app, { kind: 'external', department: 'Sales' });
    const gone = await buildPerson(app, { department: 'Sales' });
    await app.ctx.db.updateTable('people').set({ status: 'deactivated' }).where('id', '=', gone.id).execute();
    const res = await call(app, owner, 'POST', rules(space.handle), {
      field: 'department',
      value: ' Sales ',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ field: 'department', value: 'Sales' });
    expect(await memberRole(app, space.id, sales.id)).toEqual({ role: 'member', source: 'rule' });
    expect(await memberRole(app, space.id, salesToo.id)).toEqual({ role: 'member', source: 'rule' });
    expect(await memberRole(app, space.id, other.id)).toBeUndefined();
    expect(await memberRole(app, space.id, extSales.id)).toBeUndefined();
    expect(await memberRole(app, space.id, gone.id)).toBeUndefined();
    expect(
      (await call(app, owner, 'POST', rules(space.handle), { field: 'department', value: 'sales' }))
        .statusCode,
    ).toBe(409);
    const list = await call(app, owner, 'GET', rules(space.handle));
    expect(list.json().items).toEqual([res.json()]);
    expect(await auditActions(app, space.id)).toContain('space.rule_added');
  });

  it('re-evaluates on profile change and on joining; removes only rule-sourced, non-owner memberships', async () => {
    const space = await buildSpace(app, owner);
    await call(app, owner, 'POST', rules(space.handle), { field: 'location', value: 'Berlin' });
    const mover = await signedIn(app, { location: 'Paris' });
    const manual = await signedIn(app, { location: 'Berlin' });
    await app.drainEvents();
    expect(await memberRole(app, space.id, manual.person.id)).toEqual({ role: 'member', source: 'rule' });
    expect(await memberRole(app, space.id, mover.person.id)).toBeUndefined();

    expect((await patchProfile(mover, { location: 'berlin' })).statusCode).toBe(200);
    await app.drainEvents();
    expect(await memberRole(app, space.id, mover.person.id)).toEqual({ role: 'member', source: 'rule' });
    expect((await patchProfile(mover, { location: 'Paris' })).statusCode).toBe(200);
    await app.drainEvents();
    expect(await memberRole(app, space.id, mover.person.id)).toBeUndefined();

    // A manual membership is never removed by rules.
    await app.ctx.db
      .updateTable('space_members')
      .set({ source: 'manual' })
      .where('person_id', '=', manual.person.id)
      .where('space_id', '=', space.id)
      .execute();
    await patchProfile(manual, { location: 'Rome' });
    await app.drainEvents();
    expect(await memberRole(app, space.id, manual.person.id)).toEqual({ role: 'member', source: 'manual' });

    // An owner who came in by rule stays.
    const promoted = await signedIn(app, { location: 'Berlin' });
    await app.drainEvents();
    await app.ctx.db
      .updateTable('space_members')
      .set({ role: 'owner' })
      .where('person_id', '=', promoted.person.id)
      .where('space_id', '=', space.id)
      .execute();
    await patchProfile(promoted, { location: 'Rome' });
    await app.drainEvents();
    expect(await memberRole(app, space.id, promoted.person.id)).toEqual({ role: 'owner', source: 'rule' });
  });

  it('removing a rule removes the members it alone justified', async () => {
    const space = await buildSpace(app, owner);
    const a = (
      await call(app, owner, 'POST', rules(space.handle), { field: 'department', value: 'Legal' })
    ).json();
    await call(app, owner, 'POST', rules(space.handle), { field: 'location', value: 'Oslo' });
    const legalOnly = await buildPerson(app, { department: 'Legal', location: 'Rome' });
    const both = await buildPerson(app, { department: 'Legal', location: 'Oslo' });
    await app.drainEvents();
    expect(await memberRole(app, space.id, legalOnly.id)).toMatchObject({ source: 'rule' });
    expect((await call(app, owner, 'DELETE', `${rules(space.handle)}/${a.id}`)).statusCode).toBe(204);
    expect(await memberRole(app, space.id, legalOnly.id)).toBeUndefined();
    expect(await memberRole(app, space.id, both.id)).toMatchObject({ source: 'rule' });
    expect(await memberRole(app, space.id, owner.person.id)).toMatchObject({ role: 'owner' });
    expect(await auditActions(app, space.id)).toContain('space.rule_removed');
  });

  it('never adds an external person by rule, even after a profile change', async () => {
    const space = await buildSpace(app, owner);
    await call(app, owner, 'POST', rules(space.handle), { field: 'department', value: 'Finance' });
    const ext = await signedIn(app, { kind: 'external' });
    await patchProfile(ext, { department: 'Finance' });
    await app.drainEvents();
    expect(await memberRole(app, space.id, ext.person.id)).toBeUndefined();
  });

  it(`allows at most ${LIMITS.spaceRulesPerSpace} rules per space`, async () => {
    const space = await buildSpace(app, owner);
    for (let i = 0; i < LIMITS.spaceRulesPerSpace; i += 1) {
      expect(
        (await call(app, owner, 'POST', rules(space.handle), { field: 'location', value: `City ${i}` }))
          .statusCode,
      ).toBe(201);
    }
    expect(
      (await call(app, owner, 'POST', rules(space.handle), { field: 'location', value: 'One more' }))
        .statusCode,
    ).toBe(409);
  });
});
