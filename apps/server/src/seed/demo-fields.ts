import type { CustomFieldType, FieldVisibility } from '@atrium/contracts';
import type { Transaction } from 'kysely';
import type { CustomFieldValuesTable, DB } from '../platform/db/schema.ts';
import { newId, nowIso } from '../platform/db/time.ts';
import type { Outbox } from '../platform/events/outbox.ts';
import { ALL_TEAMS } from './demo-departments.ts';
import type { DemoPerson } from './demo-org.ts';

interface DemoField {
  key: string;
  label: string;
  type: CustomFieldType;
  visibility: FieldVisibility;
  options: readonly string[];
  valueOf(person: DemoPerson): string | null;
}

export const DEMO_FIELDS: readonly DemoField[] = [
  {
    key: 'pronouns',
    label: 'Pronouns',
    type: 'text',
    visibility: 'everyone',
    options: [],
    valueOf: (p) => p.pronouns,
  },
  {
    key: 'employee_id',
    label: 'Employee ID',
    type: 'text',
    visibility: 'members',
    options: [],
    valueOf: (p) => p.employeeId,
  },
  {
    key: 'start_date',
    label: 'Start date',
    type: 'date',
    visibility: 'everyone',
    options: [],
    valueOf: (p) => p.startDate,
  },
  {
    key: 'team',
    label: 'Team',
    type: 'select',
    visibility: 'everyone',
    options: ALL_TEAMS,
    valueOf: (p) => p.team,
  },
  {
    key: 'linkedin',
    label: 'LinkedIn',
    type: 'url',
    visibility: 'everyone',
    options: [],
    valueOf: (p) => p.linkedIn,
  },
];

interface ResolvedField {
  id: string;
  field: DemoField;
  /** For a select field that already existed: only its own options may be stored. */
  allowed: Set<string> | null;
}

/**
 * Creates the demo's profile fields that are missing (matched by key, or by label when an administrator
 * already made one). A same-named field of another type is left alone and gets no demo values.
 */
export async function ensureDemoFields(trx: Transaction<DB>, outbox: Outbox): Promise<ResolvedField[]> {
  const existing = await trx.selectFrom('custom_fields').selectAll().execute();
  let position = existing.reduce((max, f) => Math.max(max, Number(f.position)), -1);
  const resolved: ResolvedField[] = [];
  for (const field of DEMO_FIELDS) {
    const match =
      existing.find((f) => f.key === field.key) ??
      existing.find((f) => f.label.toLowerCase() === field.label.toLowerCase());
    if (match) {
      if (match.type !== field.type) continue;
      const allowed = match.type === 'select' ? new Set(JSON.parse(match.options) as string[]) : null;
      resolved.push({ id: match.id, field, allowed });
      continue;
    }
    const now = nowIso();
    position += 1;
    const row = {
      id: newId(),
      key: field.key,
      label: field.label,
      type: field.type,
      options: JSON.stringify(field.options),
      visibility: field.visibility,
      position,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('custom_fields').values(row).execute();
    await outbox.record(trx, {
      name: 'admin.custom_field_changed',
      actorId: null,
      subjectType: 'custom_field',
      subjectId: row.id,
      payload: { change: 'created', key: row.key },
    });
    resolved.push({ id: row.id, field, allowed: null });
  }
  return resolved;
}

/** The stored custom-field values of one person. */
export function fieldValuesOf(
  person: DemoPerson,
  personId: string,
  fields: readonly ResolvedField[],
): CustomFieldValuesTable[] {
  const rows: CustomFieldValuesTable[] = [];
  for (const { id, field, allowed } of fields) {
    const value = field.valueOf(person);
    if (value === null || (allowed && !allowed.has(value))) continue;
    rows.push({ person_id: personId, field_id: id, value });
  }
  return rows;
}
