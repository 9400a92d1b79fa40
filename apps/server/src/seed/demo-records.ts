import { v7 } from 'uuid';
import { recordSearchText } from '../modules/records/commands/record-input.ts';
import type { RecordsTable, RecordTypesTable } from '../platform/db/schema-conversation.ts';
import type { ContentWriter } from './content-writer.ts';
import type { Random } from './random.ts';

/**
 * The demo's records: campaigns, accounts, opportunities and products, as a CRM would push them (each
 * with its external id and a link back). Products are shared into the customer communities.
 */
export interface DemoRecord {
  id: string;
  type: 'campaign' | 'account' | 'opportunity' | 'product';
  name: string;
}

const ACCOUNTS = [
  'Northwind Traders',
  'Contoso Health',
  'Fabrikam Logistics',
  'Tailspin Airlines',
  'Wide World Importers',
  'Adventure Works',
  'Litware Labs',
  'Proseware Bank',
  'Lucerne Publishing',
  'Woodgrove Insurance',
  'Fourth Coffee',
  'Alpine Ski House',
  'Blue Yonder Energy',
  'Coho Winery',
  'Graphic Design Institute',
  'Humongous Retail',
  "Margie's Travel",
  'Trey Research',
  'VanArsdel Foods',
  'Wingtip Toys',
];
const CAMPAIGNS = [
  'Spring Product Launch',
  'Healthcare Webinar Series',
  'Partner Summit',
  'Year-End Renewal Push',
  'Customer Stories Video',
  'Trade Show: CloudExpo',
  'Free Trial Nurture',
  'Analyst Day',
];
const PRODUCTS = ['Atlas Analytics', 'Atlas Mobile', 'Atlas Connect API', 'Atlas Insights'];
const STAGES = ['Prospecting', 'Qualification', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost'];

const field = (key: string, label: string, type: string, options: string[] = [], required = false) => ({
  key,
  label,
  type,
  options,
  required,
});

const TYPES: Array<{ key: DemoRecord['type']; name: string; fields: unknown[] }> = [
  {
    key: 'campaign',
    name: 'Campaign',
    fields: [
      field('status', 'Status', 'select', ['Planned', 'Active', 'Done'], true),
      field('budget', 'Budget', 'money'),
      field('starts', 'Start date', 'date'),
    ],
  },
  {
    key: 'account',
    name: 'Account',
    fields: [
      field('industry', 'Industry', 'text'),
      field('tier', 'Tier', 'select', ['Enterprise', 'Mid-market', 'SMB']),
      field('website', 'Website', 'url'),
    ],
  },
  {
    key: 'opportunity',
    name: 'Opportunity',
    fields: [
      field('stage', 'Stage', 'select', STAGES, true),
      field('amount', 'Amount', 'money'),
      field('close', 'Close date', 'date'),
    ],
  },
  { key: 'product', name: 'Product', fields: [field('version', 'Current version', 'text')] },
];

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function demoRecords(
  writer: ContentWriter,
  random: Random,
  adminId: string,
  at: number,
): DemoRecord[] {
  const created = new Date(at).toISOString();
  const typeIds = new Map<string, string>();
  const types: RecordTypesTable[] = TYPES.map((t) => {
    const id = v7({ msecs: at });
    typeIds.set(t.key, id);
    return {
      id,
      key: t.key,
      name: t.name,
      fields: JSON.stringify(t.fields),
      created_by: adminId,
      created_at: created,
      updated_at: created,
      archived_at: null,
    };
  });
  const records: RecordsTable[] = [];
  const out: DemoRecord[] = [];
  const add = (type: DemoRecord['type'], name: string, fields: Record<string, string | number>) => {
    const id = v7({ msecs: at });
    const externalId = `${type.slice(0, 3).toUpperCase()}-${1000 + records.length}`;
    records.push({
      id,
      type_id: typeIds.get(type) ?? '',
      name,
      external_system: 'crm',
      external_id: externalId,
      external_url: `https://crm.example.com/${type}/${externalId}`,
      fields: JSON.stringify(fields),
      search_text: recordSearchText(name, externalId, fields),
      created_by: adminId,
      created_at: created,
      updated_at: created,
    });
    out.push({ id, type, name });
  };
  for (const name of CAMPAIGNS)
    add('campaign', name, {
      status: random.pick(['Planned', 'Active', 'Done']),
      budget: random.int(5, 120) * 1000,
      starts: '2026-09-01',
    });
  for (const name of ACCOUNTS)
    add('account', name, {
      industry: random.pick(['Healthcare', 'Retail', 'Finance', 'Manufacturing', 'Travel']),
      tier: random.pick(['Enterprise', 'Mid-market', 'SMB']),
      website: `https://www.${slug(name)}.example`,
    });
  for (const account of ACCOUNTS.slice(0, 16))
    add('opportunity', `${account} — ${random.pick(['Expansion', 'New business', 'Renewal'])}`, {
      stage: random.pick(STAGES),
      amount: random.int(10, 400) * 1000,
      close: '2026-12-15',
    });
  for (const name of PRODUCTS) add('product', name, { version: `${random.int(3, 5)}.${random.int(0, 9)}` });
  writer.add('record_types', types);
  writer.add('records', records);
  return out;
}
