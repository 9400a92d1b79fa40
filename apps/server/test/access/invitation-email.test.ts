import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, type Session, sessionFor } from '../support/factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { call } from './probe.ts';

/**
 * Found by the access property suite: an external admin of a community who invited an employee they
 * can see (by personId) received that employee's email in the invitation (POST answer and the space's
 * invitations list), although profiles never show an email to an external person (ACCESS-MODEL.md
 * invariant 1). Kept as a regression test.
 */
let app: TestApp;
let externalAdmin: Session;
let employeeEmail: string;
let employeeId: string;
let employeeHandle: string;

beforeAll(async () => {
  app = await createTestApp();
  const owner = await buildPerson(app, { name: 'Owner Olga' });
  const employee = await buildPerson(app, { name: 'Employee Eve', email: 'eve.employee@corp.test' });
  const customer = await buildPerson(app, { name: 'Customer Carl', kind: 'external' });
  const community = await buildSpace(app, owner, {
    name: 'Customer Community',
    handle: 'customer-community',
    audience: 'external',
  });
  await addMember(app, community, customer, 'admin');
  // Carl and Eve share another external space, so Carl may see Eve (but not her email).
  const shared = await buildSpace(app, owner, { name: 'Shared', handle: 'shared', audience: 'external' });
  await addMember(app, shared, customer);
  await addMember(app, shared, employee);
  externalAdmin = await sessionFor(app, customer);
  employeeEmail = employee.email;
  employeeId = employee.id;
  employeeHandle = employee.handle;
});
afterAll(async () => {
  await app.close();
});

describe('an external manager inviting an employee', () => {
  it('sees the employee, without the email, on the profile (the rule)', async () => {
    const res = await call(app, externalAdmin, 'GET', `/api/v1/people/${employeeHandle}`);
    expect(res.status).toBe(200);
    expect(res.body.email).toBeNull();
  });

  it('does not receive the email in the invitation answer', async () => {
    const res = await call(app, externalAdmin, 'POST', '/api/v1/spaces/customer-community/invitations', {
      personId: employeeId,
    });
    expect(res.status).toBe(201);
    expect(JSON.stringify(res.body)).not.toContain(employeeEmail);
  });

  it('does not receive the email in the space invitations list', async () => {
    const res = await call(app, externalAdmin, 'GET', '/api/v1/spaces/customer-community/invitations');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(JSON.stringify(res.body)).not.toContain(employeeEmail);
  });
});
