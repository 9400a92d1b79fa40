import type { PersonKind, SiteRole } from '../../lib/types.ts';

/** How roles and kinds read on screen; the same words in lists, dropdowns and messages. */
export const ROLE_LABELS: Record<SiteRole, string> = {
  user: 'User',
  moderator: 'Moderator',
  admin: 'Administrator',
};

export const KIND_LABELS: Record<PersonKind, string> = {
  member: 'Member',
  external: 'External',
};

/** Least to most powerful, as in every role dropdown. */
export const ROLE_OPTIONS = (['user', 'moderator', 'admin'] as const).map((role) => ({
  value: role,
  label: ROLE_LABELS[role],
}));
