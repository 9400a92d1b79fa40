import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { plantedBug } from './planted-bugs.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * People per query: under every dialect's limit on bound parameters, and small enough that one query on
 * the synchronous SQLite driver holds the event loop for about a millisecond (10k ids at once held it for
 * 20–40 ms, which HTTP requests waited out).
 */
const CHUNK = 500;

/**
 * Of these people, the ones who may read the post now: `canReadPost` (posts.ts) turned around, for a
 * whole audience in one query per 500 people, as live deliveries need it at send time, with a turn of
 * the event loop between queries. Only active people read; a missing post has no readers.
 *
 * - company feed, profile and record posts: employees (`member` kind);
 * - space posts: members of the space, and people of its audience when the space is open;
 * - deleted posts: nobody, unless `asBeforeDeletion` asks who read it until it was deleted (the news
 *   of a deletion goes to them, and only to them);
 * - hidden posts: their author and moderators (site admins and moderators, the space's owners, admins
 *   and moderators), unless `asBeforeHiding` asks who read it until it was hidden.
 */
export async function readersAmong(
  db: Executor,
  postId: string,
  personIds: readonly string[],
  options: { asBeforeDeletion?: boolean; asBeforeHiding?: boolean } = {},
): Promise<Set<string>> {
  const ids = [...new Set(personIds)];
  const readers = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    if (i > 0) await nextTurn();
    const rows = await readersQuery(db, postId, ids.slice(i, i + CHUNK), options);
    for (const row of rows) readers.add(row.id);
  }
  return readers;
}

function readersQuery(
  db: Executor,
  postId: string,
  ids: string[],
  options: { asBeforeDeletion?: boolean; asBeforeHiding?: boolean },
) {
  if (ids.length === 0) return Promise.resolve([]);
  // Test-only fault injection (planted-bugs.ts), mirrored from canReadPost so both always agree.
  const everyKindReadsOutsideSpaces = plantedBug('external-reads-company-posts');
  let query = db
    .selectFrom('people')
    .innerJoin('posts', (join) => join.on('posts.id', '=', postId))
    .leftJoin('spaces', 'spaces.id', 'posts.space_id')
    .leftJoin('space_members', (join) =>
      join
        .onRef('space_members.space_id', '=', 'posts.space_id')
        .onRef('space_members.person_id', '=', 'people.id'),
    )
    .select('people.id')
    .where('people.id', 'in', ids)
    .where('people.status', '=', 'active');
  if (options.asBeforeDeletion !== true) query = query.where('posts.deleted_at', 'is', null);
  // A hidden post reads only for its author and its moderators, as `loadReadablePost` has it.
  if (options.asBeforeHiding !== true)
    query = query.where((eb) =>
      eb.or([
        eb('posts.hidden_at', 'is', null),
        eb('people.id', '=', eb.ref('posts.author_id')),
        eb('people.role', 'in', ['admin', 'moderator']),
        eb('space_members.role', 'in', ['owner', 'admin', 'moderator']),
      ]),
    );
  return query
    .where((eb) =>
      eb.or([
        eb.and([
          eb('posts.target_type', '!=', 'space'),
          ...(everyKindReadsOutsideSpaces ? [] : [eb('people.kind', '=', 'member')]),
        ]),
        eb.and([
          eb('posts.target_type', '=', 'space'),
          eb('spaces.id', 'is not', null),
          eb.or([
            eb('space_members.person_id', 'is not', null),
            eb.and([
              eb('spaces.visibility', '=', 'open'),
              eb.or([eb('spaces.audience', '=', 'external'), eb('people.kind', '=', 'member')]),
            ]),
          ]),
        ]),
      ]),
    )
    .execute();
}
