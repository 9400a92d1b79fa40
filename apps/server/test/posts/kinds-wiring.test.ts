import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../support/factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { call, expectStatus, postRowCounts } from './helpers.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('POST /api/v1/posts with a kind', () => {
  it('writes the kind’s rows in the post’s transaction and shows its part', async () => {
    const me = await signedIn(app);
    const res = await call(app, me, 'POST', '/api/v1/posts', {
      target: { type: 'company' },
      kind: 'poll',
      body: 'Lunch?',
      poll: { options: ['Pizza', 'Sushi'] },
    });
    expectStatus(res, 201);
    expect(res.json()).toMatchObject({
      kind: 'poll',
      poll: { options: [{ label: 'Pizza' }, { label: 'Sushi' }] },
    });
    const options = await app.ctx.db
      .selectFrom('poll_options')
      .select('label')
      .where('post_id', '=', res.json().id)
      .execute();
    expect(options).toHaveLength(2);
  });

  it('refuses kind input that does not match the kind (400) and stores nothing', async () => {
    const me = await signedIn(app);
    const before = await postRowCounts(app);
    for (const bad of [
      { kind: 'update', poll: { options: ['A', 'B'] } },
      { kind: 'poll', poll: { options: ['Same', 'Same'] } },
    ]) {
      const res = await call(app, me, 'POST', '/api/v1/posts', {
        target: { type: 'company' },
        body: 'x',
        ...bad,
      });
      expectStatus(res, 400, JSON.stringify(bad));
    }
    expect(await postRowCounts(app)).toEqual(before);
  });
});
