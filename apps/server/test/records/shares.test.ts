import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findReadableRecord, readableShareSpaceIds } from '../../src/modules/records/record-access.ts';
import type { SpaceRow } from '../../src/modules/spaces/spaces.repository.ts';
import { nowIso } from '../../src/platform/db/time.ts';
import { type Session, signedIn } from '../support/factories.ts';
import { buildRecord, buildRecordType, shareRecordInto } from '../support/record-factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { auditRows, call, eventRows, expectSameAsMissing, tokenFor } from './helpers.ts';

let app: TestApp;
let owner: Session;
let spaceAdmin: Session;
let plainMember: Session;
let bystander: Session;
let customer: Session;
let outsider: Session;
let community: SpaceRow;
let team: SpaceRow;
let vip: SpaceRow;
beforeAll(async () => {
  app = await createTestApp();
  owner = await signedIn(app);
  spaceAdmin = await signedIn(app);
  plainMember = await signedIn(app);
  bystander = await signedIn(app);
  customer = await signedIn(app, { kind: 'external' });
  outsider = await signedIn(app, { kind: 'external' });
  community = await buildSpace(app, owner, {
    name: 'Customer community',
    audience: 'external',
    visibility: 'private',
  });
  await addMember(app, community, spaceAdmin, 'admin');
  await addMember(app, community, plainMember);
  await addMember(app, community, customer);
  team = await buildSpace(app, owner, { name: 'Sales team', audience: 'internal' });
  vip = await buildSpace(app, owner, { name: 'VIP board', audience: 'external', visibility: 'secret' });
  await buildRecordType(app, { key: 'account', name: 'Account' });
});
afterAll(async () => {
  await app.close();
});

const shareUrl = (recordId: string, spaceId: string) => `/api/v1/records/${recordId}/shares/${spaceId}`;
const newAccount = () =>
  buildRecord(app, {
    type: 'account',
    name: 'Globex',
    fields: { owner: 'Dana', amount: 5000, stage: 'won' },
    externalSystem: 'salesforce',
    externalId: `001-${Math.random()}`,
    externalUrl: 'https://crm.internal.example/001',
  });

describe('PUT /api/v1/records/{id}/shares/{spaceId}', () => {
  it('lets an owner or admin of an external space share a record into it; event, audit, idempotent', async () => {
    const record = await newAccount();
    const res = await call(app, owner, 'PUT', shareUrl(record.id, community.id));
    expect(res.statusCode).toBe(200);
    expect(res.json().sharedInto.map((s: { id: string }) => s.id)).toEqual([community.id]);
    const events = await eventRows(app, 'record.shared', record.id);
    expect(events).toHaveLength(1);
    expect(events[0]?.space_id).toBe(community.id);
    expect(await auditRows(app, 'record.shared', record.id)).toHaveLength(1);
    expect((await call(app, owner, 'PUT', shareUrl(record.id, community.id))).statusCode).toBe(200);
    expect(await eventRows(app, 'record.shared', record.id)).toHaveLength(1);

    const other = await newAccount();
    const token = await tokenFor(app, spaceAdmin, ['write']);
    expect((await call(app, token, 'PUT', shareUrl(other.id, community.id))).statusCode).toBe(200);
  });

  it('401 anonymous, 403 for plain members, non-members and external people, 400 for an internal space', async () => {
    const record = await newAccount();
    expect((await call(app, undefined, 'PUT', shareUrl(record.id, community.id))).statusCode).toBe(401);
    expect((await call(app, plainMember, 'PUT', shareUrl(record.id, community.id))).statusCode).toBe(403);
    expect((await call(app, bystander, 'PUT', shareUrl(record.id, community.id))).statusCode).toBe(403);
    expect((await call(app, customer, 'PUT', shareUrl(record.id, community.id))).statusCode).toBe(403);
    const internal = await call(app, owner, 'PUT', shareUrl(record.id, team.id));
    expect(internal.statusCode).toBe(400);
    expect(internal.json().detail).toMatch(/external spaces only/);
    expect((await call(app, owner, 'PUT', shareUrl(record.id, 'x'.repeat(65)))).statusCode).toBe(400);
    const shares = await app.ctx.db
      .selectFrom('record_shares')
      .selectAll()
      .where('record_id', '=', record.id)
      .execute();
    expect(shares).toEqual([]);
  });

  it('404 for an unknown record or space, and a secret space answers like a missing one', async () => {
    const record = await newAccount();
    expect((await call(app, owner, 'PUT', shareUrl('no-such-record', community.id))).statusCode).toBe(404);
    expectSameAsMissing(
      await call(app, bystander, 'PUT', shareUrl(record.id, vip.id)),
      await call(app, bystander, 'PUT', shareUrl(record.id, 'no-such-space')),
    );
  });

  it('409 for an archived space', async () => {
    const archived = await buildSpace(app, owner, { audience: 'external' });
    await app.ctx.db.updateTable('spaces').set({ archived_at: 'x' }).where('id', '=', archived.id).execute();
    const record = await newAccount();
    expect((await call(app, owner, 'PUT', shareUrl(record.id, archived.id))).statusCode).toBe(409);
  });
});

