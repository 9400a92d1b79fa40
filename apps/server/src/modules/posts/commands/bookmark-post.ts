import type { Viewer } from '../../../platform/access/people.ts';
import { nowIso } from '../../../platform/db/time.ts';
import type { Executor } from '../../people/people.repository.ts';

/**
 * Bookmarks are private to their owner: no event, no audit. Adding one needs a readable post (checked
 * by the caller); removing one never does, so a bookmark of a post gone out of reach can still be dropped.
 */
export async function addBookmark(db: Executor, actor: Viewer, postId: string): Promise<void> {
  await db
    .insertInto('bookmarks')
    .values({ person_id: actor.id, post_id: postId, created_at: nowIso() })
    .onConflict((oc) => oc.columns(['person_id', 'post_id']).doNothing())
    .execute();
}

export async function removeBookmark(db: Executor, actor: Viewer, postId: string): Promise<void> {
  await db.deleteFrom('bookmarks').where('person_id', '=', actor.id).where('post_id', '=', postId).execute();
}
