import type { SpaceAudience, SpaceRole, SpaceVisibility } from '@atrium/contracts';
import type { Transaction } from 'kysely';
import { searchTextOf } from '../modules/people/handles.ts';
import type { DB, SpaceMembersTable, SpacesTable } from '../platform/db/schema.ts';
import { newId, nowIso } from '../platform/db/time.ts';
import type { Outbox } from '../platform/events/outbox.ts';
import { DEPARTMENT_PLANS } from './demo-departments.ts';
import type { DemoExternal } from './demo-externals.ts';
import { OFFICES, REMOTE } from './demo-places.ts';
import type { Random } from './random.ts';

interface Employee {
  id: string;
  department: string | null;
  location: string | null;
  manager_id: string | null;
  role: string;
}

interface SpacePlan {
  handle: string;
  name: string;
  description: string;
  category: string;
  audience: SpaceAudience;
  visibility: SpaceVisibility;
  isDefault?: boolean;
  rule?: { field: 'department' | 'location'; value: string };
  owner: string;
  members: string[];
  admins?: string[];
}

const PROJECTS: Array<[string, string, SpaceVisibility, string[]]> = [
  [
    'Website Relaunch',
    'The new public website: content, design and launch plan.',
    'open',
    ['Marketing', 'Engineering'],
  ],
  [
    'Mobile App 3.0',
    'Building the next major version of the mobile app.',
    'open',
    ['Engineering', 'Product'],
  ],
  [
    'Q3 Pricing Review',
    'Packaging and pricing changes for the second half.',
    'private',
    ['Sales', 'Finance', 'Product'],
  ],
  ['Data Platform', 'Warehouse, pipelines and self-serve analytics.', 'open', ['Engineering']],
  ['Customer Onboarding', 'Making the first 30 days of every customer great.', 'open', ['Support', 'Sales']],
  [
    'Security Certification',
    'ISO 27001 and SOC 2 evidence and controls.',
    'private',
    ['Engineering', 'Legal'],
  ],
  [
    'Hiring Sprint',
    'Recruiting 40 engineers and sellers this year.',
    'private',
    ['HR', 'Engineering', 'Sales'],
  ],
  ['Annual Kickoff', 'Agenda, venue and speakers for the company kickoff.', 'open', ['Marketing', 'HR']],
  [
    'Partner Program Revamp',
    'New tiers, enablement and incentives for partners.',
    'open',
    ['Sales', 'Marketing'],
  ],
  ['Contract Automation', 'Templates and e-signature for standard contracts.', 'open', ['Legal', 'Sales']],
  ['Budget Planning', 'Next year budget by department.', 'private', ['Finance']],
  ['Support Knowledge Base', 'Articles, macros and deflection.', 'open', ['Support', 'Product']],
];
const INTERESTS: ReadonlyArray<readonly [string, string]> = [
  ['Running Club', 'Lunchtime runs and the autumn half-marathon.'],
  ['Book Club', 'One book a month, discussed over coffee.'],
  ['Photography', 'Share your shots and join the photo walks.'],
  ['Women in Tech', 'Mentoring, talks and a supportive network.'],
  ['Parents at Work', 'Advice and company for working parents.'],
  ['Board Games', 'Thursday evening games in every office.'],
  ['Sustainability Guild', 'Ideas to make our offices and products greener.'],
  ['Toastmasters', 'Practise public speaking in a friendly room.'],
  ['Coffee Lovers', 'Beans, brewing methods and the best cafés near each office.'],
  ['Music Makers', 'Jam sessions and playlists.'],
  ['Volunteering', 'Team volunteering days and local causes.'],
];

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** About 40 internal spaces (company-wide, departments, offices, projects, interests, one secret) and 3 external. */
function planSpaces(
  random: Random,
  staff: Employee[],
  externals: DemoExternal[],
  adminId: string,
): SpacePlan[] {
  const ceo = staff.find((p) => p.manager_id === null && p.department === null) ?? staff[0];
  if (!ceo) throw new Error('the demo organization has no people');
  const inDept = (d: string) => staff.filter((p) => p.department === d).map((p) => p.id);
  const headOf = (d: string) =>
    staff.find((p) => p.department === d && p.manager_id === ceo.id)?.id ?? ceo.id;
  const some = (ids: string[], min: number, max: number) => random.sample(ids, random.int(min, max));
  const everyone = staff.map((p) => p.id);
  const plans: SpacePlan[] = [
    {
      handle: 'all-company',
      name: 'All Company',
      description: 'News and conversation for everyone at the company.',
      category: 'Company',
      audience: 'internal',
      visibility: 'open',
      isDefault: true,
      owner: adminId,
      members: everyone,
    },
  ];
  for (const { name: department } of DEPARTMENT_PLANS) {
    plans.push({
      handle: slug(department),
      name: department,
      description: `The ${department} department.`,
      category: 'Departments',
      audience: 'internal',
      visibility: 'open',
      rule: { field: 'department', value: department },
      owner: headOf(department),
      members: inDept(department),
    });
  }
  for (const office of [...OFFICES.map((o) => o.name), REMOTE]) {
    plans.push({
      handle: `office-${slug(office)}`,
      name: `${office} Office`,
      description: `Everything about working from ${office}.`,
      category: 'Offices',
      audience: 'internal',
      visibility: 'open',
      rule: { field: 'location', value: office },
      owner: adminId,
      members: staff.filter((p) => p.location === office).map((p) => p.id),
    });
  }
  for (const [name, description, visibility, departments] of PROJECTS) {
    const pool = departments.flatMap(inDept);
    plans.push({
      handle: slug(name),
      name,
      description,
      category: 'Projects',
      audience: 'internal',
      visibility,
      owner: headOf(departments[0] ?? ''),
      members: some(pool, 6, 18),
    });
  }
  for (const [name, description] of INTERESTS)
    plans.push({
      handle: slug(name),
      name,
      description,
      category: 'Interests',
      audience: 'internal',
      visibility: 'open',
      owner: random.pick(everyone),
      members: some(everyone, 8, 40),
    });
  plans.push({
    handle: 'project-falcon',
    name: 'Project Falcon',
    description: 'Confidential: a possible acquisition.',
    category: 'Leadership',
    audience: 'internal',
    visibility: 'secret',
    owner: ceo.id,
    members: [adminId, headOf('Finance'), headOf('Legal'), headOf('Engineering')],
  });

  const customers = externals.filter((e) => e.group === 'customer').map((e) => e.id);
  const partners = externals.filter((e) => e.group === 'partner').map((e) => e.id);
  const demoCustomer = customers[0] ?? '';
  plans.push(
    {
      handle: 'customer-community',
      name: 'Customer Community',
      description: 'Ask questions, share tips and get answers from our team and other customers.',
      category: 'Communities',
      audience: 'external',
      visibility: 'open',
      owner: headOf('Support'),
      members: [...customers, ...some(inDept('Support'), 8, 12), ...some(inDept('Product'), 3, 5)],
    },
    {
      handle: 'partner-network',
      name: 'Partner Network',
      description: 'Enablement, deal registration and news for our partners.',
      category: 'Communities',
      audience: 'external',
      visibility: 'private',
      owner: headOf('Sales'),
      members: [...partners, ...some(inDept('Sales'), 6, 10)],
    },
    {
      handle: 'beta-program',
      name: 'Beta Program',
      description: 'Early access to new features, in exchange for honest feedback.',
      category: 'Communities',
      audience: 'external',
      visibility: 'private',
      owner: headOf('Product'),
      members: [demoCustomer, ...random.sample(customers.slice(1), 14), ...some(inDept('Product'), 4, 6)],
    },
  );
  return plans;
}

