import type { Viewer } from '../../platform/access/people.ts';
import { findVisibleSpace, type Membership } from '../../platform/access/spaces.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Executor } from '../people/people.repository.ts';
import type { SpaceRow } from './spaces.repository.ts';

/** The one answer for a missing space and for one the viewer may not see: identical bodies. */
export const spaceNotFound = () => notFound('No such space.');

/** The space behind a handle, or 404 when missing or not visible to the viewer (the same answer). */
export async function loadVisibleSpace(
  db: Executor,
  viewer: Viewer,
  handle: string,
): Promise<{ space: SpaceRow; membership: Membership | undefined }> {
  const found = await findVisibleSpace(db, viewer, handle);
  if (!found) throw spaceNotFound();
  return found;
}
