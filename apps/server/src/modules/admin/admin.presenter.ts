import type { AuditLogTable, CustomFieldsTable, InternalDomainsTable } from '../../platform/db/schema.ts';
import { type PersonSummary, presentSummary } from '../people/people.presenter.ts';
import type { PersonRow } from '../people/people.repository.ts';

/** A person as administrators see them: the summary plus email and account dates. */
export function presentAdminPerson(row: PersonRow) {
  return {
    ...presentSummary(row),
    email: row.email,
    createdAt: row.created_at,
    deactivatedAt: row.deactivated_at,
  };
}

export function presentAuditEntry(row: AuditLogTable, actors: Map<string, PersonRow>) {
  const actor = row.actor_id === null ? undefined : actors.get(row.actor_id);
  return {
    id: row.id,
    actor: actor ? (presentSummary(actor) satisfies PersonSummary) : null,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    ip: row.ip,
    data: parseData(row.data),
    createdAt: row.created_at,
  };
}

function parseData(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

export const presentDomain = (row: Pick<InternalDomainsTable, 'domain' | 'created_at'>) => ({
  domain: row.domain,
  createdAt: row.created_at,
});

export function presentCustomField(row: CustomFieldsTable) {
  return {
    id: row.id,
    key: row.key,
    label: row.label,
    type: row.type,
    options: JSON.parse(row.options) as string[],
    visibility: row.visibility,
    position: row.position,
  };
}
