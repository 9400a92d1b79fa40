import type { Transaction } from 'kysely';
import { visiblePeopleFilter } from '../../../platform/access/people.ts';
import { canReadPost } from '../../../platform/access/posts.ts';
import type { Membership } from '../../../platform/access/spaces.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { PostsTable } from '../../../platform/db/schema-conversation.ts';
import { badRequest } from '../../../platform/http/errors.ts';
import { peopleWhoSee } from '../post-body.ts';

/**
 * Refuses praise for anyone who is not an active person the author may see, who may see the author
 * (ACCESS-MODEL invariant 4, as for mentions) and who may read the post. A missing person, one the author
 * may not see, one who may not see the author, a deactivated one and one who cannot read the post all get
 * the same answer, so the check reveals nothing about who exists.
 */
export async function assertPraisable(
  trx: Transaction<DB>,
  post: PostsTable,
  recipientIds: readonly string[],
): Promise<void> {
  if (recipientIds.length === 0) return;
  const author = await trx
    .selectFrom('people')
    .select(['id', 'kind', 'role'])
    .where('id', '=', post.author_id)
    .executeTakeFirstOrThrow();
  const people = await trx
    .selectFrom('people')
    .select(['people.id', 'people.kind', 'people.role'])
    .where('people.id', 'in', [...recipientIds])
    .where('people.status', '=', 'active')
    .where(visiblePeopleFilter(author))
    .where(peopleWhoSee(author))
    .execute();
  const found = new Map(people.map((person) => [person.id, person]));
  const { space, memberships } = await spaceOfPost(trx, post, recipientIds);
  recipientIds.forEach((id, index) => {
    const person = found.get(id);
    if (!person || !canReadPost(person, post, space, memberships.get(id))) {
      const detail = `${id} is not an active person who can read this post.`;
      throw badRequest(detail, [{ path: `body/praise/recipientIds/${index}`, message: detail }]);
    }
  });
}

/** For a space post: the space and the memberships of these people in it (two queries, whatever their number). */
async function spaceOfPost(trx: Transaction<DB>, post: PostsTable, personIds: readonly string[]) {
  const memberships = new Map<string, Membership>();
  if (post.target_type !== 'space' || post.space_id === null) return { space: undefined, memberships };
  const space = await trx
    .selectFrom('spaces')
    .select(['id', 'audience', 'visibility', 'archived_at'])
    .where('id', '=', post.space_id)
    .executeTakeFirst();
  const rows = await trx
    .selectFrom('space_members')
    .select(['person_id', 'role'])
    .where('space_id', '=', post.space_id)
    .where('person_id', 'in', [...personIds])
    .execute();
  for (const row of rows) memberships.set(row.person_id, { role: row.role });
  return { space, memberships };
}
