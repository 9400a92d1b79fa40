import type { Static } from 'typebox';
import type { Viewer } from '../../platform/access/people.ts';
import { canModeratePost } from '../../platform/access/posts.ts';
import type { AppContext } from '../../platform/context.ts';
import type { PostsTable } from '../../platform/db/schema-conversation.ts';
import { type PersonSummary, presentSummary } from '../people/people.presenter.ts';
import { loadPostPageData, type PostPageData } from './post-page-data.ts';
import { isAuthor, postAbilities } from './posts.policy.ts';
import type { PostViewSchema, SharedPostViewSchema } from './posts.schema.ts';

export type PostView = Static<typeof PostViewSchema>;
type SharedPostView = Static<typeof SharedPostViewSchema>;

/** The name shown for the company feed as a target. */
export const COMPANY_TARGET_NAME = 'Company';

/**
 * The author, if the viewer may see them (`visiblePeopleFilter`): an external reader of an open community
 * who shares no space with the author reads the post without learning who wrote it (null).
 */
function authorOf(data: PostPageData, authorId: string): PersonSummary | null {
  if (data.visiblePeople !== undefined && !data.visiblePeople.has(authorId)) return null;
  const row = data.people.get(authorId);
  if (!row) throw new Error(`post author ${authorId} not found`);
  return presentSummary(row);
}

function targetOf(data: PostPageData, post: PostsTable): SharedPostView['target'] {
  switch (post.target_type) {
    case 'company':
      return { type: 'company', id: null, name: COMPANY_TARGET_NAME, handle: null };
    case 'space': {
      const space = post.space_id === null ? undefined : data.spaces.get(post.space_id);
      return { type: 'space', id: post.space_id, name: space?.name ?? '', handle: space?.handle ?? null };
    }
    case 'person': {
      const person = post.profile_id === null ? undefined : data.people.get(post.profile_id);
      return {
        type: 'person',
        id: post.profile_id,
        name: person?.name ?? '',
        handle: person?.handle ?? null,
      };
    }
    case 'record': {
      const record = post.record_id === null ? undefined : data.records.get(post.record_id);
      return { type: 'record', id: post.record_id, name: record?.name ?? '', handle: null };
    }
  }
}

function presentOne(viewer: Viewer, data: PostPageData, post: PostsTable): SharedPostView {
  const space = post.space_id === null ? undefined : data.spaces.get(post.space_id);
  const membership = post.space_id === null ? undefined : data.memberships.get(post.space_id);
  const mayModerate = canModeratePost(viewer, post, membership);
  const author = isAuthor(viewer, post);
  const record = post.record_id === null ? undefined : data.records.get(post.record_id);
  return {
    id: post.id,
    kind: post.kind,
    author: authorOf(data, post.author_id),
    target: targetOf(data, post),
    bodyHtml: post.body_html,
    body: author ? post.body : null,
    createdAt: post.created_at,
    editedAt: post.edited_at,
    topics: data.topics.get(post.id) ?? [],
    reactions: data.reactions.get(post.id) ?? { counts: [], mine: [] },
    commentCount: Number(post.comment_count),
    attachments: data.attachments.get(post.id) ?? [],
    linkPreviews: data.previews.get(post.id) ?? [],
    record: record ?? null,
    pinned: post.pinned_at !== null,
    pinnedAt: post.pinned_at,
    bookmarked: data.bookmarked.has(post.id),
    hidden:
      post.hidden_at !== null && (author || mayModerate)
        ? { at: post.hidden_at, reason: post.hidden_reason }
        : null,
    abilities: postAbilities(viewer, post, space, membership),
    ...data.kinds.get(post.id),
  };
}

/**
 * Presents a page of posts the viewer may read (the caller has checked each one), in the given order.
 * A shared post nests its original, checked again for this viewer: `{ unavailable: true }` when they may
 * not read it (any more), or it was deleted or hidden from them.
 */
export async function presentPosts(
  ctx: AppContext,
  viewer: Viewer,
  rows: readonly PostsTable[],
): Promise<PostView[]> {
  if (rows.length === 0) return [];
  const data = await loadPostPageData(ctx, viewer, rows);
  return rows.map((post) => {
    const original = post.shared_post_id === null ? undefined : data.originals.get(post.shared_post_id);
    const sharedPost =
      post.shared_post_id === null
        ? null
        : original
          ? presentOne(viewer, data, original)
          : { unavailable: true as const };
    return { ...presentOne(viewer, data, post), sharedPost };
  });
}

export async function presentPost(ctx: AppContext, viewer: Viewer, row: PostsTable): Promise<PostView> {
  const [view] = await presentPosts(ctx, viewer, [row]);
  if (!view) throw new Error('presentPosts returned nothing');
  return view;
}
