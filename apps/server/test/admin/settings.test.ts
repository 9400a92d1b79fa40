import { LIMITS } from '@atrium/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/db/time.ts';
import { buildPerson, type Session, signedIn } from '../support/factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { auditRows, call } from './helpers.ts';

let app: TestApp;
let admin: Session;
beforeAll(async () => {
  app = await createTestApp();
  admin = await signedIn(app, { role: 'admin' });
});
afterAll(async () => {
  await app.close();
});

describe('internal domains', () => {
  it('adds, lists and removes a domain, one audit row each', async () => {
    const add = await call(app, admin, 'POST', '/api/v1/admin/internal-domains', {
      domain: 'Corp.Example.com',
    });
    expect(add.statusCode).toBe(201);
    expect(add.json().domain).toBe('corp.example.com');
    const dup = await call(app, admin, 'POST', '/api/v1/admin/internal-domains', {
      domain: 'corp.example.com',
    });
    expect(dup.statusCode).toBe(409);
    const list = await call(app, admin, 'GET', '/api/v1/admin/internal-domains');
    expect(list.json().items).toEqual([{ domain: 'corp.example.com', createdAt: add.json().createdAt }]);
    const del = await call(app, admin, 'DELETE', '/api/v1/admin/internal-domains/corp.example.com');
    expect(del.statusCode).toBe(204);
    const again = await call(app, admin, 'DELETE', '/api/v1/admin/internal-domains/corp.example.com');
    expect(again.statusCode).toBe(404);
    expect(await auditRows(app, 'internal_domain.added')).toHaveLength(1);
    expect(await auditRows(app, 'internal_domain.removed')).toHaveLength(1);
  });

  it('accepts only bare domain names', async () => {
    for (const domain of [
      'https://example.com',
      '*.example.com',
      'example.com/path',
      'example.com:443',
      'user@example.com',
      'example',
      'example.com.',
      '.example.com',
      'exa mple.com',
      '-bad.com',
      'bad-.com',
      '127.0.0.1',
      'ex..ample.com',
      'exämple.com',
      `${'a'.repeat(64)}.com`,
      'x'.repeat(10_000),
      'a\u0000.com',
      '',
    ]) {
      const res = await call(app, admin, 'POST', '/api/v1/admin/internal-domains', { domain });
      expect(res.statusCode, domain.slice(0, 40)).toBe(400);
    }
    const ok = await call(app, admin, 'POST', '/api/v1/admin/internal-domains', {
      domain: 'xn--bcher-kva.example',
    });
    expect(ok.statusCode).toBe(201);
  });
});

