import type {
  CustomFieldType,
  FieldVisibility,
  PersonKind,
  PersonStatus,
  SiteRole,
  SpaceAudience,
  SpaceRole,
  SpaceVisibility,
} from '@atrium/contracts';
import type { ConversationTables } from './schema-conversation.ts';
import type { LiveTables } from './schema-live.ts';

/**
 * Table types shared by both dialects. Timestamps are ISO-8601 UTC strings with milliseconds and booleans
 * are 0/1 integers, so rows look the same on SQLite and PostgreSQL (see docs/adr/0003).
 */
export interface PeopleTable {
  id: string;
  email: string;
  password_hash: string | null;
  name: string;
  handle: string;
  kind: PersonKind;
  role: SiteRole;
  status: PersonStatus;
  title: string | null;
  department: string | null;
  location: string | null;
  manager_id: string | null;
  bio: string | null;
  time_zone: string | null;
  organization: string | null;
  avatar_file_id: string | null;
  search_text: string;
  created_at: string;
  updated_at: string;
  deactivated_at: string | null;
}

export interface PersonSkillsTable {
  person_id: string;
  skill_key: string;
  label: string;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  person_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  person_id: string;
  name: string;
  token_hash: string;
  scopes: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface InvitationsTable {
  id: string;
  email: string;
  kind: PersonKind;
  role: SiteRole;
  token_hash: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_person_id: string | null;
  revoked_at: string | null;
  /** The email while the invitation is open (unique), null once accepted, revoked or replaced. */
  open_email: string | null;
}

export interface PasswordResetsTable {
  id: string;
  person_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuditLogTable {
  id: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  data: string;
  created_at: string;
}

export interface InternalDomainsTable {
  domain: string;
  created_by: string | null;
  created_at: string;
}

export interface CustomFieldsTable {
  id: string;
  key: string;
  label: string;
  type: CustomFieldType;
  options: string;
  visibility: FieldVisibility;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface CustomFieldValuesTable {
  person_id: string;
  field_id: string;
  value: string;
}

export interface FollowsTable {
  follower_id: string;
  followee_id: string;
  created_at: string;
}

export interface FilesTable {
  id: string;
  owner_id: string | null;
  purpose: string;
  storage_key: string;
  mime_type: string;
  byte_size: number;
  created_at: string;
  /** The uploaded file name, for attachments. */
  name: string | null;
  width: number | null;
  height: number | null;
  thumbnail_key: string | null;
}

export interface EventsTable {
  id: string;
  name: string;
  actor_id: string | null;
  subject_type: string | null;
  subject_id: string | null;
  space_id: string | null;
  payload: string;
  created_at: string;
}

export interface EventDeliveriesTable {
  event_id: string;
  handler: string;
  status: 'pending' | 'done' | 'dead';
  attempts: number;
  next_attempt_at: string;
  locked_until: string | null;
  last_error: string | null;
  updated_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface SpacesTable {
  id: string;
  handle: string;
  name: string;
  description: string;
  guidelines: string;
  category: string | null;
  audience: SpaceAudience;
  visibility: SpaceVisibility;
  is_default: number;
  avatar_file_id: string | null;
  cover_file_id: string | null;
  search_text: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface SpaceMembersTable {
  space_id: string;
  person_id: string;
  role: SpaceRole;
  /** How the membership came about: 'manual' (join, invitation, approval), 'rule' or 'default'. */
  source: 'manual' | 'rule' | 'default';
  joined_at: string;
}

export interface SpaceJoinRequestsTable {
  id: string;
  space_id: string;
  person_id: string;
  message: string;
  status: 'pending' | 'approved' | 'declined' | 'cancelled';
  open_key: string | null;
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
}

export interface SpaceInvitationsTable {
  id: string;
  space_id: string;
  email: string;
  person_id: string | null;
  role: SpaceRole;
  token_hash: string;
  open_key: string | null;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_person_id: string | null;
  declined_at: string | null;
  revoked_at: string | null;
}

export interface SpaceRulesTable {
  id: string;
  space_id: string;
  field: 'department' | 'location';
  value: string;
  created_by: string | null;
  created_at: string;
}

export interface DB extends ConversationTables, LiveTables {
  people: PeopleTable;
  person_skills: PersonSkillsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  invitations: InvitationsTable;
  password_resets: PasswordResetsTable;
  audit_log: AuditLogTable;
  internal_domains: InternalDomainsTable;
  custom_fields: CustomFieldsTable;
  custom_field_values: CustomFieldValuesTable;
  follows: FollowsTable;
  files: FilesTable;
  events: EventsTable;
  event_deliveries: EventDeliveriesTable;
  settings: SettingsTable;
  spaces: SpacesTable;
  space_members: SpaceMembersTable;
  space_join_requests: SpaceJoinRequestsTable;
  space_invitations: SpaceInvitationsTable;
  space_rules: SpaceRulesTable;
}
