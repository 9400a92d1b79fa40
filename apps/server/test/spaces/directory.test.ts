import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, signedIn } from '../support/factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { auditRows, call } from './helpers.ts';

let app: TestApp;
let owner: Session;
let employee: Session;
let customer: Session;
let admin: Session;
const tag = `dir${Date.now().toString(36)}`;
const handles = (res: { json(): { items: Array<{ handle: string }> } }) =>
  res.json().items.map((s) => s.handle);

beforeAll(async () => {
  app = await createTestApp();
  owner = await signedIn(app);
  employee = await signedIn(app);
  customer = await signedIn(app, { kind: 'external' });
  admin = await signedIn(app, { role: 'admin' });
  const make = (handle: string, extra: Parameters<typeof buildSpace>[2]) =>
    buildSpace(app, owner, { handle, name: `${tag} ${handle}`, ...extra });
  await make('int-open', { category: 'Teams' });
  await make('int-private', { visibility: 'private', category: 'Teams' });
  await make('int-secret', { visibility: 'secret', category: 'Secret stuff' });
  await make('ext-open', { audience: 'external', category: 'Customers' });
  const extPrivate = await make('ext-private', {
    audience: 'external',
    visibility: 'private',
    category: 'Customers',
  });
  await make('ext-secret', { audience: 'external', visibility: 'secret', category: 'Hidden' });
  await addMember(app, extPrivate, customer);
  const archived = await make('int-archived', { category: 'Old' });
  await app.ctx.db
    .updateTable('spaces')
    .set({ archived_at: new Date().toISOString() })
    .where('id', '=', archived.id)
    .execute();
});
afterAll(async () => {
  await app.close();
});

describe('GET /api/v1/spaces', () => {
  it('answers 401 without a session and 400 to bad filters', async () => {
    expect((await call(app, undefined, 'GET', '/api/v1/spaces')).statusCode).toBe(401);
    for (const q of [
      'audience=everyone',
      'membership=some',
      `q=${'x'.repeat(201)}`,
      'limit=0',
      'cursor=nope',
      'q=a%00b',
    ]) {
      expect((await call(app, employee, 'GET', `/api/v1/spaces?${q}`)).statusCode, q).toBe(400);
    }
  });

  it('shows an employee every open and private space, never a secret one they are not in', async () => {
    const res = await call(app, employee, 'GET', `/api/v1/spaces?q=${tag}&limit=100`);
    expect(res.statusCode).toBe(200);
    expect(handles(res)).toEqual(['ext-open', 'ext-private', 'int-open', 'int-private']);
    const privateOne = res.json().items.find((s: { handle: string }) => s.handle === 'int-private');
    expect(privateOne).toMatchObject({
      memberCount: null,
      membership: null,
      abilities: { read: false, requestToJoin: true },
    });
  });

  it('shows an external person only their spaces and open external ones, never an internal space', async () => {
    const res = await call(app, customer, 'GET', `/api/v1/spaces?q=${tag}&limit=100`);
    expect(handles(res)).toEqual(['ext-open', 'ext-private']);
    const all = await call(app, customer, 'GET', '/api/v1/spaces?limit=100');
    expect(all.json().items.every((s: { audience: string }) => s.audience === 'external')).toBe(true);
  });

  it('shows the owner their secret spaces; membership=mine keeps only theirs', async () => {
    const res = await call(app, owner, 'GET', `/api/v1/spaces?q=${tag}&limit=100`);
    expect(handles(res)).toEqual([
      'ext-open',
      'ext-private',
      'ext-secret',
      'int-open',
      'int-private',
      'int-secret',
    ]);
    const mine = await call(app, customer, 'GET', '/api/v1/spaces?membership=mine');
    expect(handles(mine)).toEqual(['ext-private']);
  });

  it('filters by category, audience and archived, searches words, and pages by (name, id)', async () => {
    expect(handles(await call(app, employee, 'GET', `/api/v1/spaces?q=${tag}&category=Teams`))).toEqual([
      'int-open',
      'int-private',
    ]);
    expect(handles(await call(app, employee, 'GET', `/api/v1/spaces?q=${tag}&audience=external`))).toEqual([
      'ext-open',
      'ext-private',
    ]);
    expect(handles(await call(app, employee, 'GET', `/api/v1/spaces?q=${tag}&archived=true`))).toEqual([
      'int-archived',
    ]);
    expect(
      handles(await call(app, employee, 'GET', `/api/v1/spaces?q=${tag.toUpperCase()}%20PRIVATE`)),
    ).toEqual(['ext-private', 'int-private']);
    expect(handles(await call(app, employee, 'GET', '/api/v1/spaces?q=int-secret'))).toEqual([]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url = `/api/v1/spaces?q=${tag}&limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await call(app, employee, 'GET', url);
      expect(res.statusCode).toBe(200);
      seen.push(...handles(res));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual(['ext-open', 'ext-private', 'int-open', 'int-private']);
  });
});

describe('GET /api/v1/spaces/categories', () => {
  it('answers 401 without a session', async () => {
    expect((await call(app, undefined, 'GET', '/api/v1/spaces/categories')).statusCode).toBe(401);
  });

  it('counts visible live spaces only: no secret categories for outsiders, no internal ones for externals', async () => {
    const counts = async (s: Session) =>
      Object.fromEntries(
        (await call(app, s, 'GET', '/api/v1/spaces/categories'))
          .json()
          .items.map((i: { value: string; count: number }) => [i.value, i.count]),
      );
    expect(await counts(employee)).toEqual({ Teams: 2, Customers: 2 });
    expect(await counts(customer)).toEqual({ Customers: 2 });
    expect(await counts(owner)).toEqual({ Teams: 2, Customers: 2, 'Secret stuff': 1, Hidden: 1 });
  });
});

describe('GET /api/v1/admin/spaces', () => {
  it('answers 401 anonymously and 403 to non-admins', async () => {
    expect((await call(app, undefined, 'GET', '/api/v1/admin/spaces')).statusCode).toBe(401);
    expect((await call(app, employee, 'GET', '/api/v1/admin/spaces')).statusCode).toBe(403);
    expect((await call(app, customer, 'GET', '/api/v1/admin/spaces')).statusCode).toBe(403);
    expect((await call(app, admin, 'GET', '/api/v1/admin/spaces?visibility=open-ish')).statusCode).toBe(400);
  });

  it('lists every space, secret and archived included, with member counts, and audits each read once', async () => {
    const before = (await auditRows(app, 'admin.spaces_listed')).length;
    const res = await call(app, admin, 'GET', `/api/v1/admin/spaces?q=${tag}&limit=100`);
    expect(res.statusCode).toBe(200);
    expect(handles(res)).toEqual([
      'ext-open',
      'ext-private',
      'ext-secret',
      'int-archived',
      'int-open',
      'int-private',
      'int-secret',
    ]);
    expect(res.json().items.find((s: { handle: string }) => s.handle === 'ext-private').memberCount).toBe(2);
    const rows = await auditRows(app, 'admin.spaces_listed');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)?.actor_id).toBe(admin.person.id);
    const secret = await call(
      app,
      admin,
      'GET',
      `/api/v1/admin/spaces?q=${tag}&visibility=secret&audience=internal`,
    );
    expect(handles(secret)).toEqual(['int-secret']);
    expect(handles(await call(app, admin, 'GET', `/api/v1/admin/spaces?q=${tag}&archived=true`))).toEqual([
      'int-archived',
    ]);
  });
});
