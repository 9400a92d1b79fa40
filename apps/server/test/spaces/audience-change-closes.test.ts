import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../support/factories.ts';
import { type SmtpSink, startSmtpSink, tokenFromLink } from '../support/smtp-sink.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
  app = await createTestApp({ SMTP_URL: sink.url });
});
afterAll(async () => {
  await app.close();
  await sink.close();
});

const call = (
  session: { headers: Record<string, string> } | undefined,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: object,
) =>
  app.app.inject({
    method,
    url,
    ...(session ? { headers: session.headers } : {}),
    ...(payload ? { payload } : {}),
  });

describe('changing a space closes what it would no longer accept', () => {
  it('an external invitee no longer sees a space that became internal, in-app or through an emailed link', async () => {
    const owner = await signedIn(app, { name: 'Olga Owner' });
    const customer = await signedIn(app, { name: 'Carl Customer', kind: 'external' });
    const space = await buildSpace(app, owner, {
      name: 'Launch Partners',
      handle: 'launch-partners',
      audience: 'external',
      visibility: 'private',
    });
    expect(
      (
        await call(owner, 'POST', `/api/v1/spaces/${space.handle}/invitations`, {
          personId: customer.person.id,
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await call(owner, 'POST', `/api/v1/spaces/${space.handle}/invitations`, {
          email: 'newcomer@outside.example',
        })
      ).statusCode,
    ).toBe(201);
    await app.drainEvents();
    const token = tokenFromLink(
      (await sink.nextTo('newcomer@outside.example')).text,
      'http://atrium.test/spaces/invitations/accept',
    );
    expect((await call(customer, 'GET', '/api/v1/me/space-invitations')).json().items).toHaveLength(1);
    expect((await call(undefined, 'POST', '/api/v1/space-invitations/preview', { token })).statusCode).toBe(
      200,
    );

    const change = await call(owner, 'PATCH', `/api/v1/spaces/${space.handle}`, {
      audience: 'internal',
      name: 'Project Kestrel war room',
    });
    expect(change.statusCode).toBe(200);
    const mine = await call(customer, 'GET', '/api/v1/me/space-invitations');
    expect(mine.json().items).toEqual([]);
    expect(mine.body).not.toContain('Kestrel');
    const preview = await call(undefined, 'POST', '/api/v1/space-invitations/preview', { token });
    expect(preview.statusCode).toBe(400);
    expect(preview.body).not.toContain('Kestrel');
    const audit = await app.ctx.db
      .selectFrom('audit_log')
      .select('data')
      .where('action', '=', 'space.audience_changed')
      .where('target_id', '=', space.id)
      .execute();
    expect(JSON.parse(audit[0]?.data ?? '{}')).toMatchObject({ invitationsRevoked: 2, requestsDeclined: 0 });
  });

  it('a space turned secret declines its pending join requests', async () => {
    const owner = await signedIn(app);
    const hopeful = await signedIn(app);
    const space = await buildSpace(app, owner, {
      name: 'Quiet Room',
      handle: 'quiet-room',
      visibility: 'private',
    });
    expect((await call(hopeful, 'POST', `/api/v1/spaces/${space.handle}/join-requests`, {})).statusCode).toBe(
      201,
    );
    expect(
      (await call(owner, 'PATCH', `/api/v1/spaces/${space.handle}`, { visibility: 'secret' })).statusCode,
    ).toBe(200);
    const requests = await app.ctx.db
      .selectFrom('space_join_requests')
      .select('status')
      .where('space_id', '=', space.id)
      .execute();
    expect(requests.map((r) => r.status)).toEqual(['declined']);
    expect((await call(hopeful, 'GET', `/api/v1/spaces/${space.handle}`)).statusCode).toBe(404);
  });

  it('membership rules go when an internal space opens to customers and partners', async () => {
    const owner = await signedIn(app, { department: 'Sales' });
    const space = await buildSpace(app, owner, { name: 'Sales Floor', handle: 'sales-floor' });
    const other = await signedIn(app, { department: 'Sales' });
    await addMember(app, space, other.person);
    expect(
      (
        await call(owner, 'POST', `/api/v1/spaces/${space.handle}/rules`, {
          field: 'department',
          value: 'Sales',
        })
      ).statusCode,
    ).toBe(201);
    const change = await call(owner, 'PATCH', `/api/v1/spaces/${space.handle}`, {
      audience: 'external',
      confirmAudienceChange: true,
    });
    expect(change.statusCode).toBe(200);
    expect(
      await app.ctx.db.selectFrom('space_rules').select('id').where('space_id', '=', space.id).execute(),
    ).toEqual([]);
  });
});
