import type { Viewer } from '../../platform/access/people.ts';
import { findVisibleSpace, type Membership } from '../../platform/access/spaces.ts';
import type { SpacesTable } from '../../platform/db/schema.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import { roleAtLeast } from '../spaces/spaces.policy.ts';
import type { Executor } from './membership.repository.ts';

export interface LoadedSpace {
  space: SpacesTable;
  membership: Membership | undefined;
}

/** The space as the viewer may see it; a secret space of a non-member answers exactly like a missing one. */
export async function loadSpace(db: Executor, viewer: Viewer, handle: string): Promise<LoadedSpace> {
  const found = await findVisibleSpace(db, viewer, handle);
  if (!found) throw notFound('No such space.');
  return found;
}

/** Owners and admins of the space manage its membership. */
export function requireManager(loaded: LoadedSpace): void {
  if (!roleAtLeast(loaded.membership, 'admin')) {
    throw forbidden('Only owners and admins of this space can do this.');
  }
}
