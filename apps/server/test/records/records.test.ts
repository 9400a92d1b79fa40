import { LIMITS } from '@atrium/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, signedIn } from '../support/factories.ts';
import { buildRecord, buildRecordType } from '../support/record-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { call, countRecords, eventRows, tokenFor } from './helpers.ts';

let app: TestApp;
let employee: Session;
beforeAll(async () => {
  app = await createTestApp();
  employee = await signedIn(app);
  await buildRecordType(app, {
    key: 'deal',
    name: 'Deal',
    fields: [
      { key: 'amount', label: 'Amount', type: 'money', required: true },
      { key: 'seats', label: 'Seats', type: 'number' },
      { key: 'close', label: 'Close date', type: 'date' },
      { key: 'site', label: 'Site', type: 'url' },
      { key: 'stage', label: 'Stage', type: 'select', options: ['lead', 'won'] },
      { key: 'notes', label: 'Notes', type: 'text' },
    ],
  });
});
afterAll(async () => {
  await app.close();
});

const valid = { type: 'deal', name: 'Acme renewal', fields: { amount: 1200.5 } };

describe('POST /api/v1/records', () => {
  it('creates a record with checked values; the page shows fields with labels in type order', async () => {
    const res = await call(app, employee, 'POST', '/api/v1/records', {
      type: 'deal',
      name: '  Acme expansion ',
      fields: { notes: 'Big one', stage: 'lead', amount: '25000.00', seats: 40, close: '2027-02-28' },
      externalSystem: 'salesforce',
      externalId: '006A',
      externalUrl: 'https://crm.example.com/006A',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      name: 'Acme expansion',
      type: { key: 'deal', name: 'Deal', archived: false },
      externalSystem: 'salesforce',
      externalId: '006A',
      externalUrl: 'https://crm.example.com/006A',
      followerCount: 0,
      followedByMe: false,
      sharedInto: [],
      abilities: { edit: true, share: true, follow: true, post: true },
    });
    expect(body.fields).toEqual([
      { key: 'amount', label: 'Amount', type: 'money', value: 25000 },
      { key: 'seats', label: 'Seats', type: 'number', value: 40 },
      { key: 'close', label: 'Close date', type: 'date', value: '2027-02-28' },
      { key: 'site', label: 'Site', type: 'url', value: null },
      { key: 'stage', label: 'Stage', type: 'select', value: 'lead' },
      { key: 'notes', label: 'Notes', type: 'text', value: 'Big one' },
    ]);
    expect(await eventRows(app, 'record.created', body.id)).toHaveLength(1);
    const again = await call(app, employee, 'GET', `/api/v1/records/${body.id}`);
    expect(again.json()).toEqual(body);
  });

  it('400 with the offending field named, for every kind of bad value; nothing stored', async () => {
    const before = await countRecords(app);
    const cases: Array<[object, string]> = [
      [{ ...valid, fields: { amount: 'lots' } }, 'body/fields/amount'],
      [{ ...valid, fields: { amount: 1, seats: '12abc' } }, 'body/fields/seats'],
      [{ ...valid, fields: { amount: 1, close: '2027-02-30' } }, 'body/fields/close'],
      [{ ...valid, fields: { amount: 1, close: '28/02/2027' } }, 'body/fields/close'],
      [{ ...valid, fields: { amount: 1, site: 'javascript:alert(1)' } }, 'body/fields/site'],
      [{ ...valid, fields: { amount: 1, site: 'ftp://example.com/' } }, 'body/fields/site'],
      [{ ...valid, fields: { amount: 1, stage: 'maybe' } }, 'body/fields/stage'],
      [{ ...valid, fields: { amount: 1, notes: 42 } }, 'body/fields/notes'],
      [{ ...valid, fields: { amount: 1, colour: 'red' } }, 'body/fields/colour'],
      [{ ...valid, fields: {} }, 'body/fields/amount'],
      [{ ...valid, fields: { amount: null } }, 'body/fields/amount'],
      [{ ...valid, fields: { amount: 1, notes: { x: 1 } } }, 'fields'],
      [{ ...valid, fields: { amount: 1, notes: 'x'.repeat(LIMITS.recordFieldValue + 1) } }, 'notes'],
      [{ ...valid, name: ' ' }, 'body/name'],
      [{ ...valid, name: 'x'.repeat(LIMITS.recordName + 1) }, 'name'],
      [{ ...valid, type: 'nope' }, 'body/type'],
      [{ ...valid, externalSystem: 'salesforce' }, 'body/externalId'],
      [{ ...valid, externalId: 'A1' }, 'body/externalSystem'],
      [{ ...valid, externalSystem: 'Sales Force', externalId: 'A1' }, 'externalSystem'],
      [{ ...valid, externalUrl: 'javascript:alert(1)' }, 'body/externalUrl'],
      [{ ...valid, extra: true }, 'extra'],
    ];
    for (const [payload, path] of cases) {
      const res = await call(app, employee, 'POST', '/api/v1/records', payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 200)).toBe(400);
      expect(JSON.stringify(res.json().errors ?? res.json().detail)).toContain(path);
    }
    const several = await call(app, employee, 'POST', '/api/v1/records', {
      ...valid,
      fields: { amount: 'x', stage: 'nope', colour: 'red' },
    });
    expect(several.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'body/fields/amount',
      'body/fields/stage',
      'body/fields/colour',
    ]);
    expect(await countRecords(app)).toBe(before);
  });

  it('401 anonymous, 403 external people and read-only tokens; a write token may create; 409 on a taken external id', async () => {
    expect((await call(app, undefined, 'POST', '/api/v1/records', valid)).statusCode).toBe(401);
    const customer = await signedIn(app, { kind: 'external' });
    expect((await call(app, customer, 'POST', '/api/v1/records', valid)).statusCode).toBe(403);
    const reader = await tokenFor(app, employee, ['read']);
    expect((await call(app, reader, 'POST', '/api/v1/records', valid)).statusCode).toBe(403);
    const writer = await tokenFor(app, employee, ['write']);
    const external = { ...valid, externalSystem: 'hubspot', externalId: '77' };
    expect((await call(app, writer, 'POST', '/api/v1/records', external)).statusCode).toBe(201);
    const duplicate = await call(app, employee, 'POST', '/api/v1/records', external);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().detail).toMatch(/upsert/);
  });
});

