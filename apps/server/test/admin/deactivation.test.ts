import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/db/time.ts';
import { DEFAULT_PASSWORD, type Session, signedIn } from '../support/factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { apiToken, auditRows, call } from './helpers.ts';

let app: TestApp;
let admin: Session;
beforeAll(async () => {
  app = await createTestApp();
  admin = await signedIn(app, { role: 'admin', name: 'Ada Admin' });
});
afterAll(async () => {
  await app.close();
});

describe('deactivate and reactivate', () => {
  it('ends an existing session and an API token at once, and audits once', async () => {
    const target = await signedIn(app, { email: 'leaver@corp.example' });
    const token = await apiToken(app, target.person.id);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await call(app, target, 'GET', '/api/v1/me')).statusCode).toBe(200);
    expect((await app.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode).toBe(
      200,
    );

    const res = await call(app, admin, 'POST', `/api/v1/admin/people/${target.person.id}/deactivate`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: target.person.id, status: 'deactivated' });

    expect((await call(app, target, 'GET', '/api/v1/me')).statusCode).toBe(401);
    expect((await app.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode).toBe(
      401,
    );
    const sessions = await app.ctx.db
      .selectFrom('sessions')
      .select('id')
      .where('person_id', '=', target.person.id)
      .execute();
    expect(sessions).toHaveLength(0);
    const tokens = await app.ctx.db
      .selectFrom('api_tokens')
      .select('revoked_at')
      .where('person_id', '=', target.person.id)
      .execute();
    expect(tokens.every((t) => t.revoked_at !== null)).toBe(true);
    const signIn = await call(app, undefined, 'POST', '/api/v1/auth/sign-in', {
      email: 'leaver@corp.example',
      password: DEFAULT_PASSWORD,
    });
    expect(signIn.statusCode).toBe(401);
    const rows = (await auditRows(app, 'person.deactivated')).filter((r) => r.target_id === target.person.id);
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]?.data ?? '{}')).toEqual({
      sessionsEnded: 1,
      tokensRevoked: 1,
      invitationsRevoked: 0,
    });

    const again = await call(app, admin, 'POST', `/api/v1/admin/people/${target.person.id}/deactivate`);
    expect(again.statusCode).toBe(200);
    expect(
      (await auditRows(app, 'person.deactivated')).filter((r) => r.target_id === target.person.id),
    ).toHaveLength(1);

    const back = await call(app, admin, 'POST', `/api/v1/admin/people/${target.person.id}/reactivate`);
    expect(back.statusCode).toBe(200);
    expect(back.json().status).toBe('active');
    expect(
      (await auditRows(app, 'person.reactivated')).filter((r) => r.target_id === target.person.id),
    ).toHaveLength(1);
    const signInAgain = await call(app, undefined, 'POST', '/api/v1/auth/sign-in', {
      email: 'leaver@corp.example',
      password: DEFAULT_PASSWORD,
    });
    expect(signInAgain.statusCode).toBe(200);
    // The token revoked by the deactivation stays revoked.
    expect((await app.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode).toBe(
      401,
    );
  });

  it('refuses to deactivate yourself (409) and answers 404 for unknown people', async () => {
    const self = await call(app, admin, 'POST', `/api/v1/admin/people/${admin.person.id}/deactivate`);
    expect(self.statusCode).toBe(409);
    expect((await call(app, admin, 'GET', '/api/v1/me')).statusCode).toBe(200);
    for (const action of ['deactivate', 'reactivate']) {
      const res = await call(app, admin, 'POST', `/api/v1/admin/people/${newId()}/${action}`);
      expect(res.statusCode).toBe(404);
    }
  });

  it('records deactivation and reactivation as outbox events', async () => {
    const events = await app.ctx.db
      .selectFrom('events')
      .select('name')
      .where('name', 'in', ['person.deactivated', 'person.reactivated'])
      .execute();
    expect(events.map((e) => e.name).sort()).toEqual(['person.deactivated', 'person.reactivated']);
  });

  it('never leaves the site without an active admin when two admins demote each other at once', async () => {
    const first = await signedIn(app, { role: 'admin' });
    const second = await signedIn(app, { role: 'admin' });
    // The fixture admin steps down first, so these two are the only active admins.
    await app.ctx.db.updateTable('people').set({ role: 'user' }).where('id', '=', admin.person.id).execute();
    try {
      const results = await Promise.all([
        call(app, first, 'POST', `/api/v1/admin/people/${second.person.id}/deactivate`),
        call(app, second, 'POST', `/api/v1/admin/people/${first.person.id}/deactivate`),
      ]);
      // The loser is refused (409) or, if the winner committed before it authenticated, already signed out.
      const codes = results.map((r) => r.statusCode).sort();
      expect(codes[0]).toBe(200);
      expect([401, 409]).toContain(codes[1]);
      const admins = await app.ctx.db
        .selectFrom('people')
        .select('id')
        .where('role', '=', 'admin')
        .where('status', '=', 'active')
        .execute();
      expect(admins).toHaveLength(1);
    } finally {
      await app.ctx.db
        .updateTable('people')
        .set({ role: 'admin' })
        .where('id', '=', admin.person.id)
        .execute();
    }
  });
});