describe('an external person and a shared record', () => {
  it('a member of the space opens it (name and type only: no values, followers or links); others get 404', async () => {
    const record = await newAccount();
    await shareRecordInto(app, record, community);
    await shareRecordInto(app, record, vip);
    await app.ctx.db
      .insertInto('feed_follows')
      .values({
        person_id: bystander.person.id,
        target_type: 'record',
        target_id: record.id,
        created_at: nowIso(),
      })
      .execute();
    const page = await call(app, customer, 'GET', `/api/v1/records/${record.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({
      name: 'Globex',
      type: { key: 'account' },
      externalSystem: null,
      externalId: null,
      externalUrl: null,
      fields: [],
      followerCount: 0,
      followedByMe: false,
      abilities: { edit: false, share: false, follow: false, post: false },
    });
    expect(JSON.stringify(page.json())).not.toContain('Dana');
    // Only the spaces the customer reads: not the secret one the record is also shared into.
    expect(page.json().sharedInto.map((s: { id: string }) => s.id)).toEqual([community.id]);
    expect(JSON.stringify(page.json())).not.toContain('crm.internal');
    expect(JSON.stringify(page.json())).not.toContain('VIP');

    expectSameAsMissing(
      await call(app, outsider, 'GET', `/api/v1/records/${record.id}`),
      await call(app, outsider, 'GET', '/api/v1/records/no-such-record'),
    );
    const unshared = await newAccount();
    expect((await call(app, customer, 'GET', `/api/v1/records/${unshared.id}`)).statusCode).toBe(404);

    // Employees see the link back; a secret space only if they belong to it.
    const forBystander = await call(app, bystander, 'GET', `/api/v1/records/${record.id}`);
    expect(forBystander.json().externalUrl).toBe('https://crm.internal.example/001');
    expect(forBystander.json().fields.map((f: { value: unknown }) => f.value)).toEqual(['Dana', 5000, 'won']);
    expect(forBystander.json()).toMatchObject({ followerCount: 1, followedByMe: true });
    expect(forBystander.json().sharedInto.map((s: { id: string }) => s.id)).toEqual([community.id]);
    const forOwner = await call(app, owner, 'GET', `/api/v1/records/${record.id}`);
    expect(
      forOwner
        .json()
        .sharedInto.map((s: { id: string }) => s.id)
        .sort(),
    ).toEqual([community.id, vip.id].sort());
  });

  it('an open external space lets any external person read what is shared there', async () => {
    const forum = await buildSpace(app, owner, { audience: 'external', visibility: 'open' });
    const record = await newAccount();
    await shareRecordInto(app, record, forum);
    expect((await call(app, outsider, 'GET', `/api/v1/records/${record.id}`)).statusCode).toBe(200);
    expect(await readableShareSpaceIds(app.ctx.db, outsider.person, record.id)).toEqual([forum.id]);
  });

  it('findReadableRecord: employees read every record; access through a space ends when the person leaves', async () => {
    const record = await newAccount();
    expect((await findReadableRecord(app.ctx.db, bystander.person, record.id))?.id).toBe(record.id);
    const guest = await signedIn(app, { kind: 'external' });
    await addMember(app, community, guest);
    expect(await findReadableRecord(app.ctx.db, guest.person, record.id)).toBeUndefined();
    await shareRecordInto(app, record, community);
    expect((await findReadableRecord(app.ctx.db, guest.person, record.id))?.id).toBe(record.id);
    expect(await readableShareSpaceIds(app.ctx.db, guest.person, record.id)).toEqual([community.id]);
    await app.ctx.db
      .deleteFrom('space_members')
      .where('space_id', '=', community.id)
      .where('person_id', '=', guest.person.id)
      .execute();
    expect(await findReadableRecord(app.ctx.db, guest.person, record.id)).toBeUndefined();
    expect(await findReadableRecord(app.ctx.db, bystander.person, 'no-such-record')).toBeUndefined();
  });
});

describe('DELETE /api/v1/records/{id}/shares/{spaceId}', () => {
  it('takes a record out of a space: the customer loses it at once; event and audit; idempotent', async () => {
    const record = await newAccount();
    await shareRecordInto(app, record, community);
    expect((await call(app, customer, 'GET', `/api/v1/records/${record.id}`)).statusCode).toBe(200);
    expect((await call(app, undefined, 'DELETE', shareUrl(record.id, community.id))).statusCode).toBe(401);
    expect((await call(app, plainMember, 'DELETE', shareUrl(record.id, community.id))).statusCode).toBe(403);
    expect((await call(app, customer, 'DELETE', shareUrl(record.id, community.id))).statusCode).toBe(403);
    expect((await call(app, owner, 'DELETE', shareUrl('no-such-record', community.id))).statusCode).toBe(404);
    expect((await call(app, bystander, 'DELETE', shareUrl(record.id, vip.id))).statusCode).toBe(404);
    expect((await call(app, owner, 'DELETE', shareUrl(record.id, 'x'.repeat(65)))).statusCode).toBe(400);

    expect((await call(app, spaceAdmin, 'DELETE', shareUrl(record.id, community.id))).statusCode).toBe(204);
    expect((await call(app, customer, 'GET', `/api/v1/records/${record.id}`)).statusCode).toBe(404);
    expect(await eventRows(app, 'record.unshared', record.id)).toHaveLength(1);
    expect(await auditRows(app, 'record.unshared', record.id)).toHaveLength(1);
    expect((await call(app, owner, 'DELETE', shareUrl(record.id, community.id))).statusCode).toBe(204);
    expect(await eventRows(app, 'record.unshared', record.id)).toHaveLength(1);
  });
});
