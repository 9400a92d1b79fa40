import { type Viewer, visiblePeopleFilter } from '../../platform/access/people.ts';
import { searchTextOf } from '../people/handles.ts';
import { type Executor, type PersonRow, personMatches } from '../people/people.repository.ts';
import { peopleWhoSee, readersFilter } from './post-body.ts';
import type { ResolvedTarget } from './post-targets.ts';

const SUGGESTIONS = 10;
// The stored search text also holds titles, departments and places; matches on those are dropped after
// the query, so it reads a few more rows than it returns.
const CANDIDATES = 50;
const MAX_WORDS = 4;

/**
 * Active people, other than the viewer, who may read a post made in the target, whom the viewer may see
 * and who may see the viewer (exactly those a mention by the viewer would link), matching every word of `q` in their name or handle (accents and case folded), by name.
 */
export async function mentionSuggestions(
  db: Executor,
  viewer: Viewer,
  target: ResolvedTarget,
  q: string | undefined,
): Promise<PersonRow[]> {
  const words = searchTextOf([q?.replace(/^@/, '')])
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, MAX_WORDS);
  let query = db
    .selectFrom('people')
    .selectAll('people')
    .where('people.status', '=', 'active')
    .where('people.id', '!=', viewer.id)
    .where(visiblePeopleFilter(viewer))
    // Only people a mention by the viewer would reach (see renderPostBody).
    .where(peopleWhoSee(viewer))
    .where(readersFilter(db, { type: target.type, space: target.space }));
  for (const word of words) query = query.where(personMatches(word, false));
  const rows = await query.orderBy('people.name').orderBy('people.id').limit(CANDIDATES).execute();
  return rows
    .filter((row) => {
      const text = searchTextOf([row.name, row.handle]);
      return words.every((word) => text.includes(word));
    })
    .slice(0, SUGGESTIONS);
}
