import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, nowIso } from '../../src/platform/db/time.ts';
import { buildPerson, type Session, signedIn } from '../support/factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { ADMIN_ENDPOINTS, apiToken, auditRows, call } from './helpers.ts';

let app: TestApp;
let admin: Session;
let member: Session;
beforeAll(async () => {
  app = await createTestApp();
  admin = await signedIn(app, { role: 'admin', name: 'Ada Admin', email: 'ada@corp.example' });
  member = await signedIn(app, { name: 'Mel Member' });
});
afterAll(async () => {
  await app.close();
});

describe('admin endpoints: authentication and authorization', () => {
  it('answers 401 without a session on every admin endpoint', async () => {
    for (const endpoint of ADMIN_ENDPOINTS) {
      const res = await call(app, undefined, endpoint.method, endpoint.url, endpoint.payload);
      expect(res.statusCode, `${endpoint.method} ${endpoint.url}`).toBe(401);
    }
  });

  it('answers 403 to a signed-in non-admin member and to a moderator on every admin endpoint', async () => {
    const moderator = await signedIn(app, { role: 'moderator' });
    for (const session of [member, moderator]) {
      for (const endpoint of ADMIN_ENDPOINTS) {
        const res = await call(app, session, endpoint.method, endpoint.url, endpoint.payload);
        expect(res.statusCode, `${endpoint.method} ${endpoint.url}`).toBe(403);
        expect(res.json().code).toBe('forbidden');
      }
    }
    expect(await auditRows(app)).toHaveLength(0);
  });

  it("refuses an admin's read-only API token on writes", async () => {
    const token = await apiToken(app, admin.person.id, 'read');
    const headers = { authorization: `Bearer ${token}` };
    const read = await app.app.inject({ method: 'GET', url: '/api/v1/admin/people', headers });
    expect(read.statusCode).toBe(200);
    const write = await app.app.inject({
      method: 'POST',
      url: `/api/v1/admin/people/${member.person.id}/deactivate`,
      headers,
    });
    expect(write.statusCode).toBe(403);
  });
});