describe('custom fields', () => {
  const create = (body: Record<string, unknown>) =>
    call(app, admin, 'POST', '/api/v1/admin/custom-fields', body);

  it('creates, lists, updates and deletes fields, one audit row each', async () => {
    const text = await create({ key: 'desk', label: 'Desk', type: 'text', visibility: 'members' });
    expect(text.statusCode).toBe(201);
    expect(text.json()).toMatchObject({
      key: 'desk',
      type: 'text',
      options: [],
      visibility: 'members',
      position: 0,
    });
    const select = await create({
      key: 'shirt_size',
      label: 'Shirt size',
      type: 'select',
      options: ['S', 'M', 'L'],
      visibility: 'everyone',
    });
    expect(select.statusCode).toBe(201);
    expect(select.json().position).toBe(1);
    const list = await call(app, admin, 'GET', '/api/v1/admin/custom-fields');
    expect(list.json().items.map((f: { key: string }) => f.key)).toEqual(['desk', 'shirt_size']);

    const id = select.json().id;
    const patch = await call(app, admin, 'PATCH', `/api/v1/admin/custom-fields/${id}`, {
      label: 'T-shirt size',
      options: ['S', 'M', 'L', 'XL'],
      position: 0,
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json()).toMatchObject({
      label: 'T-shirt size',
      options: ['S', 'M', 'L', 'XL'],
      position: 0,
    });
    const noop = await call(app, admin, 'PATCH', `/api/v1/admin/custom-fields/${id}`, {
      label: 'T-shirt size',
    });
    expect(noop.statusCode).toBe(200);

    const person = await buildPerson(app);
    await app.ctx.db
      .insertInto('custom_field_values')
      .values({ person_id: person.id, field_id: id, value: 'M' })
      .execute();
    expect((await call(app, admin, 'DELETE', `/api/v1/admin/custom-fields/${id}`)).statusCode).toBe(204);
    const values = await app.ctx.db
      .selectFrom('custom_field_values')
      .selectAll()
      .where('field_id', '=', id)
      .execute();
    expect(values).toHaveLength(0);
    expect((await call(app, admin, 'DELETE', `/api/v1/admin/custom-fields/${id}`)).statusCode).toBe(404);
    expect(
      (await call(app, admin, 'PATCH', `/api/v1/admin/custom-fields/${newId()}`, { label: 'x' })).statusCode,
    ).toBe(404);
    expect(await auditRows(app, 'custom_field.created')).toHaveLength(2);
    expect(await auditRows(app, 'custom_field.updated')).toHaveLength(1);
    expect(await auditRows(app, 'custom_field.deleted')).toHaveLength(1);
  });

  it('validates keys, types, options and visibility (400) and duplicate keys (409)', async () => {
    const base = { key: 'ok_key', label: 'OK', type: 'text', visibility: 'everyone' };
    for (const body of [
      { ...base, key: 'Bad' },
      { ...base, key: '1abc' },
      { ...base, key: 'a-b' },
      { ...base, key: 'a'.repeat(LIMITS.customFieldKey + 1) },
      { ...base, label: 'x'.repeat(10_000) },
      { ...base, label: '   ' },
      { ...base, label: 'a\u0000b' },
      { ...base, type: 'number' },
      { ...base, visibility: 'admins' },
      { ...base, options: ['a'] },
      { ...base, type: 'select' },
      { ...base, type: 'select', options: [] },
      { ...base, type: 'select', options: ['a', 'a'] },
      { ...base, type: 'select', options: ['a', ' '] },
      {
        ...base,
        type: 'select',
        options: Array.from({ length: LIMITS.customFieldOptions + 1 }, (_, i) => `o${i}`),
      },
      { ...base, extra: true },
    ]) {
      const res = await create(body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    const garbage = await call(app, admin, 'POST', '/api/v1/admin/custom-fields', '{"key":', {
      headers: { ...admin.headers, 'content-type': 'application/json' },
    });
    expect(garbage.statusCode).toBe(400);
    expect((await create(base)).statusCode).toBe(201);
    expect((await create(base)).statusCode).toBe(409);
    const textField = (await call(app, admin, 'GET', '/api/v1/admin/custom-fields')).json().items[0];
    const patch = await call(app, admin, 'PATCH', `/api/v1/admin/custom-fields/${textField.id}`, {
      options: ['a'],
    });
    expect(patch.statusCode).toBe(400);
    const keyChange = await call(app, admin, 'PATCH', `/api/v1/admin/custom-fields/${textField.id}`, {
      key: 'new',
    });
    expect(keyChange.statusCode).toBe(400);
  });

  it(`allows at most ${LIMITS.customFields} fields (409 after that)`, async () => {
    const existing = (await call(app, admin, 'GET', '/api/v1/admin/custom-fields')).json().items.length;
    for (let i = existing; i < LIMITS.customFields; i++) {
      expect(
        (await create({ key: `f${i}`, label: `F${i}`, type: 'url', visibility: 'everyone' })).statusCode,
      ).toBe(201);
    }
    const over = await create({ key: 'one_more', label: 'One more', type: 'date', visibility: 'everyone' });
    expect(over.statusCode).toBe(409);
  });
});

describe('GET /api/v1/admin/audit', () => {
  it('lists newest first with the actor, filters by action and actor, and pages by cursor', async () => {
    const other = await signedIn(app, { role: 'admin' });
    await call(app, other, 'POST', '/api/v1/admin/internal-domains', { domain: 'other.example' });
    const all = await call(app, admin, 'GET', '/api/v1/admin/audit?limit=100');
    expect(all.statusCode).toBe(200);
    const items = all.json().items;
    expect(items.length).toBe((await auditRows(app)).length);
    const times = items.map((i: { createdAt: string }) => i.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(items[0]).toMatchObject({
      action: 'internal_domain.added',
      targetType: 'internal_domain',
      targetId: 'other.example',
      ip: '127.0.0.1',
      data: {},
      actor: { id: other.person.id, name: other.person.name },
    });

    const byActor = await call(app, admin, 'GET', `/api/v1/admin/audit?actorId=${other.person.id}`);
    expect(byActor.json().items).toHaveLength(1);
    const byAction = await call(app, admin, 'GET', '/api/v1/admin/audit?action=custom_field.updated');
    expect(byAction.json().items.map((i: { action: string }) => i.action)).toEqual(['custom_field.updated']);
    expect(byAction.json().items[0].data).toEqual({
      key: 'shirt_size',
      changed: ['label', 'options', 'position'],
    });

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/admin/audit?limit=7${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await call(app, admin, 'GET', url);
      paged.push(...res.json().items.map((i: { id: string }) => i.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(paged).toEqual(items.map((i: { id: string }) => i.id));
    for (const query of ['limit=0', 'cursor=%%%', `action=${'a'.repeat(10_000)}`, 'unknown=1']) {
      expect((await call(app, admin, 'GET', `/api/v1/admin/audit?${query}`)).statusCode, query).toBe(400);
    }
  });

  it('documents every admin route in the OpenAPI document', async () => {
    const res = await app.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const path of ['/api/v1/admin/audit', '/api/v1/admin/invitations', '/api/v1/invitations/accept']) {
      expect(paths).toContain(path);
    }
  });

  it('keeps no secrets in audit data', async () => {
    const rows = await auditRows(app);
    for (const row of rows) expect(row.data).not.toMatch(/password|token|hash/i);
  });
});
