import type { Kysely, Transaction } from 'kysely';
import type { Viewer } from '../../platform/access/people.ts';
import { canModeratePost, mayReadPost } from '../../platform/access/posts.ts';
import { membershipOf } from '../../platform/access/spaces.ts';
import type { DB } from '../../platform/db/schema.ts';
import { type AttachmentRow, findAttachment, findPostOfAttachment } from './files.repository.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * The attachment if the viewer may read it now, else undefined (answered as 404 like a missing one).
 * An attached file is readable exactly when its post is (platform/access/posts.ts); a hidden post's
 * files only by its author and its moderators, as the post itself. A file not attached yet is its
 * owner's alone. Run on every download, so leaving a space revokes URLs issued before.
 */
export async function findReadableAttachment(
  db: Executor,
  viewer: Viewer,
  fileId: string,
): Promise<AttachmentRow | undefined> {
  const file = await findAttachment(db, fileId);
  if (!file) return undefined;
  if (file.post_id === null) return file.owner_id === viewer.id ? file : undefined;
  const post = await findPostOfAttachment(db, file.post_id);
  if (!post || !(await mayReadPost(db, viewer, post))) return undefined;
  if (post.hidden_at !== null && post.author_id !== viewer.id) {
    const membership = post.space_id === null ? undefined : await membershipOf(db, post.space_id, viewer.id);
    if (!canModeratePost(viewer, post, membership)) return undefined;
  }
  return file;
}
