import type { Static } from 'typebox';
import type { LiveFields } from '../presence/person-live.ts';
import type { CustomFieldRow, PersonRow } from './people.repository.ts';
import type { PersonSummarySchema } from './people.schema.ts';
import { parseOptions } from './profile-fields.ts';

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

/** A summary with the person's presence and status (looked up for the whole page at once). */
export function presentLiveSummary(row: PersonRow, live: ReadonlyMap<string, LiveFields>): PersonSummary {
  const fields = live.get(row.id);
  return fields ? { ...presentSummary(row), ...fields } : presentSummary(row);
}

export interface ProfileParts {
  email: string | null;
  manager: PersonRow | null;
  /** Presence and status of the person and of their manager. */
  live: ReadonlyMap<string, LiveFields>;
  skills: string[];
  customFields: Array<{ key: string; label: string; type: CustomFieldRow['type']; value: string }>;
  followersCount: number;
  followingCount: number;
  isFollowing: boolean;
  abilities: { edit: boolean; follow: boolean; administer: boolean };
}

/** A profile as the viewer may see it: the parts were already scoped by the access model. */
export function presentProfile(row: PersonRow, parts: ProfileParts) {
  return {
    ...presentLiveSummary(row, parts.live),
    email: parts.email,
    bio: row.bio,
    timeZone: row.time_zone,
    manager: parts.manager ? presentLiveSummary(parts.manager, parts.live) : null,
    skills: parts.skills,
    customFields: parts.customFields,
    followersCount: parts.followersCount,
    followingCount: parts.followingCount,
    isFollowing: parts.isFollowing,
    createdAt: row.created_at,
    abilities: parts.abilities,
  };
}

export function presentCustomField(row: CustomFieldRow) {
  return {
    id: row.id,
    key: row.key,
    label: row.label,
    type: row.type,
    options: parseOptions(row.options),
    visibility: row.visibility,
    position: row.position,
  };
}
