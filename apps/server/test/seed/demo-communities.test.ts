import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoOrganization } from '../../src/seed/demo.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const PASSWORD = 'demo-communities-password';
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ ATRIUM_DEMO_PASSWORD: PASSWORD });
  await ensureDemoOrganization(app.ctx, { log: false });
});
afterAll(async () => {
  await app.close();
});

describe('demo spaces and communities', () => {
  it('creates about 40 internal spaces (one secret) and 3 external communities', async () => {
    const spaces = await app.ctx.db
      .selectFrom('spaces')
      .select(['handle', 'audience', 'visibility', 'is_default'])
      .execute();
    const internal = spaces.filter((s) => s.audience === 'internal');
    expect(internal.length).toBe(40);
    expect(internal.filter((s) => s.visibility === 'secret').map((s) => s.handle)).toEqual([
      'project-falcon',
    ]);
    expect(
      spaces
        .filter((s) => s.audience === 'external')
        .map((s) => `${s.handle}:${s.visibility}`)
        .sort(),
    ).toEqual(['beta-program:private', 'customer-community:open', 'partner-network:private']);
    expect(spaces.filter((s) => s.is_default === 1).map((s) => s.handle)).toEqual(['all-company']);
  });

  it('adds ~100 customers and ~30 partners, and never an external person to an internal space', async () => {
    const externals = await app.ctx.db
      .selectFrom('people')
      .select(['id', 'organization'])
      .where('kind', '=', 'external')
      .execute();
    expect(externals.length).toBe(130);
    expect(externals.every((p) => p.organization)).toBe(true);
    const leaks = await app.ctx.db
      .selectFrom('space_members')
      .innerJoin('spaces', 'spaces.id', 'space_members.space_id')
      .innerJoin('people', 'people.id', 'space_members.person_id')
      .select('spaces.handle')
      .where('spaces.audience', '=', 'internal')
      .where('people.kind', '=', 'external')
      .execute();
    expect(leaks).toEqual([]);
    const everyone = await app.ctx.db
      .selectFrom('people')
      .select('id')
      .where('kind', '=', 'member')
      .execute();
    const allCompany = await app.ctx.db
      .selectFrom('space_members')
      .innerJoin('spaces', 'spaces.id', 'space_members.space_id')
      .select('space_members.person_id')
      .where('spaces.handle', '=', 'all-company')
      .execute();
    expect(allCompany.length).toBe(everyone.length);
  });

  it('lets the demo customer sign in; they belong to the customer community and the beta program only', async () => {
    const res = await app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'customer@demo.atrium.test', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().person.kind).toBe('external');
    const mine = await app.ctx.db
      .selectFrom('space_members')
      .innerJoin('spaces', 'spaces.id', 'space_members.space_id')
      .select('spaces.handle')
      .where('space_members.person_id', '=', res.json().person.id)
      .orderBy('spaces.handle')
      .execute();
    expect(mine.map((m) => m.handle)).toEqual(['beta-program', 'customer-community']);
  });
});
