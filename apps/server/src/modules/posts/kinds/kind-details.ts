import type { PostKind } from '@atrium/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { Static } from 'typebox';
import type { Viewer } from '../../../platform/access/people.ts';
import type { Membership } from '../../../platform/access/spaces.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { PostsTable } from '../../../platform/db/schema-conversation.ts';
import { newId } from '../../../platform/db/time.ts';
import {
  announcementColumns,
  assertMayAnnounce,
  assertPartsMatchKind,
  pollClosesAt,
  pollOptionLabels,
  praiseRecipientIds,
} from './kind-rules.ts';
import { announcementViews, pollViews, praiseViews, questionViews } from './kind-views.ts';
import type {
  AnnouncementInput,
  AnnouncementView,
  PollInput,
  PollView,
  PraiseInput,
  PraiseView,
  QuestionView,
} from './kinds.schema.ts';
import { assertPraisable } from './praise-recipients.ts';

export interface KindInput {
  kind: PostKind;
  poll?: Static<typeof PollInput> | undefined;
  praise?: Static<typeof PraiseInput> | undefined;
  announcement?: Static<typeof AnnouncementInput> | undefined;
}

/** The post columns a kind sets. */
export type KindColumns = Pick<PostsTable, 'badge' | 'requires_ack' | 'pinned_until'>;

/** Where the post goes, as far as kind rules care (announcements need an admin of it). */
export interface KindTarget {
  type: PostsTable['target_type'];
  membership: Membership | undefined;
}

export interface KindViews {
  poll?: Static<typeof PollView>;
  praise?: Static<typeof PraiseView>;
  announcement?: Static<typeof AnnouncementView>;
  question?: Static<typeof QuestionView>;
}

/**
 * Checks the kind-specific input (400 for inconsistent input such as a poll part on an update or
 * duplicate options; 403 for an announcement by someone who may not make one) and returns the post
 * columns it sets. Pure: runs before the transaction.
 */
export function kindColumns(actor: Viewer, target: KindTarget, input: KindInput): KindColumns {
  assertPartsMatchKind(input);
  const plain: KindColumns = { badge: null, requires_ack: 0, pinned_until: null };
  switch (input.kind) {
    case 'poll':
      if (input.poll) {
        pollOptionLabels(input.poll);
        pollClosesAt(input.poll);
      }
      return plain;
    case 'praise':
      if (!input.praise) return plain;
      praiseRecipientIds(actor, input.praise);
      return { ...plain, badge: input.praise.badge };
    case 'announcement':
      assertMayAnnounce(actor, target);
      return { ...plain, ...announcementColumns(input.announcement ?? {}) };
    default:
      return plain;
  }
}

/**
 * Writes the kind's own rows (poll options, praise recipients) for a new post, in its transaction.
 * Refusals throw, so the caller's transaction stores nothing.
 */
export async function writeKindDetails(
  trx: Transaction<DB>,
  post: PostsTable,
  input: KindInput,
): Promise<void> {
  if (input.kind === 'poll' && input.poll) {
    const labels = pollOptionLabels(input.poll);
    await trx
      .insertInto('polls')
      .values({
        post_id: post.id,
        multiple: input.poll.multiple === true ? 1 : 0,
        closes_at: pollClosesAt(input.poll),
        voter_count: 0,
      })
      .execute();
    await trx
      .insertInto('poll_options')
      .values(
        labels.map((label, position) => ({ id: newId(), post_id: post.id, position, label, vote_count: 0 })),
      )
      .execute();
  }
  if (input.kind === 'praise' && input.praise) {
    const ids = praiseRecipientIds({ id: post.author_id }, input.praise);
    await assertPraisable(trx, post, ids);
    await trx
      .insertInto('praise_recipients')
      .values(ids.map((personId) => ({ post_id: post.id, person_id: personId })))
      .execute();
  }
}

/** The kind parts of a page of readable posts, for one viewer, keyed by post id. */
export async function kindViews(
  db: Kysely<DB> | Transaction<DB>,
  viewer: Viewer,
  posts: readonly PostsTable[],
): Promise<Map<string, KindViews>> {
  const ofKind = (kind: PostsTable['kind']) => posts.filter((post) => post.kind === kind);
  const [polls, praise, announcements, questions] = await Promise.all([
    pollViews(db, viewer, ofKind('poll')),
    praiseViews(db, viewer, ofKind('praise')),
    announcementViews(db, viewer, ofKind('announcement')),
    questionViews(db, ofKind('question')),
  ]);
  const views = new Map<string, KindViews>();
  for (const post of posts) {
    const poll = polls.get(post.id);
    const praised = praise.get(post.id);
    const announcement = announcements.get(post.id);
    const question = questions.get(post.id);
    views.set(post.id, {
      ...(poll ? { poll } : {}),
      ...(praised ? { praise: praised } : {}),
      ...(announcement ? { announcement } : {}),
      ...(question ? { question } : {}),
    });
  }
  return views;
}
