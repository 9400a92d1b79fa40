import type { Viewer } from '../../../platform/access/people.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { PostsTable } from '../../../platform/db/schema-conversation.ts';
import { newId, nowIso } from '../../../platform/db/time.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { advanceStreamHeads, sourcesOfPost } from '../../feeds/stream-heads.ts';
import { attachFiles } from '../../files/attachment-views.ts';
import { type KindColumns, type KindInput, writeKindDetails } from '../kinds/kind-details.ts';
import type { PostContent } from '../post-body.ts';
import { addMentions, addTopics } from '../post-references.ts';
import type { ResolvedTarget } from '../post-targets.ts';

export interface NewPost {
  actor: Viewer;
  target: ResolvedTarget;
  recordId: string | null;
  kind: KindInput;
  columns: KindColumns;
  body: string;
  content: PostContent;
  attachmentIds: readonly string[];
  sharedPostId: string | null;
}

/**
 * Writes a checked post in one transaction: the row, its topics and mentions, the heads of every feed
 * source it joins, its attachments and kind rows, and its events. Anything refused in here (an attachment
 * that is not the actor's) rolls everything back.
 */
export async function insertPost(ctx: AppContext, input: NewPost): Promise<PostsTable> {
  const { actor, target, content } = input;
  return inTransaction(ctx, async (trx) => {
    const now = nowIso();
    const row: PostsTable = {
      id: newId(),
      author_id: actor.id,
      kind: input.kind.kind,
      target_type: target.type,
      stream: target.stream,
      space_id: target.spaceId,
      profile_id: target.profileId,
      record_id: input.recordId,
      body: input.body,
      body_html: content.html,
      ...input.columns,
      shared_post_id: input.sharedPostId,
      accepted_comment_id: null,
      pinned_at: null,
      pinned_by: null,
      comment_count: 0,
      created_at: now,
      edited_at: null,
      deleted_at: null,
      deleted_by: null,
      hidden_at: null,
      hidden_by: null,
      hidden_reason: null,
    };
    await trx.insertInto('posts').values(row).execute();
    await addTopics(trx, row.id, content.topics, now);
    await addMentions(trx, row.id, content.mentionIds, now);
    await advanceStreamHeads(trx, row.id, sourcesOfPost(row, content.topics));
    if (input.attachmentIds.length > 0) await attachFiles(trx, actor.id, row.id, input.attachmentIds);
    await writeKindDetails(trx, row, input.kind);
    const event = {
      actorId: actor.id,
      subjectType: 'post',
      subjectId: row.id,
      ...(row.space_id === null ? {} : { spaceId: row.space_id }),
    };
    await ctx.outbox.record(trx, {
      ...event,
      name: 'post.created',
      payload: {
        targetType: row.target_type,
        spaceId: row.space_id,
        kind: row.kind,
        // The author is never notified of their own mention.
        mentionedIds: content.mentionIds.filter((id) => id !== actor.id),
        topics: content.topics,
        ...(row.shared_post_id === null ? {} : { sharedPostId: row.shared_post_id }),
      },
    });
    if (row.shared_post_id !== null) {
      await ctx.outbox.record(trx, {
        ...event,
        name: 'post.shared',
        payload: { originalId: row.shared_post_id, targetType: row.target_type, spaceId: row.space_id },
      });
    }
    return row;
  });
}
