import { LIMITS } from '@atrium/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, signedIn } from '../support/factories.ts';
import { buildRecord, buildRecordType, shareRecordInto } from '../support/record-factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { auditRows, call, eventRows, tokenFor } from './helpers.ts';

let app: TestApp;
let admin: Session;
let employee: Session;
beforeAll(async () => {
  app = await createTestApp();
  admin = await signedIn(app, { role: 'admin' });
  employee = await signedIn(app);
});
afterAll(async () => {
  await app.close();
});

const campaign = {
  key: 'campaign',
  name: 'Campaign',
  fields: [
    { key: 'budget', label: 'Budget', type: 'money' },
    { key: 'channel', label: 'Channel', type: 'select', options: ['email', 'events'], required: true },
    { key: 'launch', label: 'Launch', type: 'date' },
  ],
};

describe('POST /api/v1/admin/record-types', () => {
  it('creates a type with its fields, audited, with an event', async () => {
    const res = await call(app, admin, 'POST', '/api/v1/admin/record-types', campaign);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ key: 'campaign', name: 'Campaign', archived: false });
    expect(body.fields).toEqual([
      { key: 'budget', label: 'Budget', type: 'money', options: [], required: false },
      { key: 'channel', label: 'Channel', type: 'select', options: ['email', 'events'], required: true },
      { key: 'launch', label: 'Launch', type: 'date', options: [], required: false },
    ]);
    expect(await auditRows(app, 'record_type.created', body.id)).toHaveLength(1);
    expect(await eventRows(app, 'record_type.created', body.id)).toHaveLength(1);
  });

  it('401 anonymous, 403 for non-admins and for an admin token, 409 on a taken key', async () => {
    expect((await call(app, undefined, 'POST', '/api/v1/admin/record-types', campaign)).statusCode).toBe(401);
    expect((await call(app, employee, 'POST', '/api/v1/admin/record-types', campaign)).statusCode).toBe(403);
    const token = await tokenFor(app, admin, ['read', 'write']);
    const viaToken = await call(app, token, 'POST', '/api/v1/admin/record-types', {
      key: 'other',
      name: 'X',
    });
    expect(viaToken.statusCode).toBe(403);
    await buildRecordType(app, { key: 'taken' });
    const taken = await call(app, admin, 'POST', '/api/v1/admin/record-types', { key: 'taken', name: 'T' });
    expect(taken.statusCode).toBe(409);
  });

  it('400 with a clear message on bad definitions, and stores nothing', async () => {
    const field = (extra: object) => ({ key: 'f', label: 'F', type: 'text', ...extra });
    const cases: Array<[object, RegExp]> = [
      [{ key: 'Bad Key', name: 'X' }, /key/],
      [{ key: 'x', name: 'X' }, /key/],
      [{ key: 'ok-key', name: '  ' }, /name/i],
      [{ key: 'ok-key', name: 'X', fields: [field({}), field({ label: 'Again' })] }, /repeats the key/],
      [{ key: 'ok-key', name: 'X', fields: [field({ type: 'select' })] }, /options/],
      [{ key: 'ok-key', name: 'X', fields: [field({ options: ['a'] })] }, /only for select/],
      [{ key: 'ok-key', name: 'X', fields: [field({ type: 'select', options: ['a', 'a'] })] }, /distinct/],
      [{ key: 'ok-key', name: 'X', fields: [field({ type: 'colour' })] }, /type/],
      [{ key: 'ok-key', name: 'X', fields: [field({ key: '1abc' })] }, /key/],
      [{ key: 'ok-key', name: 'X', fields: [field({ label: ' ' })] }, /label/],
      [
        {
          key: 'ok-key',
          name: 'X',
          fields: Array.from({ length: LIMITS.recordTypeFields + 1 }, (_, i) => field({ key: `f${i}` })),
        },
        /fields/,
      ],
      [{ key: 'ok-key', name: 'x'.repeat(LIMITS.recordTypeName + 1) }, /name/],
    ];
    for (const [payload, message] of cases) {
      const res = await call(app, admin, 'POST', '/api/v1/admin/record-types', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(JSON.stringify(res.json()), JSON.stringify(payload)).toMatch(message);
    }
    const stored = await app.ctx.db
      .selectFrom('record_types')
      .select('key')
      .where('key', '=', 'ok-key')
      .execute();
    expect(stored).toEqual([]);
  });
});

