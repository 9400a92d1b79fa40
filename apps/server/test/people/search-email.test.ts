import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, type Session, sessionFor } from '../support/factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let employee: Session;
let customer: Session;
beforeAll(async () => {
  app = await createTestApp();
  const eve = await buildPerson(app, { name: 'Eve Example', email: 'eve.secret-alias@corp.test' });
  const carl = await buildPerson(app, { name: 'Carl Customer', kind: 'external' });
  const space = await buildSpace(app, eve, { name: 'Shared', handle: 'shared', audience: 'external' });
  await addMember(app, space, carl);
  employee = await sessionFor(app, await buildPerson(app, { name: 'Colleague' }));
  customer = await sessionFor(app, carl);
});
afterAll(async () => {
  await app.close();
});

const names = async (session: Session, url: string) =>
  (
    (await app.app.inject({ method: 'GET', url, headers: session.headers })).json().items as Array<{
      name?: string;
      person?: { name: string };
    }>
  ).map((i) => i.name ?? i.person?.name);

describe('finding people by email', () => {
  it('works for employees in the directory and in member lists', async () => {
    expect(await names(employee, '/api/v1/people?q=secret-alias')).toEqual(['Eve Example']);
    expect(await names(employee, '/api/v1/spaces/shared/members?q=secret-alias')).toEqual(['Eve Example']);
  });

  it('never works for external people, who may not see emails', async () => {
    expect(await names(customer, '/api/v1/people?q=Eve')).toEqual(['Eve Example']);
    expect(await names(customer, '/api/v1/people?q=secret-alias')).toEqual([]);
    expect(await names(customer, '/api/v1/people?q=corp.test')).toEqual([]);
    expect(await names(customer, '/api/v1/spaces/shared/members?q=secret-alias')).toEqual([]);
  });
});
