import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from '../support/test-app.ts';

export { call, multipartFile } from '../people/helpers.ts';

/** A problem body without the parts that differ per request. */
export function problemOf(res: LightMyRequestResponse) {
  const { requestId: _r, instance: _i, ...rest } = res.json() as Record<string, unknown>;
  return rest;
}

/** A space the viewer may not see must answer exactly like a missing one. */
export function expectSameAsMissing(hidden: LightMyRequestResponse, missing: LightMyRequestResponse) {
  expect(hidden.statusCode).toBe(404);
  expect(missing.statusCode).toBe(404);
  expect(problemOf(hidden)).toEqual(problemOf(missing));
}

export function auditRows(app: TestApp, action: string, targetId?: string) {
  let query = app.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action);
  if (targetId !== undefined) query = query.where('target_id', '=', targetId);
  return query.execute();
}

export function eventRows(app: TestApp, name: string, subjectId: string) {
  return app.ctx.db
    .selectFrom('events')
    .selectAll()
    .where('name', '=', name)
    .where('subject_id', '=', subjectId)
    .execute();
}

export async function membersOf(app: TestApp, spaceId: string) {
  return app.ctx.db
    .selectFrom('space_members')
    .select(['person_id', 'role', 'source'])
    .where('space_id', '=', spaceId)
    .execute();
}
