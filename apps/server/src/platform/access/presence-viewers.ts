import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Executor } from '../db/executor.ts';

/** Small enough that one query holds the event loop about a millisecond (see post-readers.ts). */
const CHUNK = 500;

/**
 * Of these people, the ones who may see this person's presence now: `presenceVisibleAmong`
 * (presence.ts) turned around, for a whole audience in one query per 500 people, as presence pushes need it at send
 * time. Only active people see anything.
 * - employees see everyone's presence;
 * - an external person sees their own, and that of the people who share a space with them.
 */
export async function presenceViewersAmong(
  db: Executor,
  personId: string,
  recipientIds: readonly string[],
): Promise<Set<string>> {
  const ids = [...new Set(recipientIds)];
  const viewers = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    if (i > 0) await nextTurn();
    const chunk = ids.slice(i, i + CHUNK);
    const coMembers = db
      .selectFrom('space_members as theirs')
      .innerJoin('space_members as mine', 'mine.space_id', 'theirs.space_id')
      .select('mine.person_id')
      .where('theirs.person_id', '=', personId);
    const rows = await db
      .selectFrom('people')
      .select('people.id')
      .where('people.id', 'in', chunk)
      .where('people.status', '=', 'active')
      .where((eb) =>
        eb.or([
          eb('people.kind', '=', 'member'),
          eb('people.id', '=', personId),
          eb('people.id', 'in', coMembers),
        ]),
      )
      .execute();
    for (const row of rows) viewers.add(row.id);
  }
  return viewers;
}
