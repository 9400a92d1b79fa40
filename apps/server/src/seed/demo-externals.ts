import type { Transaction } from 'kysely';
import { handleBase, searchTextOf } from '../modules/people/handles.ts';
import type { DB, PeopleTable } from '../platform/db/schema.ts';
import { newId, nowIso } from '../platform/db/time.ts';
import type { Outbox } from '../platform/events/outbox.ts';
import { NAME_REGIONS, REGION_KEYS } from './names.ts';
import type { Random } from './random.ts';

// The documented login; the account is external although its domain is the company's (a fixture,
// not an invitation: invitations decide the kind by domain).
export const DEMO_CUSTOMER_EMAIL = 'customer@demo.atrium.test';

/** Customer and partner organizations of the demo company (reserved `.example` domains). */
const CUSTOMERS: ReadonlyArray<readonly [string, string]> = [
  ['Northwind Traders', 'northwind.example'],
  ['Contoso Health', 'contoso-health.example'],
  ['Fabrikam Logistics', 'fabrikam.example'],
  ['Tailspin Airlines', 'tailspin.example'],
  ['Wide World Importers', 'wideworld.example'],
  ['Lakeshore Credit Union', 'lakeshore.example'],
  ['Blue Yonder Retail', 'blueyonder.example'],
  ['Proseware Media', 'proseware.example'],
];
const PARTNERS: ReadonlyArray<readonly [string, string]> = [
  ['Adatum Consulting', 'adatum.example'],
  ['Litware Systems', 'litware.example'],
  ['Trey Research', 'treyresearch.example'],
  ['Coho Integrations', 'coho.example'],
];

const CUSTOMER_TITLES = [
  'Operations Manager',
  'IT Administrator',
  'Support Lead',
  'Analyst',
  'Product Owner',
  'CIO',
];
const PARTNER_TITLES = [
  'Solutions Architect',
  'Partner Manager',
  'Implementation Consultant',
  'Account Executive',
];

export interface DemoExternal {
  id: string;
  group: 'customer' | 'partner';
  email: string;
}

function pickName(random: Random): string {
  const region = NAME_REGIONS[random.pick(REGION_KEYS)];
  const first = random.chance(0.5) ? random.pick(region.female) : random.pick(region.male);
  return `${first} ${random.pick(region.last)}`;
}

/**
 * About 100 customers and 30 partner people, external to the company, each with an organization. The
 * demo customer account is one of them. Handles avoid those already taken.
 */
export async function insertDemoExternals(
  trx: Transaction<DB>,
  outbox: Outbox,
  random: Random,
  options: { passwordHash: string; takenHandles: Set<string> },
): Promise<DemoExternal[]> {
  const now = nowIso();
  const rows: PeopleTable[] = [];
  const out: DemoExternal[] = [];
  const plan: Array<{ group: 'customer' | 'partner'; count: number }> = [
    { group: 'customer', count: 100 },
    { group: 'partner', count: 30 },
  ];
  for (const { group, count } of plan) {
    for (let i = 0; i < count; i++) {
      const demoAccount = group === 'customer' && i === 0;
      const [organization, domain] = random.pick(group === 'customer' ? CUSTOMERS : PARTNERS);
      const name = demoAccount ? 'Casey Morgan' : pickName(random);
      const base = handleBase(name);
      let handle = base;
      for (let n = 2; options.takenHandles.has(handle); n++) handle = `${base}${n}`;
      options.takenHandles.add(handle);
      const email = demoAccount ? DEMO_CUSTOMER_EMAIL : `${handle}@${domain}`;
      const title = random.pick(group === 'customer' ? CUSTOMER_TITLES : PARTNER_TITLES);
      const id = newId();
      rows.push({
        id,
        email,
        password_hash: demoAccount && options.passwordHash !== '' ? options.passwordHash : null,
        name,
        handle,
        kind: 'external',
        role: 'user',
        status: 'active',
        title,
        department: null,
        location: null,
        manager_id: null,
        bio: null,
        time_zone: null,
        organization,
        avatar_file_id: null,
        search_text: searchTextOf([name, handle, title, organization]),
        created_at: now,
        updated_at: now,
        deactivated_at: null,
      });
      out.push({ id, group, email });
    }
  }
  for (let i = 0; i < rows.length; i += 100) {
    const batch = rows.slice(i, i + 100);
    await trx.insertInto('people').values(batch).execute();
    for (const row of batch) {
      await outbox.record(trx, {
        name: 'person.joined',
        actorId: null,
        subjectType: 'person',
        subjectId: row.id,
        payload: { kind: 'external' },
      });
    }
  }
  return out;
}