describe('PATCH /api/v1/admin/record-types/{key}', () => {
  it('renames, adds, removes and relabels fields; a removed field leaves the record views', async () => {
    const type = await buildRecordType(app, { key: 'account', name: 'Account' });
    const record = await buildRecord(app, { type, fields: { owner: 'Ada', amount: 100, stage: 'won' } });
    const res = await call(app, admin, 'PATCH', '/api/v1/admin/record-types/account', {
      name: 'Customer account',
      fields: [
        { key: 'stage', label: 'Sales stage', type: 'select', options: ['lead', 'won', 'lost'] },
        { key: 'amount', label: 'Amount', type: 'money' },
        { key: 'region', label: 'Region', type: 'text' },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe('Customer account');
    expect(res.json().fields.map((f: { key: string }) => f.key)).toEqual(['stage', 'amount', 'region']);
    const audit = await auditRows(app, 'record_type.updated', type.id);
    expect(JSON.parse(audit[0]?.data ?? '{}')).toMatchObject({
      added: ['region'],
      removed: ['owner'],
      changed: ['stage'],
    });
    expect(await eventRows(app, 'record_type.updated', type.id)).toHaveLength(1);

    const page = await call(app, employee, 'GET', `/api/v1/records/${record.id}`);
    expect(page.json().fields).toEqual([
      { key: 'stage', label: 'Sales stage', type: 'select', value: 'won' },
      { key: 'amount', label: 'Amount', type: 'money', value: 100 },
      { key: 'region', label: 'Region', type: 'text', value: null },
    ]);
    expect(JSON.stringify(page.json())).not.toContain('Ada');
  });

  it('keeps a field type fixed, 404 for an unknown type, 401/403/400 on bad calls', async () => {
    await buildRecordType(app, { key: 'product' });
    const changeType = await call(app, admin, 'PATCH', '/api/v1/admin/record-types/product', {
      fields: [{ key: 'amount', label: 'Amount', type: 'text' }],
    });
    expect(changeType.statusCode).toBe(400);
    expect(changeType.json().detail).toMatch(/cannot change from money to text/);
    const patch = { name: 'Y' };
    expect((await call(app, admin, 'PATCH', '/api/v1/admin/record-types/nope', patch)).statusCode).toBe(404);
    expect(
      (await call(app, undefined, 'PATCH', '/api/v1/admin/record-types/product', patch)).statusCode,
    ).toBe(401);
    expect((await call(app, employee, 'PATCH', '/api/v1/admin/record-types/product', patch)).statusCode).toBe(
      403,
    );
    expect((await call(app, admin, 'PATCH', '/api/v1/admin/record-types/product', {})).statusCode).toBe(400);
    expect((await call(app, admin, 'PATCH', '/api/v1/admin/record-types/product', { x: 1 })).statusCode).toBe(
      400,
    );
  });
});

describe('archiving a record type', () => {
  it('archives (records become read-only, no new ones), restores; audited; admins only', async () => {
    const type = await buildRecordType(app, { key: 'opportunity' });
    const record = await buildRecord(app, { type });
    expect(
      (await call(app, employee, 'POST', '/api/v1/admin/record-types/opportunity/archive')).statusCode,
    ).toBe(403);
    expect(
      (await call(app, undefined, 'POST', '/api/v1/admin/record-types/opportunity/archive')).statusCode,
    ).toBe(401);
    expect((await call(app, admin, 'POST', '/api/v1/admin/record-types/nope/archive')).statusCode).toBe(404);
    const archived = await call(app, admin, 'POST', '/api/v1/admin/record-types/opportunity/archive');
    expect(archived.statusCode).toBe(200);
    expect(archived.json().archived).toBe(true);
    expect(await auditRows(app, 'record_type.archived', type.id)).toHaveLength(1);

    const create = await call(app, employee, 'POST', '/api/v1/records', {
      type: 'opportunity',
      name: 'Deal',
    });
    expect(create.statusCode).toBe(409);
    const edit = await call(app, employee, 'PATCH', `/api/v1/records/${record.id}`, { name: 'Renamed' });
    expect(edit.statusCode).toBe(409);
    const page = await call(app, employee, 'GET', `/api/v1/records/${record.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.json().abilities.edit).toBe(false);

    const live = await call(app, employee, 'GET', '/api/v1/record-types');
    expect(live.json().items.map((t: { key: string }) => t.key)).not.toContain('opportunity');
    const gone = await call(app, employee, 'GET', '/api/v1/record-types?archived=true');
    expect(gone.json().items.map((t: { key: string }) => t.key)).toEqual(['opportunity']);

    const restored = await call(app, admin, 'POST', '/api/v1/admin/record-types/opportunity/restore');
    expect(restored.json().archived).toBe(false);
    expect(await auditRows(app, 'record_type.restored', type.id)).toHaveLength(1);
    expect(
      (await call(app, employee, 'PATCH', `/api/v1/records/${record.id}`, { name: 'Renamed' })).statusCode,
    ).toBe(200);
  });
});

describe('GET /api/v1/record-types', () => {
  it('lists every live type to employees; to an external person only types of records shared with them', async () => {
    const shared = await buildRecordType(app, { key: 'shared-type', name: 'AAA shared' });
    await buildRecordType(app, { key: 'private-type', name: 'AAA private' });
    const record = await buildRecord(app, { type: shared });
    const owner = await signedIn(app);
    const community = await buildSpace(app, owner, { audience: 'external', visibility: 'private' });
    await shareRecordInto(app, record, community);
    const customer = await signedIn(app, { kind: 'external' });
    await addMember(app, community, customer);
    const outsider = await signedIn(app, { kind: 'external' });

    const keysFor = async (who: Session) =>
      (await call(app, who, 'GET', '/api/v1/record-types')).json().items.map((t: { key: string }) => t.key);
    expect(await keysFor(employee)).toEqual(expect.arrayContaining(['shared-type', 'private-type']));
    expect(await keysFor(customer)).toEqual(['shared-type']);
    expect(await keysFor(outsider)).toEqual([]);

    expect((await call(app, customer, 'GET', '/api/v1/record-types/shared-type')).statusCode).toBe(200);
    const hidden = await call(app, customer, 'GET', '/api/v1/record-types/private-type');
    const missing = await call(app, customer, 'GET', '/api/v1/record-types/no-such-type');
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().detail).toBe(missing.json().detail);
    expect((await call(app, employee, 'GET', '/api/v1/record-types/private-type')).statusCode).toBe(200);

    expect((await call(app, undefined, 'GET', '/api/v1/record-types')).statusCode).toBe(401);
    expect((await call(app, employee, 'GET', '/api/v1/record-types?archived=maybe')).statusCode).toBe(400);
    expect((await call(app, employee, 'GET', '/api/v1/record-types/Not%20A%20Key')).statusCode).toBe(400);
  });
});
