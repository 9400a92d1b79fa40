import type { Executor } from '../db/executor.ts';
import type { Viewer } from './people.ts';

/**
 * Whose presence (online, away, offline) a viewer may see, the one place it is decided:
 * - employees see the presence of everyone they can see, which is everyone;
 * - an external person sees their own and that of the people who share a space with them (both hold a
 *   membership of the same space), never anyone else's, whatever else they can reach.
 */
export async function presenceVisibleAmong(
  db: Executor,
  viewer: Viewer,
  personIds: readonly string[],
): Promise<Set<string>> {
  const ids = [...new Set(personIds)];
  if (viewer.kind === 'member') return new Set(ids);
  const visible = new Set(ids.filter((id) => id === viewer.id));
  const others = ids.filter((id) => id !== viewer.id);
  if (others.length === 0) return visible;
  const rows = await db
    .selectFrom('space_members as theirs')
    .innerJoin('space_members as mine', 'mine.space_id', 'theirs.space_id')
    .select('theirs.person_id')
    .distinct()
    .where('mine.person_id', '=', viewer.id)
    .where('theirs.person_id', 'in', others)
    .execute();
  for (const row of rows) visible.add(row.person_id);
  return visible;
}

/** The single-person form, for presence pushes to one socket. */
export async function canSeePresenceOf(db: Executor, viewer: Viewer, personId: string): Promise<boolean> {
  return (await presenceVisibleAmong(db, viewer, [personId])).has(personId);
}
