import type { TokenScope } from '@atrium/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createToken } from '../../src/modules/tokens/commands/create-token.ts';
import type { Session } from '../support/factories.ts';
import type { TestApp } from '../support/test-app.ts';

type Method = 'GET' | 'PUT' | 'PATCH' | 'DELETE' | 'POST';
/** Who calls: a session, a bearer secret, or nobody. */
export type Caller = Session | { bearer: string } | undefined;

export function call(app: TestApp, who: Caller, method: Method, url: string, payload?: unknown) {
  const headers =
    who === undefined ? {} : 'bearer' in who ? { authorization: `Bearer ${who.bearer}` } : who.headers;
  return app.app.inject({
    method,
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

export async function tokenFor(
  app: TestApp,
  session: Session,
  scopes: TokenScope[],
): Promise<{ bearer: string }> {
  const { secret } = await createToken(app.ctx, {
    personId: session.person.id,
    name: 'integration',
    scopes,
    expiresInDays: null,
  });
  return { bearer: secret };
}

/** A problem body without the parts that differ per request. */
export function problemOf(res: LightMyRequestResponse) {
  const { requestId: _r, instance: _i, ...rest } = res.json() as Record<string, unknown>;
  return rest;
}

/** Something the viewer may not open answers exactly like something missing. */
export function expectSameAsMissing(hidden: LightMyRequestResponse, missing: LightMyRequestResponse) {
  expect(hidden.statusCode).toBe(404);
  expect(missing.statusCode).toBe(404);
  expect(problemOf(hidden)).toEqual(problemOf(missing));
}

export function auditRows(app: TestApp, action: string, targetId: string) {
  return app.ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .where('target_id', '=', targetId)
    .execute();
}

export function eventRows(app: TestApp, name: string, subjectId: string) {
  return app.ctx.db
    .selectFrom('events')
    .selectAll()
    .where('name', '=', name)
    .where('subject_id', '=', subjectId)
    .execute();
}

export async function countRecords(app: TestApp): Promise<number> {
  const row = await app.ctx.db
    .selectFrom('records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
