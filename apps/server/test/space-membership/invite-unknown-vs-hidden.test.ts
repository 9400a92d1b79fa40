import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, type Session, sessionFor } from '../support/factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let externalAdmin: Session;
beforeAll(async () => {
  app = await createTestApp();
  const owner = await buildPerson(app, { name: 'Owner Olga' });
  await buildPerson(app, { name: 'Chief', email: 'ceo@corp.example' });
  const fired = await buildPerson(app, { name: 'Former', email: 'fired@corp.example' });
  await app.ctx.db.updateTable('people').set({ status: 'deactivated' }).where('id', '=', fired.id).execute();
  const carl = await buildPerson(app, { name: 'Carl Customer', kind: 'external' });
  const community = await buildSpace(app, owner, {
    name: 'Community',
    handle: 'community',
    audience: 'external',
  });
  await addMember(app, community, carl, 'admin');
  externalAdmin = await sessionFor(app, carl);
});
afterAll(async () => {
  await app.close();
});

const shape = (body: Record<string, unknown>) => ({ ...body, id: 'x', createdAt: 'x', expiresAt: 'x' });

describe('an external manager inviting by email', () => {
  it('cannot tell an employee they may not see, a deactivated one and an unknown address apart', async () => {
    const answers = [];
    for (const email of ['ceo@corp.example', 'fired@corp.example', 'nobody@corp.example']) {
      const res = await app.app.inject({
        method: 'POST',
        url: '/api/v1/spaces/community/invitations',
        headers: externalAdmin.headers,
        payload: { email },
      });
      answers.push({ status: res.statusCode, body: shape({ ...res.json(), email: 'typed' }) });
      expect(res.json().email).toBe(email);
    }
    expect(answers[0]).toEqual(answers[2]);
    expect(answers[1]).toEqual(answers[2]);
    expect(answers[2]?.status).toBe(201);
  });
});
