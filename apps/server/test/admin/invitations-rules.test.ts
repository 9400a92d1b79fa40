import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/db/time.ts';
import type { Session } from '../support/factories.ts';
import { buildPerson } from '../support/factories.ts';
import type { TestApp } from '../support/test-app.ts';
import { auditRows, call, countRows } from './helpers.ts';
import {
  accept as acceptWith,
  type InvitationWorld,
  invitationWorld,
  invite as inviteWith,
  PASSWORD,
} from './invitation-world.ts';

let world: InvitationWorld;
let app: TestApp;
let admin: Session;
let member: Session;
beforeAll(async () => {
  world = await invitationWorld();
  ({ app, admin, member } = world);
});
afterAll(async () => {
  await world.close();
});

const invite = (email: string, role?: string) => inviteWith(world, email, role);
const accept = (token: string, extra: Record<string, unknown> = {}) => acceptWith(world, token, extra);

describe('invitation rules and inputs', () => {
  it('answers 409 for an existing person or a pending invitation', async () => {
    const taken = await call(app, admin, 'POST', '/api/v1/admin/invitations', {
      email: member.person.email.toUpperCase(),
    });
    expect(taken.statusCode).toBe(409);
    const first = await call(app, admin, 'POST', '/api/v1/admin/invitations', { email: 'twice@example.com' });
    expect(first.statusCode).toBe(201);
    const second = await call(app, admin, 'POST', '/api/v1/admin/invitations', {
      email: 'Twice@example.com',
    });
    expect(second.statusCode).toBe(409);
  });

  it('issues one invitation when two admins invite the same email at once', async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        call(app, admin, 'POST', '/api/v1/admin/invitations', { email: 'burst@example.com' }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
  });

  it('lets exactly one of two racing accepts of one token succeed', async () => {
    const { token } = await invite('racer@example.com');
    const results = await Promise.all([accept(token, { name: 'One' }), accept(token, { name: 'Two' })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    const people = await app.ctx.db
      .selectFrom('people')
      .select('id')
      .where('email', '=', 'racer@example.com')
      .execute();
    expect(people).toHaveLength(1);
  });

  it('answers 409 on accept when the email was taken in the meantime, keeping the invitation', async () => {
    const { invitation, token } = await invite('race@example.com');
    await buildPerson(app, { email: 'race@example.com' });
    const res = await accept(token);
    expect(res.statusCode).toBe(409);
    const row = await app.ctx.db
      .selectFrom('invitations')
      .select('accepted_at')
      .where('id', '=', invitation.id)
      .executeTakeFirstOrThrow();
    expect(row.accepted_at).toBeNull();
  });

  it('rejects bad input with 400', async () => {
    const bodies: unknown[] = [
      { email: 'not-an-email' },
      { email: `${'a'.repeat(10_000)}@example.com` },
      { email: 'ok@example.com', role: 'owner' },
      { email: 'ok@example.com', kind: 'member' },
      {},
    ];
    for (const body of bodies) {
      const res = await call(
        app,
        admin,
        'POST',
        '/api/v1/admin/invitations',
        body as Record<string, unknown>,
      );
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    const nul = await call(app, admin, 'POST', '/api/v1/admin/invitations', {
      email: 'a\u0000b@example.com',
    });
    expect(nul.json().code).toBe('invalid_characters');
    const garbage = await call(app, admin, 'POST', '/api/v1/admin/invitations', '{"email": ', {
      headers: { ...admin.headers, 'content-type': 'application/json' },
    });
    expect(garbage.json().code).toBe('malformed_json');

    const { token } = await invite('inputs@example.com');
    for (const extra of [
      { name: 'x'.repeat(10_000) },
      { name: '   ' },
      { name: 'a\u0000b' },
      { password: 'short' },
    ]) {
      const res = await accept(token, extra);
      expect(res.statusCode, JSON.stringify(extra).slice(0, 60)).toBe(400);
    }
    expect((await call(app, undefined, 'POST', '/api/v1/invitations/preview', { token })).statusCode).toBe(
      200,
    );
  });

  it('lists with a status filter and pages newest first', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/admin/invitations?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await call(app, admin, 'GET', url);
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().items.map((i: { createdAt: string }) => i.createdAt));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen.length).toBe(await countRows(app, 'invitations'));
    expect(seen).toEqual([...seen].sort().reverse());
    const bad = await call(app, admin, 'GET', '/api/v1/admin/invitations?status=lost');
    expect(bad.statusCode).toBe(400);
  });

  it('revokes: 204, 404 for unknown, 409 once accepted; one audit row per change', async () => {
    const created = await call(app, admin, 'POST', '/api/v1/admin/invitations', {
      email: 'gone@example.com',
    });
    const before = (await auditRows(app, 'invitation.revoked')).length;
    expect(
      (await call(app, admin, 'DELETE', `/api/v1/admin/invitations/${created.json().id}`)).statusCode,
    ).toBe(204);
    expect(
      (await call(app, admin, 'DELETE', `/api/v1/admin/invitations/${created.json().id}`)).statusCode,
    ).toBe(204);
    expect((await auditRows(app, 'invitation.revoked')).length).toBe(before + 1);
    expect((await call(app, admin, 'DELETE', `/api/v1/admin/invitations/${newId()}`)).statusCode).toBe(404);
    const accepted = await app.ctx.db
      .selectFrom('invitations')
      .select('id')
      .where('accepted_at', 'is not', null)
      .executeTakeFirstOrThrow();
    expect((await call(app, admin, 'DELETE', `/api/v1/admin/invitations/${accepted.id}`)).statusCode).toBe(
      409,
    );
    const creations = await auditRows(app, 'invitation.created');
    expect(creations.length).toBe(await countRows(app, 'invitations'));
    expect(creations.every((r) => !r.data.includes('inv_'))).toBe(true);
  });

  it('rate-limits preview and accept per IP with 429', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 61; i++) {
      const res = await call(
        app,
        undefined,
        'POST',
        '/api/v1/invitations/preview',
        { token: `inv_${'B'.repeat(43)}` },
        { remoteAddress: '10.9.9.9' },
      );
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 60).every((c) => c === 400)).toBe(true);
    expect(codes.at(-1)).toBe(429);
    const acceptCodes: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await call(
        app,
        undefined,
        'POST',
        '/api/v1/invitations/accept',
        { token: `inv_${'C'.repeat(43)}`, name: 'N', password: PASSWORD },
        { remoteAddress: '10.9.9.8' },
      );
      acceptCodes.push(res.statusCode);
    }
    expect(acceptCodes.slice(0, 30).every((c) => c === 400)).toBe(true);
    expect(acceptCodes.at(-1)).toBe(429);
  });
});
