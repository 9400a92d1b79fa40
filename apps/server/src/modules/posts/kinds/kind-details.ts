import type { PostKind } from '@atrium/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { Static } from 'typebox';
import type { Viewer } from '../../../platform/access/people.ts';
import type { Membership } from '../../../platform/access/spaces.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { PostsTable } from '../../../platform/db/schema-conversation.ts';
import type {
  AnnouncementInput,
  AnnouncementView,
  PollInput,
  PollView,
  PraiseInput,
  PraiseView,
  QuestionView,
} from './kinds.schema.ts';

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
  void actor;
  void target;
  // Until the kinds land, only plain updates are accepted.
  if (input.kind !== 'update') throw new Error('kindColumns: filled in by the post kinds work');
  return { badge: null, requires_ack: 0, pinned_until: null };
}

/** Writes the kind's own rows (poll options, praise recipients) for a new post, in its transaction. */
export async function writeKindDetails(
  trx: Transaction<DB>,
  post: PostsTable,
  input: KindInput,
): Promise<void> {
  void trx;
  void post;
  void input;
}

/** The kind parts of a page of readable posts, for one viewer, keyed by post id. */
export async function kindViews(
  db: Kysely<DB> | Transaction<DB>,
  viewer: Viewer,
  posts: readonly PostsTable[],
): Promise<Map<string, KindViews>> {
  void db;
  void viewer;
  void posts;
  return new Map();
}