describe('PATCH /api/v1/records/{id}', () => {
  it('merges values (null clears), renames, changes the link back; one event', async () => {
    const record = await buildRecord(app, {
      type: 'deal',
      fields: { amount: 10, notes: 'old', stage: 'lead' },
      createdBy: employee,
    });
    const res = await call(app, employee, 'PATCH', `/api/v1/records/${record.id}`, {
      name: 'Renamed deal',
      fields: { notes: null, stage: 'won' },
      externalUrl: 'http://crm.example.com/x',
    });
    expect(res.statusCode).toBe(200);
    const values = Object.fromEntries(
      res.json().fields.map((f: { key: string; value: unknown }) => [f.key, f.value]),
    );
    expect(values).toMatchObject({ amount: 10, notes: null, stage: 'won' });
    expect(res.json()).toMatchObject({ name: 'Renamed deal', externalUrl: 'http://crm.example.com/x' });
    const events = await eventRows(app, 'record.updated', record.id);
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]?.payload ?? '{}')).toMatchObject({ fields: ['notes', 'stage'] });
    // The same change again changes nothing and records nothing.
    await call(app, employee, 'PATCH', `/api/v1/records/${record.id}`, { fields: { stage: 'won' } });
    expect(await eventRows(app, 'record.updated', record.id)).toHaveLength(1);
  });

  it('401, 400 (bad values, required cleared, empty patch), 403 externals, 404 unknown', async () => {
    const record = await buildRecord(app, { type: 'deal', fields: { amount: 10 } });
    const url = `/api/v1/records/${record.id}`;
    expect((await call(app, undefined, 'PATCH', url, { name: 'x' })).statusCode).toBe(401);
    expect((await call(app, employee, 'PATCH', url, {})).statusCode).toBe(400);
    expect((await call(app, employee, 'PATCH', url, { fields: { amount: null } })).statusCode).toBe(400);
    expect((await call(app, employee, 'PATCH', url, { fields: { seats: 'many' } })).statusCode).toBe(400);
    expect((await call(app, employee, 'PATCH', url, { externalUrl: 'data:text/html,hi' })).statusCode).toBe(
      400,
    );
    const customer = await signedIn(app, { kind: 'external' });
    expect((await call(app, customer, 'PATCH', url, { name: 'x' })).statusCode).toBe(403);
    expect((await call(app, employee, 'PATCH', '/api/v1/records/nope', { name: 'x' })).statusCode).toBe(404);
    const page = await call(app, employee, 'GET', url);
    expect(page.json().name).toBe(record.name);
  });
});

