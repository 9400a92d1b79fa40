import type { Kysely } from 'kysely';
import { type Viewer, visiblePeopleFilter } from '../../platform/access/people.ts';
import { visibleSpacesFilter } from '../../platform/access/spaces.ts';
import type { DB } from '../../platform/db/schema.ts';
import { presentSummary } from '../people/people.presenter.ts';
import { readableRecordsFilter } from '../records/record-access.ts';
import { preferencesOf } from './feeds.repository.ts';

const idsOf = (rows: { target_type: string; target_id: string }[], type: string) =>
  rows.filter((row) => row.target_type === type).map((row) => row.target_id);

/** Keeps the order of `ids` (oldest follow first). */
const inOrder = <T extends { id: string }>(ids: string[], rows: T[]): T[] => {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
};

/**
 * Everything I follow or mute, listed only while I may still see it: a space that became secret to me, a
 * record no longer shared with me or a person I no longer share a space with drop out of the list.
 */
export async function myFollows(db: Kysely<DB>, viewer: Viewer) {
  const { follows, mutes } = await preferencesOf(db, viewer.id);
  const spaceIds = [...new Set([...idsOf(follows, 'space'), ...idsOf(mutes, 'space')])];
  const recordIds = idsOf(follows, 'record');
  const personIds = idsOf(mutes, 'person');
  const [spaces, records, people] = await Promise.all([
    spaceIds.length === 0
      ? []
      : db
          .selectFrom('spaces')
          .select(['spaces.id', 'spaces.handle', 'spaces.name'])
          .where('spaces.id', 'in', spaceIds)
          .where(visibleSpacesFilter(db, viewer))
          .execute(),
    recordIds.length === 0
      ? []
      : db
          .selectFrom('records')
          .select(['records.id', 'records.name'])
          .where('records.id', 'in', recordIds)
          .where(readableRecordsFilter(db, viewer))
          .execute(),
    personIds.length === 0
      ? []
      : db
          .selectFrom('people')
          .selectAll('people')
          .where('people.id', 'in', personIds)
          .where(visiblePeopleFilter(viewer))
          .execute(),
  ]);
  return {
    topics: idsOf(follows, 'topic'),
    records: inOrder(recordIds, records),
    spaces: inOrder(idsOf(follows, 'space'), spaces),
    mutes: {
      spaces: inOrder(idsOf(mutes, 'space'), spaces),
      topics: idsOf(mutes, 'topic'),
      people: inOrder(personIds, people).map(presentSummary),
    },
  };
}
