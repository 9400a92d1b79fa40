import type { SpaceAudience, SpaceRole, SpaceRuleField, SpaceVisibility } from '@atrium/contracts';
import type { Me, PersonSummary } from '../../lib/types.ts';

export type { SpaceAudience, SpaceRole, SpaceRuleField, SpaceVisibility };

export interface SpaceAbilities {
  read: boolean;
  join: boolean;
  requestToJoin: boolean;
  leave: boolean;
  invite: boolean;
  manageMembers: boolean;
  manageSettings: boolean;
  archive: boolean;
  changeAudience: boolean;
  delete: boolean;
}

export interface SpaceSummary {
  id: string;
  handle: string;
  name: string;
  description: string | null;
  category: string | null;
  audience: SpaceAudience;
  visibility: SpaceVisibility;
  isDefault: boolean;
  archived: boolean;
  avatarUrl: string | null;
  coverUrl: string | null;
  memberCount: number | null;
  membership: { role: SpaceRole } | null;
  joinRequest: { id: string; status: 'pending' } | null;
  abilities: SpaceAbilities;
}

export interface SpaceRule {
  id: string;
  field: SpaceRuleField;
  value: string;
}

export interface Space extends SpaceSummary {
  guidelines: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy: PersonSummary | null;
  rules: SpaceRule[];
}

export interface SpaceMember {
  person: PersonSummary;
  role: SpaceRole;
  source: 'manual' | 'rule' | 'default';
  joinedAt: string;
}

export interface JoinRequest {
  id: string;
  person: PersonSummary;
  message: string | null;
  status: 'pending' | 'approved' | 'declined';
  createdAt: string;
  decidedAt: string | null;
  decidedBy: PersonSummary | null;
}

export type SpaceInvitationStatus = 'pending' | 'accepted' | 'declined' | 'revoked' | 'expired';

export interface SpaceInvitation {
  id: string;
  /** Null when the invitee is someone whose email the viewer may not see. */
  email: string | null;
  person: PersonSummary | null;
  role: SpaceRole;
  status: SpaceInvitationStatus;
  invitedBy: PersonSummary | null;
  createdAt: string;
  expiresAt: string;
}

export interface MySpaceInvitation extends SpaceInvitation {
  space: SpaceSummary;
}

export interface SpaceInvitationPreview {
  email: string;
  space: { name: string; handle: string; audience: SpaceAudience };
  invitedBy: { name: string } | null;
  personExists: boolean;
}

export type { Me };
