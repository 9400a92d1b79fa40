import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST_WRITES } from '../../src/modules/posts/post-rate-limits.ts';
import { signedIn } from '../support/factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { call, expectStatus } from './helpers.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('post writes are limited per actor', () => {
  it('answers 429 past the limit for that actor only, storing nothing', async () => {
    const busy = await signedIn(app);
    const calm = await signedIn(app);
    const payload = { target: { type: 'company' }, body: 'Again' };
    for (let i = 0; i < POST_WRITES.max; i++)
      expectStatus(await call(app, busy, 'POST', '/api/v1/posts', payload), 201);
    const refused = await call(app, busy, 'POST', '/api/v1/posts', payload);
    expectStatus(refused, 429);
    expect(refused.headers['retry-after']).toBeDefined();
    const stored = await app.ctx.db
      .selectFrom('posts')
      .select('id')
      .where('author_id', '=', busy.person.id)
      .execute();
    expect(stored).toHaveLength(POST_WRITES.max);
    expectStatus(await call(app, calm, 'POST', '/api/v1/posts', payload), 201);
  });
});
