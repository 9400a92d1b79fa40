import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/db/time.ts';
import { type Session, signedIn } from '../support/factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { auditRows, call, eventRows, expectSameAsMissing } from './helpers.ts';

let app: TestApp;
let owner: Session;
let outsider: Session;
let customer: Session;
beforeAll(async () => {
  app = await createTestApp();
  owner = await signedIn(app);
  outsider = await signedIn(app);
  customer = await signedIn(app, { kind: 'external' });
});
afterAll(async () => {
  await app.close();
});

describe('GET /api/v1/spaces/{handle}', () => {
  it('answers 401 without a session and 400 to a malformed handle', async () => {
    const space = await buildSpace(app, owner);
    expect((await call(app, undefined, 'GET', `/api/v1/spaces/${space.handle}`)).statusCode).toBe(401);
    expect((await call(app, owner, 'GET', '/api/v1/spaces/Not%20A%20Handle')).statusCode).toBe(400);
  });

  it('answers a secret space probed by a non-member exactly like a missing handle, on every path', async () => {
    const secret = await buildSpace(app, owner, { visibility: 'secret' });
    for (const [method, suffix, payload] of [
      ['GET', '', undefined],
      ['PATCH', '', { name: 'Renamed' }],
      ['POST', '/archive', undefined],
      ['POST', '/restore', undefined],
      ['GET', '/avatar', undefined],
      ['GET', '/cover', undefined],
      ['DELETE', '/avatar', undefined],
      ['DELETE', '/cover', undefined],
    ] as const) {
      for (const viewer of [outsider, customer]) {
        const hidden = await call(app, viewer, method, `/api/v1/spaces/${secret.handle}${suffix}`, payload);
        const missing = await call(app, viewer, method, `/api/v1/spaces/no-such-space${suffix}`, payload);
        expectSameAsMissing(hidden, missing);
      }
    }
    const row = await app.ctx.db
      .selectFrom('spaces')
      .selectAll()
      .where('id', '=', secret.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: secret.name, archived_at: null });
  });

  it('hides internal spaces from external people (404) and shows them their own external space', async () => {
    const internal = await buildSpace(app, owner);
    expectSameAsMissing(
      await call(app, customer, 'GET', `/api/v1/spaces/${internal.handle}`),
      await call(app, customer, 'GET', '/api/v1/spaces/no-such-space'),
    );
    const community = await buildSpace(app, owner, { audience: 'external', visibility: 'private' });
    expectSameAsMissing(
      await call(app, customer, 'GET', `/api/v1/spaces/${community.handle}`),
      await call(app, customer, 'GET', '/api/v1/spaces/no-such-space'),
    );
    await addMember(app, community, customer);
    const res = await call(app, customer, 'GET', `/api/v1/spaces/${community.handle}`);
    expect(res.statusCode).toBe(200);
    // The creator is an employee the customer shares a space with, so they may see them.
    expect(res.json()).toMatchObject({
      membership: { role: 'member' },
      rules: [],
      createdBy: { id: owner.person.id },
    });
    expect(res.json().abilities).toMatchObject({ read: true, manageSettings: false, leave: true });
  });

  it('does not reveal the creator to an external person who shares no space with them', async () => {
    const open = await buildSpace(app, owner, { audience: 'external', visibility: 'open' });
    const stranger = await signedIn(app, { kind: 'external' });
    const res = await call(app, stranger, 'GET', `/api/v1/spaces/${open.handle}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      createdBy: null,
      memberCount: 1,
      abilities: { join: true, read: true },
    });
  });
});

describe('PATCH /api/v1/spaces/{handle}', () => {
  it('answers 401, 400 to bad input, 403 to members and outsiders, and saves changes for the owner', async () => {
    const space = await buildSpace(app, owner);
    const url = `/api/v1/spaces/${space.handle}`;
    expect((await call(app, undefined, 'PATCH', url, { name: 'x' })).statusCode).toBe(401);
    for (const bad of [
      {},
      { name: 'x'.repeat(10_000) },
      { name: 'a\u0000b' },
      { name: '  ' },
      { visibility: 'hidden' },
      { handle: 'new-handle' },
    ]) {
      expect((await call(app, owner, 'PATCH', url, bad)).statusCode, JSON.stringify(bad).slice(0, 60)).toBe(
        400,
      );
    }
    expect((await call(app, outsider, 'PATCH', url, { name: 'Mine now' })).statusCode).toBe(403);
    const member = await signedIn(app);
    await addMember(app, space, member);
    expect((await call(app, member, 'PATCH', url, { description: 'x' })).statusCode).toBe(403);
    const res = await call(app, owner, 'PATCH', url, {
      name: 'Renamed Space',
      category: 'Projects',
      description: 'About',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Renamed Space',
      category: 'Projects',
      description: 'About',
      handle: space.handle,
    });
    expect(await eventRows(app, 'space.updated', space.id)).toHaveLength(1);
    const cleared = await call(app, owner, 'PATCH', url, { category: null });
    expect(cleared.json().category).toBeNull();
    const found = await call(app, outsider, 'GET', '/api/v1/spaces?q=renamed%20space');
    expect(found.json().items.map((s: { id: string }) => s.id)).toContain(space.id);
  });

  it('audits a visibility change once, and hides a space turned secret from non-members', async () => {
    const space = await buildSpace(app, owner);
    const url = `/api/v1/spaces/${space.handle}`;
    const res = await call(app, owner, 'PATCH', url, { visibility: 'secret' });
    expect(res.statusCode).toBe(200);
    const rows = await auditRows(app, 'space.visibility_changed', space.id);
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]?.data ?? '{}')).toEqual({
      from: 'open',
      to: 'secret',
      invitationsRevoked: 0,
      requestsDeclined: 0,
    });
    expect((await call(app, outsider, 'GET', url)).statusCode).toBe(404);
    // The same value again changes nothing and records nothing.
    await call(app, owner, 'PATCH', url, { visibility: 'secret' });
    expect(await auditRows(app, 'space.visibility_changed', space.id)).toHaveLength(1);
  });

  it('refuses internal→external while the space has members other than its owner, unless confirmed; audits both kinds', async () => {
    const empty = await buildSpace(app, owner);
    const ok = await call(app, owner, 'PATCH', `/api/v1/spaces/${empty.handle}`, { audience: 'external' });
    expect(ok.statusCode).toBe(200);
    const quiet = await auditRows(app, 'space.audience_changed', empty.id);
    expect(quiet.map((r) => JSON.parse(r.data))).toEqual([
      {
        from: 'internal',
        to: 'external',
        confirmed: false,
        hadContent: false,
        rulesRemoved: 0,
        invitationsRevoked: 0,
        requestsDeclined: 0,
      },
    ]);

    const busy = await buildSpace(app, owner);
    await addMember(app, busy, outsider);
    const url = `/api/v1/spaces/${busy.handle}`;
    const refused = await call(app, owner, 'PATCH', url, { audience: 'external', name: 'Also renamed' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('conflict');
    const unchanged = await app.ctx.db
      .selectFrom('spaces')
      .selectAll()
      .where('id', '=', busy.id)
      .executeTakeFirstOrThrow();
    expect(unchanged).toMatchObject({ audience: 'internal', name: busy.name });
    expect(await auditRows(app, 'space.audience_changed', busy.id)).toHaveLength(0);
    expect(
      (await call(app, owner, 'PATCH', url, { audience: 'external', confirmAudienceChange: false }))
        .statusCode,
    ).toBe(409);

    const confirmed = await call(app, owner, 'PATCH', url, {
      audience: 'external',
      confirmAudienceChange: true,
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().audience).toBe('external');
    const rows = await auditRows(app, 'space.audience_changed', busy.id);
    expect(rows.map((r) => JSON.parse(r.data))).toEqual([
      {
        from: 'internal',
        to: 'external',
        confirmed: true,
        hadContent: true,
        rulesRemoved: 0,
        invitationsRevoked: 0,
        requestsDeclined: 0,
      },
    ]);
    expect(rows[0]?.actor_id).toBe(owner.person.id);
  });

  it('counts posts as content: an internal space with posts and no other member needs the confirmation', async () => {
    const quiet = await buildSpace(app, owner);
    const now = new Date().toISOString();
    await app.ctx.db
      .insertInto('posts')
      .values({
        id: newId(),
        author_id: owner.person.id,
        kind: 'update',
        target_type: 'space',
        stream: `space:${quiet.id}`,
        space_id: quiet.id,
        body: 'Internal only',
        body_html: '<p>Internal only</p>',
        profile_id: null,
        record_id: null,
        badge: null,
        shared_post_id: null,
        accepted_comment_id: null,
        requires_ack: 0,
        pinned_until: null,
        pinned_at: null,
        pinned_by: null,
        comment_count: 0,
        created_at: now,
        edited_at: null,
        deleted_at: null,
        deleted_by: null,
        hidden_at: null,
        hidden_by: null,
        hidden_reason: null,
      })
      .execute();
    const url = `/api/v1/spaces/${quiet.handle}`;
    expect((await call(app, owner, 'PATCH', url, { audience: 'external' })).statusCode).toBe(409);
    const confirmed = await call(app, owner, 'PATCH', url, {
      audience: 'external',
      confirmAudienceChange: true,
    });
    expect(confirmed.statusCode).toBe(200);
    const rows = await auditRows(app, 'space.audience_changed', quiet.id);
    expect(JSON.parse(rows[0]?.data ?? '{}')).toMatchObject({ confirmed: true, hadContent: true });
  });

  it('refuses external→internal while an external person belongs', async () => {
    const community = await buildSpace(app, owner, { audience: 'external' });
    await addMember(app, community, customer);
    const url = `/api/v1/spaces/${community.handle}`;
    const res = await call(app, owner, 'PATCH', url, { audience: 'internal', confirmAudienceChange: true });
    expect(res.statusCode).toBe(409);
    expect((await call(app, customer, 'GET', url)).statusCode).toBe(200);
    await app.ctx.db
      .deleteFrom('space_members')
      .where('person_id', '=', customer.person.id)
      .where('space_id', '=', community.id)
      .execute();
    expect((await call(app, owner, 'PATCH', url, { audience: 'internal' })).statusCode).toBe(200);
  });

  it('lets only owners change the audience; a space admin gets 403', async () => {
    const space = await buildSpace(app, owner);
    const spaceAdmin = await signedIn(app);
    await addMember(app, space, spaceAdmin, 'admin');
    const url = `/api/v1/spaces/${space.handle}`;
    expect(
      (await call(app, spaceAdmin, 'PATCH', url, { audience: 'external', confirmAudienceChange: true }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call(app, spaceAdmin, 'PATCH', url, { audience: 'internal', description: 'fine' })).statusCode,
    ).toBe(200);
  });

  it('lets only site admins set isDefault, only on open internal spaces; employees then belong', async () => {
    const space = await buildSpace(app, owner);
    const url = `/api/v1/spaces/${space.handle}`;
    expect((await call(app, owner, 'PATCH', url, { isDefault: true })).statusCode).toBe(403);
    const siteAdmin = await signedIn(app, { role: 'admin' });
    const privateSpace = await buildSpace(app, owner, { visibility: 'private' });
    expect(
      (await call(app, siteAdmin, 'PATCH', `/api/v1/spaces/${privateSpace.handle}`, { isDefault: true }))
        .statusCode,
    ).toBe(409);
    const res = await call(app, siteAdmin, 'PATCH', url, { isDefault: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ isDefault: true, membership: { role: 'member' } });
    const row = await app.ctx.db
      .selectFrom('space_members')
      .selectAll()
      .where('space_id', '=', space.id)
      .where('person_id', '=', outsider.person.id)
      .executeTakeFirst();
    expect(row).toMatchObject({ role: 'member', source: 'default' });
    const customerRow = await app.ctx.db
      .selectFrom('space_members')
      .select('person_id')
      .where('space_id', '=', space.id)
      .where('person_id', '=', customer.person.id)
      .executeTakeFirst();
    expect(customerRow).toBeUndefined();
    expect(await auditRows(app, 'space.default_changed', space.id)).toHaveLength(1);
    // A default space stays open and internal.
    expect((await call(app, owner, 'PATCH', url, { visibility: 'private' })).statusCode).toBe(409);
    expect(
      (await call(app, owner, 'PATCH', url, { audience: 'external', confirmAudienceChange: true }))
        .statusCode,
    ).toBe(409);
  });
});

describe('POST /api/v1/spaces/{handle}/archive and /restore', () => {
  it('answers 401, 403 to members, and archives and restores for the owner, audited and recorded', async () => {
    const space = await buildSpace(app, owner);
    const member = await signedIn(app);
    await addMember(app, space, member);
    const base = `/api/v1/spaces/${space.handle}`;
    expect((await call(app, undefined, 'POST', `${base}/archive`)).statusCode).toBe(401);
    expect((await call(app, member, 'POST', `${base}/archive`)).statusCode).toBe(403);
    const archived = await call(app, owner, 'POST', `${base}/archive`);
    expect(archived.statusCode).toBe(200);
    expect(archived.json()).toMatchObject({ archived: true, abilities: { invite: false, archive: true } });
    expect((await call(app, owner, 'POST', `${base}/archive`)).statusCode).toBe(200);
    expect(await auditRows(app, 'space.archived', space.id)).toHaveLength(1);
    expect(await eventRows(app, 'space.archived', space.id)).toHaveLength(1);
    const list = await call(app, member, 'GET', '/api/v1/spaces?membership=mine');
    expect(list.json().items.map((s: { id: string }) => s.id)).not.toContain(space.id);
    const restored = await call(app, owner, 'POST', `${base}/restore`);
    expect(restored.json().archived).toBe(false);
    expect(await auditRows(app, 'space.restored', space.id)).toHaveLength(1);
    expect(await eventRows(app, 'space.restored', space.id)).toHaveLength(1);
  });
});
