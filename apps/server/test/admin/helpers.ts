import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sha256 } from '../../src/platform/auth/secrets.ts';
import { newId, nowIso } from '../../src/platform/db/time.ts';
import type { Session } from '../support/factories.ts';
import type { TestApp } from '../support/test-app.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One API call, signed in as `session` (or anonymous when it is undefined). */
export function call(
  app: TestApp,
  session: Session | undefined,
  method: Method,
  url: string,
  payload?: InjectOptions['payload'],
  extra: Partial<InjectOptions> = {},
): Promise<LightMyRequestResponse> {
  return app.app.inject({
    method,
    url,
    ...(session ? { headers: session.headers } : {}),
    ...(payload !== undefined ? { payload } : {}),
    ...extra,
  });
}

/** Audit rows, optionally of one action. */
export async function auditRows(app: TestApp, action?: string) {
  let query = app.ctx.db.selectFrom('audit_log').selectAll().orderBy('created_at').orderBy('id');
  if (action !== undefined) query = query.where('action', '=', action);
  return query.execute();
}

export const countRows = async (app: TestApp, table: 'people' | 'invitations' | 'sessions') =>
  Number(
    (
      await app.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Every admin endpoint with a valid-looking input, for the 401/403 sweep. */
export const ADMIN_ENDPOINTS: Array<{ method: Method; url: string; payload?: Record<string, unknown> }> = [
  { method: 'GET', url: '/api/v1/admin/people' },
  { method: 'PUT', url: '/api/v1/admin/people/x/role', payload: { role: 'user' } },
  { method: 'POST', url: '/api/v1/admin/people/x/deactivate' },
  { method: 'POST', url: '/api/v1/admin/people/x/reactivate' },
  { method: 'GET', url: '/api/v1/admin/invitations' },
  { method: 'POST', url: '/api/v1/admin/invitations', payload: { email: 'new@example.com' } },
  { method: 'DELETE', url: '/api/v1/admin/invitations/x' },
  { method: 'GET', url: '/api/v1/admin/internal-domains' },
  { method: 'POST', url: '/api/v1/admin/internal-domains', payload: { domain: 'example.org' } },
  { method: 'DELETE', url: '/api/v1/admin/internal-domains/example.org' },
  { method: 'GET', url: '/api/v1/admin/custom-fields' },
  {
    method: 'POST',
    url: '/api/v1/admin/custom-fields',
    payload: { key: 'k', label: 'K', type: 'text', visibility: 'everyone' },
  },
  { method: 'PATCH', url: '/api/v1/admin/custom-fields/x', payload: { label: 'L' } },
  { method: 'DELETE', url: '/api/v1/admin/custom-fields/x' },
  { method: 'GET', url: '/api/v1/admin/audit' },
];

/** A personal API token row for a person, as the tokens module would store it; returns the secret. */
export async function apiToken(app: TestApp, personId: string, scopes = 'read,write'): Promise<string> {
  const secret = `atr_${newId().replaceAll('-', '')}`;
  await app.ctx.db
    .insertInto('api_tokens')
    .values({
      id: newId(),
      person_id: personId,
      name: 'test',
      token_hash: sha256(secret),
      scopes,
      created_at: nowIso(),
      expires_at: null,
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return secret;
}
