import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertRecord } from '../../src/modules/records/commands/upsert-record.ts';
import { newId, nowIso } from '../../src/platform/db/time.ts';
import { type Session, signedIn } from '../support/factories.ts';
import { buildRecordType } from '../support/record-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { call, eventRows, tokenFor } from './helpers.ts';

let app: TestApp;
let employee: Session;
beforeAll(async () => {
  app = await createTestApp();
  employee = await signedIn(app);
  await buildRecordType(app, {
    key: 'account',
    name: 'Account',
    fields: [
      { key: 'tier', label: 'Tier', type: 'select', options: ['gold', 'silver'], required: true },
      { key: 'arr', label: 'ARR', type: 'money' },
    ],
  });
});
afterAll(async () => {
  await app.close();
});

const URL = '/api/v1/records/upsert';
const body = (externalId: string, extra: object = {}) => ({
  type: 'account',
  externalSystem: 'salesforce',
  externalId,
  name: 'Acme Corp',
  fields: { tier: 'gold', arr: 1000 },
  ...extra,
});

async function rowsFor(externalId: string) {
  return app.ctx.db
    .selectFrom('records')
    .selectAll()
    .where('external_system', '=', 'salesforce')
    .where('external_id', '=', externalId)
    .execute();
}

describe('PUT /api/v1/records/upsert', () => {
  it('creates (201) then updates (200) the same record through a write token, merging values', async () => {
    const token = await tokenFor(app, employee, ['read', 'write']);
    const created = await call(
      app,
      token,
      'PUT',
      URL,
      body('001', { externalUrl: 'https://sf.example.com/001' }),
    );
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'Acme Corp',
      externalId: '001',
      externalSystem: 'salesforce',
    });
    const updated = await call(app, token, 'PUT', URL, {
      ...body('001'),
      name: 'Acme Corporation',
      fields: { arr: '2500' },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().id).toBe(created.json().id);
    expect(updated.json().name).toBe('Acme Corporation');
    // Fields not sent keep their values; the link back stays when not sent.
    expect(updated.json().fields).toEqual([
      { key: 'tier', label: 'Tier', type: 'select', value: 'gold' },
      { key: 'arr', label: 'ARR', type: 'money', value: 2500 },
    ]);
    expect(updated.json().externalUrl).toBe('https://sf.example.com/001');
    expect(await rowsFor('001')).toHaveLength(1);
    expect(await eventRows(app, 'record.created', created.json().id)).toHaveLength(1);
    expect(await eventRows(app, 'record.updated', created.json().id)).toHaveLength(1);
    // The same external id in another system, or under another type, is another record.
    const other = await call(app, token, 'PUT', URL, { ...body('001'), externalSystem: 'hubspot' });
    expect(other.statusCode).toBe(201);
  });

  it('concurrent upserts of one external id make exactly one record', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        call(app, employee, 'PUT', URL, body('race-1', { name: `Acme ${i}` })),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    expect(await rowsFor('race-1')).toHaveLength(1);
  });

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))(
    'PostgreSQL: an upsert that meets an uncommitted insert of the same id waits, then updates that row',
    async () => {
      const type = await app.ctx.db
        .selectFrom('record_types')
        .selectAll()
        .where('key', '=', 'account')
        .executeTakeFirstOrThrow();
      const firstId = newId();
      let second: Promise<{ created: boolean; row: { id: string } }> | undefined;
      await app.ctx.db.transaction().execute(async (trx) => {
        const now = nowIso();
        await trx
          .insertInto('records')
          .values({
            id: firstId,
            type_id: type.id,
            name: 'First writer',
            external_system: 'salesforce',
            external_id: 'race-2',
            external_url: null,
            fields: JSON.stringify({ tier: 'silver' }),
            search_text: 'first writer',
            created_by: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
        second = upsertRecord(app.ctx, {
          actor: employee.person,
          ...body('race-2', { name: 'Second writer' }),
        });
        // Commit only once the second upsert is blocked on our uncommitted row: the race, made certain.
        for (let i = 0; i < 2000; i++) {
          const waiting = await sql<{ n: number }>`
            select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`.execute(app.ctx.db);
          if ((waiting.rows[0]?.n ?? 0) > 0) return;
        }
        throw new Error('the second upsert never waited on the first insert');
      });
      const result = await second;
      expect(result?.created).toBe(false);
      expect(result?.row.id).toBe(firstId);
      const rows = await rowsFor('race-2');
      expect(rows).toHaveLength(1);
      expect(rows[0]?.name).toBe('Second writer');
    },
  );

  it('400 on bad input (required values only when creating), 401, 403; nothing stored', async () => {
    const cases: Array<[object, string]> = [
      [{ ...body('002'), externalId: undefined }, 'externalId'],
      [{ ...body('002'), externalId: '   ' }, 'body/externalId'],
      [{ ...body('002'), externalSystem: undefined }, 'externalSystem'],
      [{ ...body('002'), type: 'nope' }, 'body/type'],
      [{ ...body('002'), fields: { arr: 5 } }, 'body/fields/tier'],
      [{ ...body('002'), fields: { tier: 'bronze' } }, 'body/fields/tier'],
      [{ ...body('002'), externalUrl: 'file:///etc/passwd' }, 'body/externalUrl'],
      [{ ...body('002'), name: '' }, 'name'],
    ];
    for (const [payload, path] of cases) {
      const res = await call(app, employee, 'PUT', URL, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(JSON.stringify(res.json())).toContain(path);
    }
    expect(await rowsFor('002')).toHaveLength(0);
    // Once the record exists, an update may leave the required field out (it keeps its value)…
    expect((await call(app, employee, 'PUT', URL, body('002'))).statusCode).toBe(201);
    expect((await call(app, employee, 'PUT', URL, { ...body('002'), fields: { arr: 5 } })).statusCode).toBe(
      200,
    );
    // …but may not clear it.
    const cleared = await call(app, employee, 'PUT', URL, { ...body('002'), fields: { tier: null } });
    expect(cleared.statusCode).toBe(400);
    expect(cleared.json().errors).toEqual([{ path: 'body/fields/tier', message: 'is required' }]);

    expect((await call(app, undefined, 'PUT', URL, body('003'))).statusCode).toBe(401);
    const customer = await signedIn(app, { kind: 'external' });
    expect((await call(app, customer, 'PUT', URL, body('003'))).statusCode).toBe(403);
    const reader = await tokenFor(app, employee, ['read']);
    expect((await call(app, reader, 'PUT', URL, body('003'))).statusCode).toBe(403);
    expect(await rowsFor('003')).toHaveLength(0);
  });
});