describe('GET /api/v1/records', () => {
  it('pages by name with a keyset cursor, filters by type and search words', async () => {
    const type = await buildRecordType(app, { key: 'campaign', name: 'Campaign' });
    for (const name of ['Spring launch', 'Autumn webinar', 'Summer fair', 'Zoë outreach']) {
      await buildRecord(app, { type, name, fields: { owner: 'Marketing team' } });
    }
    const first = await call(app, employee, 'GET', '/api/v1/records?type=campaign&limit=2');
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((r: { name: string }) => r.name)).toEqual([
      'Autumn webinar',
      'Spring launch',
    ]);
    const cursor = first.json().nextCursor;
    const second = await call(app, employee, 'GET', `/api/v1/records?type=campaign&limit=2&cursor=${cursor}`);
    expect(second.json().items.map((r: { name: string }) => r.name)).toEqual(['Summer fair', 'Zoë outreach']);
    expect(second.json().nextCursor).toBeNull();

    const search = await call(app, employee, 'GET', '/api/v1/records?q=zoe');
    expect(search.json().items.map((r: { name: string }) => r.name)).toEqual(['Zoë outreach']);
    const byValue = await call(app, employee, 'GET', '/api/v1/records?type=campaign&q=marketing%20fair');
    expect(byValue.json().items.map((r: { name: string }) => r.name)).toEqual(['Summer fair']);
    const unknownType = await call(app, employee, 'GET', '/api/v1/records?type=no-such-type');
    expect(unknownType.json()).toEqual({ items: [], nextCursor: null });
  });

  it('401 anonymous, 403 external people, 400 bad query', async () => {
    expect((await call(app, undefined, 'GET', '/api/v1/records')).statusCode).toBe(401);
    const customer = await signedIn(app, { kind: 'external' });
    expect((await call(app, customer, 'GET', '/api/v1/records')).statusCode).toBe(403);
    expect((await call(app, employee, 'GET', '/api/v1/records?cursor=garbage')).statusCode).toBe(400);
    expect((await call(app, employee, 'GET', '/api/v1/records?limit=0')).statusCode).toBe(400);
    expect((await call(app, employee, 'GET', '/api/v1/records?type=Bad%20Type')).statusCode).toBe(400);
  });
});

describe('GET /api/v1/records/{id}', () => {
  it('counts followers and knows whether I follow; 401 anonymous; 404 unknown', async () => {
    const record = await buildRecord(app, { type: 'deal', fields: { amount: 1 } });
    const other = await signedIn(app);
    for (const who of [employee, other]) {
      await app.ctx.db
        .insertInto('feed_follows')
        .values({ person_id: who.person.id, target_type: 'record', target_id: record.id, created_at: 'now' })
        .execute();
    }
    const third = await signedIn(app);
    const mine = await call(app, employee, 'GET', `/api/v1/records/${record.id}`);
    expect(mine.json()).toMatchObject({ followerCount: 2, followedByMe: true });
    const theirs = await call(app, third, 'GET', `/api/v1/records/${record.id}`);
    expect(theirs.json()).toMatchObject({ followerCount: 2, followedByMe: false });
    expect((await call(app, undefined, 'GET', `/api/v1/records/${record.id}`)).statusCode).toBe(401);
    expect((await call(app, employee, 'GET', '/api/v1/records/no-such-record')).statusCode).toBe(404);
  });

  it('never renders a stored link back that is not http(s)', async () => {
    const record = await buildRecord(app, { type: 'deal', fields: { amount: 1 } });
    await app.ctx.db
      .updateTable('records')
      .set({ external_url: 'javascript:alert(1)' })
      .where('id', '=', record.id)
      .execute();
    const page = await call(app, employee, 'GET', `/api/v1/records/${record.id}`);
    expect(page.json().externalUrl).toBeNull();
  });
});
