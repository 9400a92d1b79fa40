import type { Static } from 'typebox';
import type { PersonRow } from './people.repository.ts';
import type { PersonSummarySchema } from './people.schema.ts';

export type PersonSummary = Static<typeof PersonSummarySchema>;

export const avatarUrlOf = (
  row: Pick<PersonRow, 'avatar_file_id' | 'handle'>,
  size: 'small' | 'large' = 'small',
) => (row.avatar_file_id ? `/api/v1/people/${row.handle}/avatar?size=${size}&v=${row.avatar_file_id}` : null);

export function presentSummary(row: PersonRow): PersonSummary {
  return {
    id: row.id,
    handle: row.handle,
    name: row.name,
    kind: row.kind,
    role: row.role,
    status: row.status,
    title: row.title,
    department: row.department,
    location: row.location,
    organization: row.organization,
    avatarUrl: avatarUrlOf(row),
  };
}