/** Creates the demo spaces with their members (owner first), rules and events, in the caller's transaction. */
export async function insertDemoSpaces(
  trx: Transaction<DB>,
  outbox: Outbox,
  random: Random,
  input: { adminId: string; externals: DemoExternal[] },
): Promise<number> {
  const staff = await trx
    .selectFrom('people')
    .select(['id', 'department', 'location', 'manager_id', 'role'])
    .where('kind', '=', 'member')
    .where('status', '=', 'active')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const plans = planSpaces(random, staff, input.externals, input.adminId);
  const now = nowIso();
  for (const plan of plans) {
    const id = newId();
    const row: SpacesTable = {
      id,
      handle: plan.handle,
      name: plan.name,
      description: plan.description,
      guidelines: 'Be kind, be helpful, keep it on topic.',
      category: plan.category,
      audience: plan.audience,
      visibility: plan.visibility,
      is_default: plan.isDefault ? 1 : 0,
      avatar_file_id: null,
      cover_file_id: null,
      search_text: searchTextOf([plan.name, plan.handle, plan.description, plan.category]),
      created_by: plan.owner,
      created_at: now,
      updated_at: now,
      archived_at: null,
    };
    await trx.insertInto('spaces').values(row).execute();
    const roles = new Map<string, SpaceRole>([[plan.owner, 'owner']]);
    for (const member of plan.members) if (!roles.has(member)) roles.set(member, 'member');
    const source: SpaceMembersTable['source'] = plan.isDefault ? 'default' : plan.rule ? 'rule' : 'manual';
    const members = [...roles].map(([person_id, role]) => ({
      space_id: id,
      person_id,
      role,
      source: role === 'owner' ? ('manual' as const) : source,
      joined_at: now,
    }));
    for (let i = 0; i < members.length; i += 200)
      await trx
        .insertInto('space_members')
        .values(members.slice(i, i + 200))
        .execute();
    if (plan.rule)
      await trx
        .insertInto('space_rules')
        .values({
          id: newId(),
          space_id: id,
          field: plan.rule.field,
          value: plan.rule.value,
          created_by: plan.owner,
          created_at: now,
        })
        .execute();
    await outbox.record(trx, {
      name: 'space.created',
      actorId: plan.owner,
      subjectType: 'space',
      subjectId: id,
      spaceId: id,
      payload: { members: members.length },
    });
  }
  return plans.length;
}