describe('GET /api/v1/admin/people', () => {
  it('lists everyone with email and dates, filters by q, status and role, and pages by cursor', async () => {
    const zed = await buildPerson(app, { name: 'Zed Quartz', email: 'zed@corp.example' });
    await app.ctx.db
      .updateTable('people')
      .set({ status: 'deactivated', deactivated_at: nowIso() })
      .where('id', '=', zed.id)
      .execute();
    const all = await call(app, admin, 'GET', '/api/v1/admin/people');
    expect(all.statusCode).toBe(200);
    const names = all.json().items.map((p: { name: string }) => p.name);
    expect(names).toEqual([...names].sort());
    const row = all.json().items.find((p: { id: string }) => p.id === zed.id);
    expect(row).toMatchObject({ email: 'zed@corp.example', status: 'deactivated', kind: 'member' });
    expect(typeof row.createdAt).toBe('string');
    expect(typeof row.deactivatedAt).toBe('string');

    const q = await call(app, admin, 'GET', '/api/v1/admin/people?q=QUARTZ');
    expect(q.json().items.map((p: { id: string }) => p.id)).toEqual([zed.id]);
    const byEmail = await call(app, admin, 'GET', '/api/v1/admin/people?q=ada%40corp');
    expect(byEmail.json().items.map((p: { id: string }) => p.id)).toEqual([admin.person.id]);
    const wildcard = await call(app, admin, 'GET', '/api/v1/admin/people?q=%25');
    expect(wildcard.json().items).toEqual([]);
    const deactivated = await call(app, admin, 'GET', '/api/v1/admin/people?status=deactivated');
    expect(deactivated.json().items.map((p: { id: string }) => p.id)).toEqual([zed.id]);
    const admins = await call(app, admin, 'GET', '/api/v1/admin/people?role=admin');
    expect(admins.json().items.map((p: { id: string }) => p.id)).toEqual([admin.person.id]);

    for (let i = 0; i < 5; i++) await buildPerson(app, { name: `Paged ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/admin/people?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await call(app, admin, 'GET', url);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.length).toBeLessThanOrEqual(2);
      seen.push(...res.json().items.map((p: { id: string }) => p.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    const total = await call(app, admin, 'GET', '/api/v1/admin/people?limit=100');
    expect(seen).toEqual(total.json().items.map((p: { id: string }) => p.id));
  });

  it('rejects bad queries with 400', async () => {
    for (const query of [
      `q=${'x'.repeat(10_000)}`,
      'status=gone',
      'role=owner',
      'limit=0',
      'limit=101',
      'cursor=not-a-cursor',
      'q=a%00b',
    ]) {
      const res = await call(app, admin, 'GET', `/api/v1/admin/people?${query}`);
      expect(res.statusCode, query).toBe(400);
    }
  });
});

describe('PUT /api/v1/admin/people/{id}/role', () => {
  it('changes the role, records one audit row and one event', async () => {
    const person = await buildPerson(app);
    const res = await call(app, admin, 'PUT', `/api/v1/admin/people/${person.id}/role`, {
      role: 'moderator',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: person.id, role: 'moderator' });
    const rows = (await auditRows(app, 'person.role_changed')).filter((r) => r.target_id === person.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_id: admin.person.id, target_type: 'person', ip: '127.0.0.1' });
    expect(JSON.parse(rows[0]?.data ?? '{}')).toEqual({
      from: 'user',
      to: 'moderator',
      invitationsRevoked: 0,
    });
    const events = await app.ctx.db
      .selectFrom('events')
      .select(['name', 'actor_id'])
      .where('subject_id', '=', person.id)
      .where('name', '=', 'person.role_changed')
      .execute();
    expect(events).toEqual([{ name: 'person.role_changed', actor_id: admin.person.id }]);
    const again = await call(app, admin, 'PUT', `/api/v1/admin/people/${person.id}/role`, {
      role: 'moderator',
    });
    expect(again.statusCode).toBe(200);
    expect(
      (await auditRows(app, 'person.role_changed')).filter((r) => r.target_id === person.id),
    ).toHaveLength(1);
  });

  it('answers 400 for a bad role or body, 404 for an unknown person', async () => {
    const bad = await call(app, admin, 'PUT', `/api/v1/admin/people/${member.person.id}/role`, {
      role: 'root',
    });
    expect(bad.statusCode).toBe(400);
    const garbage = await call(
      app,
      admin,
      'PUT',
      `/api/v1/admin/people/${member.person.id}/role`,
      '{"role":',
      {
        headers: { ...admin.headers, 'content-type': 'application/json' },
      },
    );
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().code).toBe('malformed_json');
    const extra = await call(app, admin, 'PUT', `/api/v1/admin/people/${member.person.id}/role`, {
      role: 'user',
      admin: true,
    });
    expect(extra.statusCode).toBe(400);
    const missing = await call(app, admin, 'PUT', `/api/v1/admin/people/${newId()}/role`, { role: 'user' });
    expect(missing.statusCode).toBe(404);
    const longId = await call(app, admin, 'PUT', `/api/v1/admin/people/${'x'.repeat(10_000)}/role`, {
      role: 'user',
    });
    expect([400, 404, 414]).toContain(longId.statusCode);
  });

  it('refuses to demote the last active admin (409), allows it once another admin exists', async () => {
    const self = await call(app, admin, 'PUT', `/api/v1/admin/people/${admin.person.id}/role`, {
      role: 'user',
    });
    expect(self.statusCode).toBe(409);
    const other = await signedIn(app, { role: 'admin' });
    const demoteOther = await call(app, admin, 'PUT', `/api/v1/admin/people/${other.person.id}/role`, {
      role: 'user',
    });
    expect(demoteOther.statusCode).toBe(200);
    const stillLast = await call(app, admin, 'PUT', `/api/v1/admin/people/${admin.person.id}/role`, {
      role: 'moderator',
    });
    expect(stillLast.statusCode).toBe(409);
  });

  it('refuses to make an external person an admin or moderator (409)', async () => {
    const guest = await buildPerson(app, { kind: 'external' });
    for (const role of ['admin', 'moderator']) {
      const res = await call(app, admin, 'PUT', `/api/v1/admin/people/${guest.id}/role`, { role });
      expect(res.statusCode).toBe(409);
    }
  });
});
