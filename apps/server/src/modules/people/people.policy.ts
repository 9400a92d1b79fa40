import type { Viewer } from '../../platform/access/people.ts';
import type { PersonRow } from './people.repository.ts';

/** Profiles are edited by their owner, or by a site admin (whose edits are audited). */
export const canEditProfile = (actor: Viewer, person: Pick<PersonRow, 'id'>): boolean =>
  actor.id === person.id || actor.role === 'admin';

/** An edit counts as an administrative one when an admin changes someone else's profile. */
export const isAdminEdit = (actor: Viewer, person: Pick<PersonRow, 'id'>): boolean =>
  actor.id !== person.id && actor.role === 'admin';

/** Nobody follows themselves, and a deactivated person gains no new followers. */
export const canFollow = (actor: Viewer, person: Pick<PersonRow, 'id' | 'status'>): boolean =>
  actor.id !== person.id && person.status === 'active';

export const canAdminister = (actor: Viewer): boolean => actor.role === 'admin';
