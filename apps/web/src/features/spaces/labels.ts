import type { SelectOption } from '../../components/ui/index.ts';
import type { SpaceAudience, SpaceRole, SpaceVisibility } from './types.ts';

export const ROLE_LABELS: Record<SpaceRole, string> = {
  owner: 'Owner',
  admin: 'Admin',
  moderator: 'Moderator',
  member: 'Member',
};

export const AUDIENCE_LABELS: Record<SpaceAudience, string> = {
  internal: 'Internal',
  external: 'External community',
};

export const VISIBILITY_LABELS: Record<SpaceVisibility, string> = {
  open: 'Open',
  private: 'Private',
  secret: 'Secret',
};

/** One line on who sees what, shown next to each choice. */
export const VISIBILITY_HINTS: Record<SpaceVisibility, string> = {
  open: 'Listed in the directory; anyone it is meant for can read it and join.',
  private: 'Listed by name and description only; people ask to join and an admin of the space approves.',
  secret: 'Not listed anywhere; only members know it exists. Joining is by invitation only.',
};

export const AUDIENCE_HINTS: Record<SpaceAudience, string> = {
  internal: 'Employees only. External people can never be added.',
  external: 'Employees and external people such as customers or partners.',
};

export const AUDIENCE_OPTIONS: SelectOption[] = [
  { value: 'internal', label: AUDIENCE_LABELS.internal },
  { value: 'external', label: AUDIENCE_LABELS.external },
];

export const ROLE_OPTIONS: SelectOption[] = (['owner', 'admin', 'moderator', 'member'] as const).map(
  (role) => ({ value: role, label: ROLE_LABELS[role] }),
);
