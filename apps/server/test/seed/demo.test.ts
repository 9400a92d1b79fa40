import { DEPARTMENTS } from '@atrium/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoResult, ensureDemoOrganization } from '../../src/seed/demo.ts';
import {
  DEMO_ADMIN_EMAIL,
  DEMO_DOMAIN,
  DEMO_MEMBER_EMAIL,
  generateOrganization,
} from '../../src/seed/demo-org.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const PASSWORD = 'demo-password-for-tests';
let app: TestApp;
let first: DemoResult;

beforeAll(async () => {
  app = await createTestApp({ ATRIUM_DEMO_PASSWORD: PASSWORD });
  first = await ensureDemoOrganization(app.ctx, { log: false });
});
afterAll(async () => {
  await app.close();
});

type Person = { id: string; manager_id: string | null; department: string | null; title: string | null };
const demoPeople = (): Promise<Person[]> =>
  app.ctx.db
    .selectFrom('people')
    .select(['id', 'manager_id', 'department', 'title'])
    .where('email', 'like', `%@${DEMO_DOMAIN}`)
    .where('kind', '=', 'member')
    .execute();

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of [
    'people',
    'person_skills',
    'custom_fields',
    'custom_field_values',
    'internal_domains',
    'events',
    'settings',
    'audit_log',
  ] as const) {
    const row = await app.ctx.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

const signIn = (email: string, password: string) =>
  app.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });

