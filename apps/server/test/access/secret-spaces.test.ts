import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpaceRow } from '../../src/modules/spaces/spaces.repository.ts';
import { buildPerson, type Session, sessionFor } from '../support/factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { call, problemShape } from './probe.ts';

/**
 * ACCESS-MODEL.md invariant 2: a secret space is indistinguishable from a missing one for a non-member.
 * Every space route, probed on a secret space by a non-member, answers exactly what the same request
 * answers for a handle that does not exist (status and problem body, ignoring requestId and instance).
 * The same holds for an external person probing internal spaces they may not see.
 */
let app: TestApp;
let owner: Session;
let employee: Session;
let external: Session;
let secret: SpaceRow;
let internalOpen: SpaceRow;
let internalPrivate: SpaceRow;
let externalPrivate: SpaceRow;
const MISSING = 'no-such-space-anywhere';

beforeAll(async () => {
  app = await createTestApp();
  owner = await sessionFor(app, await buildPerson(app, { name: 'Owner Olga' }));
  employee = await sessionFor(app, await buildPerson(app, { name: 'Employee Eve' }));
  external = await sessionFor(app, await buildPerson(app, { name: 'Customer Carl', kind: 'external' }));
  secret = await buildSpace(app, owner, {
    name: 'Secret Project',
    handle: 'secret-project',
    visibility: 'secret',
  });
  await addMember(app, secret, await buildPerson(app, { name: 'Insider Ian' }));
  internalOpen = await buildSpace(app, owner, { name: 'Internal Open', handle: 'internal-open' });
  internalPrivate = await buildSpace(app, owner, {
    name: 'Internal Private',
    handle: 'internal-private',
    visibility: 'private',
  });
  externalPrivate = await buildSpace(app, owner, {
    name: 'Beta Program',
    handle: 'beta-program',
    audience: 'external',
    visibility: 'private',
  });
});
afterAll(async () => {
  await app.close();
});

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const someId = '01900000-0000-7000-8000-000000000000';

/** Every route under /api/v1/spaces/{handle} (API-CONTRACT.md), with a plausible body. */
const probes = (personId: string): Array<[Method, string, Record<string, unknown>?]> => [
  ['GET', ''],
  ['PATCH', '', { name: 'Renamed' }],
  ['POST', '/archive'],
  ['POST', '/restore'],
  ['GET', '/avatar'],
  ['GET', '/cover'],
  ['DELETE', '/avatar'],
  ['DELETE', '/cover'],
  ['GET', '/members'],
  ['POST', '/join'],
  ['POST', '/join-requests', { message: 'Let me in' }],
  ['DELETE', '/join-requests/mine'],
  ['GET', '/join-requests'],
  ['POST', `/join-requests/${someId}/approve`],
  ['POST', `/join-requests/${someId}/decline`],
  ['POST', '/leave'],
  ['PUT', `/members/${personId}`, { role: 'admin' }],
  ['DELETE', `/members/${personId}`],
  ['POST', '/transfer-ownership', { personId }],
  ['GET', '/invitations'],
  ['POST', '/invitations', { personId }],
  ['DELETE', `/invitations/${someId}`],
  ['GET', '/rules'],
  ['POST', '/rules', { field: 'department', value: 'Sales' }],
  ['DELETE', `/rules/${someId}`],
];

async function expectLikeMissing(viewer: Session, handle: string): Promise<number> {
  let compared = 0;
  for (const [method, suffix, payload] of probes(owner.person.id)) {
    const hidden = await call(app, viewer, method as 'GET', `/api/v1/spaces/${handle}${suffix}`, payload);
    const missing = await call(app, viewer, method as 'GET', `/api/v1/spaces/${MISSING}${suffix}`, payload);
    const where = `${method} /api/v1/spaces/${handle}${suffix}`;
    expect(hidden.status, where).toBe(missing.status);
    expect(problemShape(hidden.body), where).toBe(problemShape(missing.body));
    expect(hidden.status, where).toBe(404);
    compared += 1;
  }
  return compared;
}

describe('a space the viewer may not see answers exactly like a missing one', () => {
  it('a secret space, probed by an employee who does not belong to it, on every space route', async () => {
    expect(await expectLikeMissing(employee, secret.handle)).toBe(probes('').length);
  });

  it('a secret space, probed by an external person', async () => {
    await expectLikeMissing(external, secret.handle);
  });

  it('internal spaces (open and private) and private external ones, probed by an external person', async () => {
    await expectLikeMissing(external, internalOpen.handle);
    await expectLikeMissing(external, internalPrivate.handle);
    await expectLikeMissing(external, externalPrivate.handle);
  });

  it('nothing was changed by the probes', async () => {
    const members = await app.ctx.db
      .selectFrom('space_members')
      .select(['space_id', 'person_id', 'role'])
      .where('space_id', 'in', [secret.id, internalOpen.id, internalPrivate.id, externalPrivate.id])
      .execute();
    expect(
      members.filter((m) => m.person_id === employee.person.id || m.person_id === external.person.id),
    ).toEqual([]);
    const spaces = await app.ctx.db
      .selectFrom('spaces')
      .select(['name', 'archived_at'])
      .where('id', 'in', [secret.id, internalOpen.id, internalPrivate.id, externalPrivate.id])
      .orderBy('name')
      .execute();
    expect(spaces.map((s) => s.name)).toEqual([
      'Beta Program',
      'Internal Open',
      'Internal Private',
      'Secret Project',
    ]);
    expect(spaces.every((s) => s.archived_at === null)).toBe(true);
    const requests = await app.ctx.db.selectFrom('space_join_requests').select('id').execute();
    const invitations = await app.ctx.db.selectFrom('space_invitations').select('id').execute();
    expect([requests.length, invitations.length]).toEqual([0, 0]);
  });
});
