import type { Viewer } from '../../../platform/access/people.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { PostsTable } from '../../../platform/db/schema-conversation.ts';
import { newId, nowIso } from '../../../platform/db/time.ts';
import { forbidden } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { advanceStreamHeads, topicStream } from '../../feeds/stream-heads.ts';
import { assertParticipationOpen, type LoadedPost, postNotFound } from '../load-post.ts';
import { renderPostBody } from '../post-body.ts';
import {
  addMentions,
  addTopics,
  difference,
  mentionsOfPost,
  removeMentions,
  removeTopics,
  topicsOfPost,
} from '../post-references.ts';
import { isAuthor } from '../posts.policy.ts';
import { lockLivePost } from '../posts.repository.ts';

/**
 * Edits a post's body (its author only, while its conversation is open: not hidden, not in an archived
 * space): the previous body is kept as a revision, the body is rendered again for the post's audience,
 * and its mentions and topics follow the new text. Only people newly mentioned are named in the event, so
 * nobody is notified twice. A post deleted meanwhile answers 404.
 */
export async function updatePost(
  ctx: AppContext,
  input: { actor: Viewer; loaded: LoadedPost; body: string },
): Promise<PostsTable> {
  const { actor, loaded } = input;
  const { post } = loaded;
  if (!isAuthor(actor, post)) throw forbidden('Only the author edits a post.');
  // A moderator's decision to hide a post was about what it says; an archived space is read-only.
  assertParticipationOpen(loaded);
  const content = await renderPostBody(
    ctx.db,
    actor,
    { type: post.target_type, space: loaded.space },
    input.body,
    { allowEmpty: post.shared_post_id !== null },
  );
  return inTransaction(ctx, async (trx) => {
    // Locked, so the revision holds exactly the body this edit replaces, even under concurrent edits.
    const current = await lockLivePost(trx, ctx.dialect, post.id);
    if (!current) throw postNotFound();
    assertParticipationOpen({ post: current, space: loaded.space });
    if (current.body === input.body) return current;
    const now = nowIso();
    await trx
      .insertInto('revisions')
      .values({
        id: newId(),
        subject_type: 'post',
        subject_id: post.id,
        body: current.body,
        editor_id: actor.id,
        created_at: now,
      })
      .execute();
    const changes = { body: input.body, body_html: content.html, edited_at: now };
    await trx.updateTable('posts').set(changes).where('id', '=', post.id).execute();
    const topics = difference(await topicsOfPost(trx, post.id), content.topics);
    await removeTopics(trx, post.id, topics.removed);
    await addTopics(trx, post.id, topics.added, now);
    // A head only moves forward, so an older post joining a topic never hides newer ones.
    await advanceStreamHeads(trx, post.id, topics.added.map(topicStream));
    const mentions = difference(await mentionsOfPost(trx, post.id), content.mentionIds);
    await removeMentions(trx, post.id, mentions.removed);
    await addMentions(trx, post.id, mentions.added, now);
    await ctx.outbox.record(trx, {
      name: 'post.updated',
      actorId: actor.id,
      subjectType: 'post',
      subjectId: post.id,
      ...(post.space_id === null ? {} : { spaceId: post.space_id }),
      payload: {
        targetType: post.target_type,
        spaceId: post.space_id,
        kind: post.kind,
        mentionedIds: mentions.added.filter((id) => id !== actor.id),
        topics: content.topics,
      },
    });
    return { ...current, ...changes };
  });
}