describe('the demo organization', () => {
  it('creates about 300 people in the 8 departments', async () => {
    expect(first.status).toBe('created');
    const people = await demoPeople();
    expect(people.length).toBeGreaterThanOrEqual(280);
    expect(people.length).toBeLessThanOrEqual(320);
    const departments = new Set(people.map((p) => p.department).filter((d) => d !== null));
    expect([...departments].sort()).toEqual([...DEPARTMENTS].sort());
  });

  it('has one CEO and a manager for everyone else, in the same department or the CEO', async () => {
    const people = await demoPeople();
    const byId = new Map(people.map((p) => [p.id, p]));
    const roots = people.filter((p) => p.manager_id === null);
    expect(roots).toHaveLength(1);
    const ceo = roots[0];
    expect(ceo?.title).toBe('Chief Executive Officer');
    for (const person of people) {
      if (person === ceo) continue;
      const manager = byId.get(person.manager_id ?? '');
      expect(manager, `${person.id} has a manager`).toBeDefined();
      expect(manager === ceo || manager?.department === person.department).toBe(true);
    }
  });

  it('has no management cycles: every chain reaches the CEO', async () => {
    const people = await demoPeople();
    const byId = new Map(people.map((p) => [p.id, p]));
    for (const person of people) {
      const seen = new Set<string>();
      let current: Person | undefined = person;
      while (current?.manager_id) {
        expect(seen.has(current.id)).toBe(false);
        seen.add(current.id);
        current = byId.get(current.manager_id);
      }
      expect(current?.manager_id).toBeNull();
      expect(seen.size).toBeLessThan(8);
    }
  });

  it('gives people 2–6 skills, locations with matching time zones, bios and searchable skills', async () => {
    const rows = await app.ctx.db
      .selectFrom('people')
      .select(['id', 'location', 'time_zone', 'bio', 'search_text', 'password_hash', 'email'])
      .where('email', 'like', `%@${DEMO_DOMAIN}`)
      .where('kind', '=', 'member')
      .execute();
    const skills = await app.ctx.db
      .selectFrom('person_skills')
      .select(['person_id', 'skill_key', 'label'])
      .execute();
    const byPerson = new Map<string, string[]>();
    for (const s of skills) {
      expect(s.skill_key).toBe(s.label.toLowerCase());
      byPerson.set(s.person_id, [...(byPerson.get(s.person_id) ?? []), s.label]);
    }
    const zones: Record<string, string> = { London: 'Europe/London', Bangalore: 'Asia/Kolkata' };
    for (const row of rows) {
      const labels = byPerson.get(row.id) ?? [];
      expect(labels.length).toBeGreaterThanOrEqual(2);
      expect(labels.length).toBeLessThanOrEqual(6);
      for (const label of labels) expect(row.search_text).toContain(label.toLowerCase());
      expect(row.bio?.length).toBeGreaterThan(20);
      if (row.location && zones[row.location]) expect(row.time_zone).toBe(zones[row.location]);
      // Only the two demo accounts can sign in with a password.
      expect(row.password_hash !== null).toBe([DEMO_ADMIN_EMAIL, DEMO_MEMBER_EMAIL].includes(row.email));
    }
    const locations = new Set(rows.map((r) => r.location));
    expect(locations.size).toBe(7);
  });

  it('defines the custom fields and fills them in', async () => {
    const fields = await app.ctx.db.selectFrom('custom_fields').selectAll().orderBy('position').execute();
    expect(fields.map((f) => [f.label, f.type, f.visibility])).toEqual([
      ['Pronouns', 'text', 'everyone'],
      ['Employee ID', 'text', 'members'],
      ['Start date', 'date', 'everyone'],
      ['Team', 'select', 'everyone'],
      ['LinkedIn', 'url', 'everyone'],
    ]);
    const team = fields.find((f) => f.key === 'team');
    const options = JSON.parse(team?.options ?? '[]') as string[];
    const teamValues = await app.ctx.db
      .selectFrom('custom_field_values')
      .select('value')
      .where('field_id', '=', team?.id ?? '')
      .execute();
    expect(teamValues.length).toBeGreaterThan(250);
    for (const { value } of teamValues) expect(options).toContain(value);
    const domain = await app.ctx.db.selectFrom('internal_domains').selectAll().execute();
    expect(domain.map((d) => d.domain)).toContain(DEMO_DOMAIN);
  });

  it('lets the two demo accounts sign in with ATRIUM_DEMO_PASSWORD', async () => {
    const admin = await signIn(DEMO_ADMIN_EMAIL, PASSWORD);
    expect(admin.statusCode).toBe(200);
    expect(admin.json().person.role).toBe('admin');
    const member = await signIn(DEMO_MEMBER_EMAIL, PASSWORD);
    expect(member.statusCode).toBe(200);
    expect(member.json().person.role).toBe('user');
    expect(member.json().person.department).toBe('Engineering');
  });

  it('changes nothing when run again', async () => {
    const before = await counts();
    const again = await ensureDemoOrganization(app.ctx, { log: false });
    expect(again.status).toBe('exists');
    expect(again.passwordUpdated).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it('gives the demo accounts a changed ATRIUM_DEMO_PASSWORD on the next run', async () => {
    const changed = 'another-demo-password';
    app.ctx.config.demoPassword = changed;
    try {
      const result = await ensureDemoOrganization(app.ctx, { log: false });
      expect(result.passwordUpdated).toBe(true);
      expect((await signIn(DEMO_ADMIN_EMAIL, changed)).statusCode).toBe(200);
      expect((await signIn(DEMO_MEMBER_EMAIL, PASSWORD)).statusCode).toBe(401);
    } finally {
      app.ctx.config.demoPassword = PASSWORD;
      await ensureDemoOrganization(app.ctx, { log: false });
    }
  });

  it('lets two processes race to seed: one creates, the other finds it done', async () => {
    const other = await createTestApp({ ATRIUM_DEMO_PASSWORD: PASSWORD });
    try {
      expect(other.ctx.dialect).toBe(process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite');
      const results = await Promise.all([
        ensureDemoOrganization(other.ctx, { log: false }),
        ensureDemoOrganization(other.ctx, { log: false }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['created', 'exists']);
      const people = await other.ctx.db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('kind', '=', 'member')
        .executeTakeFirstOrThrow();
      expect(Number(people.n)).toBe(first.people);
    } finally {
      await other.close();
    }
  });

  it('is deterministic: the same seed gives the same people', () => {
    const fresh = () => ({ handles: new Set<string>(), emails: new Set<string>() });
    const a = generateOrganization(fresh());
    const b = generateOrganization(fresh());
    expect(a).toEqual(b);
    expect(new Set(a.map((p) => p.handle)).size).toBe(a.length);
    expect(generateOrganization(fresh(), 7).map((p) => p.name)).not.toEqual(a.map((p) => p.name));
  });
});
