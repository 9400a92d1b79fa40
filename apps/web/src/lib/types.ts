import type {
  Availability,
  CustomFieldType,
  FieldVisibility,
  PersonKind,
  PersonStatus,
  PresenceState,
  SiteRole,
  TokenScope,
} from '@atrium/contracts';

export type {
  Availability,
  CustomFieldType,
  FieldVisibility,
  PersonKind,
  PersonStatus,
  PresenceState,
  SiteRole,
  TokenScope,
};

/** What a person says they are doing (null on a summary when they are plainly available). */
export interface CurrentStatus {
  availability: Availability;
  message: string | null;
  /** When it lapses back to available. */
  until: string | null;
}

export interface PersonSummary {
  id: string;
  handle: string;
  name: string;
  kind: PersonKind;
  role: SiteRole;
  status: PersonStatus;
  title: string | null;
  department: string | null;
  location: string | null;
  organization: string | null;
  avatarUrl: string | null;
  /** Where shown (directory, profiles, mention suggestions); null when the viewer may not see it. */
  presence?: PresenceState | null;
  currentStatus?: CurrentStatus | null;
}

export interface Me {
  person: PersonSummary & { email: string };
  csrfToken: string | null;
  abilities: { administer: boolean; moderate: boolean; browseDirectory: boolean };
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Profile extends PersonSummary {
  email: string | null;
  bio: string | null;
  timeZone: string | null;
  manager: PersonSummary | null;
  skills: string[];
  customFields: Array<{ key: string; label: string; type: CustomFieldType; value: string | null }>;
  followersCount: number;
  followingCount: number;
  isFollowing: boolean;
  createdAt: string;
  abilities: { edit: boolean; follow: boolean; administer: boolean };
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface Facets {
  departments: FacetValue[];
  locations: FacetValue[];
  skills: FacetValue[];
}

export interface OrgChart {
  chain: PersonSummary[];
  reports: PersonSummary[];
}

export interface CustomField {
  id: string;
  key: string;
  label: string;
  type: CustomFieldType;
  options: string[];
  visibility: FieldVisibility;
  position: number;
}

export interface Session {
  id: string;
  createdAt: string;
  lastSeenAt: string | null;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

export interface ApiToken {
  id: string;
  name: string;
  scopes: TokenScope[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface AdminPerson extends PersonSummary {
  email: string;
  createdAt: string;
  deactivatedAt: string | null;
}

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export interface Invitation {
  id: string;
  email: string;
  kind: PersonKind;
  role: SiteRole;
  status: InvitationStatus;
  invitedBy: PersonSummary | null;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

export interface InvitationPreview {
  email: string;
  kind: PersonKind;
  invitedBy: { name: string } | null;
}

export interface InternalDomain {
  domain: string;
  createdAt: string;
}

export interface AuditEntry {
  id: string;
  actor: PersonSummary | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  data: unknown;
  createdAt: string;
}
