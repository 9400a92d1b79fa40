export const PERSON_KINDS = ['member', 'external'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export const SITE_ROLES = ['admin', 'moderator', 'user'] as const;
export type SiteRole = (typeof SITE_ROLES)[number];

export const PERSON_STATUSES = ['active', 'deactivated'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

export const TOKEN_SCOPES = ['read', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const CUSTOM_FIELD_TYPES = ['text', 'select', 'url', 'date'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export const FIELD_VISIBILITIES = ['everyone', 'members'] as const;
export type FieldVisibility = (typeof FIELD_VISIBILITIES)[number];

export const DEPARTMENTS = [
  'Sales',
  'Marketing',
  'Engineering',
  'Support',
  'Product',
  'HR',
  'Finance',
  'Legal',
] as const;

export const SPACE_AUDIENCES = ['internal', 'external'] as const;
export type SpaceAudience = (typeof SPACE_AUDIENCES)[number];

export const SPACE_VISIBILITIES = ['open', 'private', 'secret'] as const;
export type SpaceVisibility = (typeof SPACE_VISIBILITIES)[number];

/** Ordered from most to least powerful. */
export const SPACE_ROLES = ['owner', 'admin', 'moderator', 'member'] as const;
export type SpaceRole = (typeof SPACE_ROLES)[number];

export const SPACE_RULE_FIELDS = ['department', 'location'] as const;
export type SpaceRuleField = (typeof SPACE_RULE_FIELDS)[number];

export const POST_KINDS = ['update', 'question', 'poll', 'praise', 'announcement'] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** Where a post lives: exactly one of these. */
export const POST_TARGET_TYPES = ['company', 'space', 'person', 'record'] as const;
export type PostTargetType = (typeof POST_TARGET_TYPES)[number];

/** The fixed reaction set; one of each kind per person per post or comment. */
export const REACTION_KINDS = ['like', 'love', 'celebrate', 'insightful', 'thanks', 'funny'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

export const PRAISE_BADGES = [
  'thank_you',
  'team_player',
  'above_and_beyond',
  'great_idea',
  'customer_hero',
  'mentor',
] as const;
export type PraiseBadge = (typeof PRAISE_BADGES)[number];

export const RECORD_FIELD_TYPES = ['text', 'number', 'money', 'date', 'url', 'select'] as const;
export type RecordFieldType = (typeof RECORD_FIELD_TYPES)[number];
