import type { PersonRow } from '../../src/modules/people/people.repository.ts';
import { createRecord } from '../../src/modules/records/commands/create-record.ts';
import { createRecordType } from '../../src/modules/records/commands/create-record-type.ts';
import type { FieldDefinitionInput } from '../../src/modules/records/record-fields.ts';
import type { RecordRow, RecordTypeRow } from '../../src/modules/records/records.repository.ts';
import type { SpaceRow } from '../../src/modules/spaces/spaces.repository.ts';
import { nowIso } from '../../src/platform/db/time.ts';
import type { Session } from './factories.ts';
import type { TestApp } from './test-app.ts';

let sequence = 0;
const personOf = (who: PersonRow | Session): PersonRow => ('person' in who ? who.person : who);

/** A small sales-like type: a text, an amount and a stage select. */
export const DEFAULT_RECORD_FIELDS: FieldDefinitionInput[] = [
  { key: 'owner', label: 'Owner', type: 'text' },
  { key: 'amount', label: 'Amount', type: 'money' },
  { key: 'stage', label: 'Stage', type: 'select', options: ['lead', 'won', 'lost'] },
];

export interface RecordTypeOverrides {
  key?: string;
  name?: string;
  fields?: FieldDefinitionInput[];
}

/** Creates a record type through the real command (no acting admin). */
export async function buildRecordType(
  app: TestApp,
  overrides: RecordTypeOverrides = {},
): Promise<RecordTypeRow> {
  sequence += 1;
  return createRecordType(app.ctx, {
    actorId: null,
    ip: null,
    key: overrides.key ?? `type-${sequence}-${Date.now().toString(36)}`,
    name: overrides.name ?? `Type ${sequence}`,
    fields: overrides.fields ?? DEFAULT_RECORD_FIELDS,
  });
}

export interface RecordOverrides {
  /** The type (row or key); a fresh type with DEFAULT_RECORD_FIELDS when omitted. */
  type?: RecordTypeRow | string;
  name?: string;
  fields?: Record<string, string | number | null>;
  externalSystem?: string;
  externalId?: string;
  externalUrl?: string | null;
  /** An employee; the record has no author when omitted. */
  createdBy?: PersonRow | Session;
}

/** Creates a record through the real command, its values checked against the type. */
export async function buildRecord(app: TestApp, overrides: RecordOverrides = {}): Promise<RecordRow> {
  sequence += 1;
  const type = overrides.type ?? (await buildRecordType(app));
  return createRecord(app.ctx, {
    actor: overrides.createdBy ? personOf(overrides.createdBy) : null,
    type: typeof type === 'string' ? type : type.key,
    name: overrides.name ?? `Record ${sequence}`,
    fields: overrides.fields ?? {},
    externalSystem: overrides.externalSystem,
    externalId: overrides.externalId,
    externalUrl: overrides.externalUrl,
  });
}

/** Shares a record into a space directly (the share route has its own tests). */
export async function shareRecordInto(
  app: TestApp,
  record: Pick<RecordRow, 'id'>,
  space: Pick<SpaceRow, 'id'>,
): Promise<void> {
  await app.ctx.db
    .insertInto('record_shares')
    .values({ record_id: record.id, space_id: space.id, shared_by: null, created_at: nowIso() })
    .execute();
}
