import type { Viewer } from '../../platform/access/people.ts';
import { encodeCursor } from '../../platform/http/pagination.ts';
import { avatarUrlOf } from '../people/people.presenter.ts';
import { type ReactionSummary, reactionSummaries } from '../reactions/reaction-summaries.ts';
import { commentAbilities, maySeeBody } from './comments.policy.ts';
import {
  type AuthorRow,
  authorsByIds,
  type CommentRow,
  type Executor,
  firstRepliesOf,
} from './comments.repository.ts';
import type { AuthorView, CommentView } from './comments.schema.ts';
import type { PostContext } from './post-context.ts';

/** How many replies a thread shows per level before "continue thread". */
export const REPLIES_PER_LEVEL = 3;

/** A comment with the replies loaded under it. */
export interface ThreadNode {
  row: CommentRow;
  replies: ThreadNode[];
  repliesCursor: string | null;
}

const leaf = (row: CommentRow): ThreadNode => ({ row, replies: [], repliesCursor: null });

/**
 * Loads `levels` levels of replies under these comments, the first REPLIES_PER_LEVEL per comment: one
 * query per level, whatever the number of comments.
 */
export async function loadThreads(db: Executor, rows: CommentRow[], levels: number): Promise<ThreadNode[]> {
  const nodes = rows.map(leaf);
  let frontier = nodes;
  for (let level = 0; level < levels; level++) {
    const answered = frontier.filter((node) => node.row.reply_count > 0);
    if (answered.length === 0) break;
    const replies = await firstRepliesOf(
      db,
      answered.map((node) => node.row.id),
      REPLIES_PER_LEVEL,
    );
    const byParent = new Map<string, CommentRow[]>();
    for (const reply of replies) {
      if (reply.parent_id === null) continue;
      const list = byParent.get(reply.parent_id) ?? [];
      list.push(reply);
      byParent.set(reply.parent_id, list);
    }
    for (const node of answered) {
      const list = (byParent.get(node.row.id) ?? []).sort((a, b) => (a.id < b.id ? -1 : 1));
      const kept = list.slice(0, REPLIES_PER_LEVEL);
      node.replies = kept.map(leaf);
      const last = kept.at(-1);
      node.repliesCursor = list.length > kept.length && last ? encodeCursor([last.id]) : null;
    }
    frontier = answered.flatMap((node) => node.replies);
  }
  return nodes;
}

const presentAuthor = (row: AuthorRow): AuthorView => ({
  id: row.id,
  handle: row.handle,
  name: row.name,
  avatarUrl: avatarUrlOf(row),
});

const NO_REACTIONS: ReactionSummary = { counts: [], mine: [] };

interface Lookups {
  authors: Map<string, AuthorRow>;
  reactions: Map<string, ReactionSummary>;
}

function presentNode(viewer: Viewer, context: PostContext, node: ThreadNode, lookups: Lookups): CommentView {
  const { row } = node;
  const deleted = row.deleted_at !== null;
  const readable = maySeeBody(viewer, context, row);
  const author = deleted ? undefined : lookups.authors.get(row.author_id);
  return {
    id: row.id,
    postId: row.post_id,
    parentId: row.parent_id,
    depth: row.depth,
    author: author ? presentAuthor(author) : null,
    body: readable && row.author_id === viewer.id ? row.body : null,
    bodyHtml: readable ? row.body_html : null,
    createdAt: row.created_at,
    editedAt: deleted ? null : row.edited_at,
    deleted,
    hidden: row.hidden_at !== null,
    reactions: deleted ? NO_REACTIONS : (lookups.reactions.get(row.id) ?? NO_REACTIONS),
    replyCount: row.reply_count,
    repliesCursor: node.repliesCursor,
    abilities: commentAbilities(viewer, context, row),
    replies: node.replies.map((reply) => presentNode(viewer, context, reply, lookups)),
  };
}

function flatten(nodes: ThreadNode[], into: CommentRow[] = []): CommentRow[] {
  for (const node of nodes) {
    into.push(node.row);
    flatten(node.replies, into);
  }
  return into;
}

/** Presents comments (and the replies loaded under them) with two batched lookups: authors, reactions. */
export async function presentThreads(
  db: Executor,
  viewer: Viewer,
  context: PostContext,
  nodes: ThreadNode[],
): Promise<CommentView[]> {
  const live = flatten(nodes).filter((row) => row.deleted_at === null);
  const [authors, reactions] = await Promise.all([
    authorsByIds(
      db,
      viewer,
      live.map((row) => row.author_id),
    ),
    reactionSummaries(
      db,
      viewer.id,
      'comment',
      live.map((row) => row.id),
    ),
  ]);
  return nodes.map((node) => presentNode(viewer, context, node, { authors, reactions }));
}

/** One comment, without its replies (after a change). */
export async function presentComment(
  db: Executor,
  viewer: Viewer,
  context: PostContext,
  row: CommentRow,
): Promise<CommentView> {
  const [view] = await presentThreads(db, viewer, context, [leaf(row)]);
  if (!view) throw new Error('presentThreads returned nothing');
  return view;
}
