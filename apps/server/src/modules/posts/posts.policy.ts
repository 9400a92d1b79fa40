import type { Viewer } from '../../platform/access/people.ts';
import { canModeratePost } from '../../platform/access/posts.ts';
import { canReadSpace, type Membership, type SpaceFacts } from '../../platform/access/spaces.ts';
import type { PostsTable } from '../../platform/db/schema-conversation.ts';

/**
 * Who may post in a space. Members post in any space they belong to. In an open space, anyone who may
 * read it (every person of its audience) may also post without joining first, as in an open community;
 * private and secret spaces take posts from their members only. Archived spaces take no posts at all
 * (checked separately, so the answer can say why).
 */
export function canPostInSpace(
  viewer: Viewer,
  space: SpaceFacts,
  membership: Membership | undefined,
): boolean {
  if (membership) return true;
  return space.visibility === 'open' && canReadSpace(viewer, space, undefined);
}

type PostFacts = Pick<PostsTable, 'author_id' | 'target_type' | 'space_id' | 'deleted_at' | 'hidden_at'>;

export const isAuthor = (viewer: Viewer, post: Pick<PostsTable, 'author_id'>): boolean =>
  post.author_id === viewer.id;

/** The author and moderators (site moderators and admins; owners, admins and moderators of the space). */
export const canDeletePost = (viewer: Viewer, post: PostFacts, membership: Membership | undefined): boolean =>
  isAuthor(viewer, post) || canModeratePost(viewer, post, membership);

/** Pins exist only in spaces. */
export const canPinPost = (viewer: Viewer, post: PostFacts, membership: Membership | undefined): boolean =>
  post.target_type === 'space' && canModeratePost(viewer, post, membership);

/**
 * Where a post may be shared without widening its audience:
 * - `anywhere`: a post in an open external space (its audience is everyone who may sign in);
 * - `employees`: company feed, profile and record posts, and posts in open internal spaces, go only to
 *   targets that employees alone read (company, profile, record, any internal space);
 * - `same-space`: a post in a private or secret space stays in that space.
 */
export type ShareScope =
  | { kind: 'anywhere' }
  | { kind: 'employees' }
  | { kind: 'same-space'; spaceId: string };

export function shareScopeOf(
  post: Pick<PostsTable, 'target_type'>,
  space: SpaceFacts | undefined,
): ShareScope {
  if (post.target_type !== 'space' || !space) return { kind: 'employees' };
  if (space.visibility !== 'open') return { kind: 'same-space', spaceId: space.id };
  return space.audience === 'external' ? { kind: 'anywhere' } : { kind: 'employees' };
}

export interface ShareTarget {
  type: PostsTable['target_type'];
  space: Pick<SpaceFacts, 'id' | 'audience'> | undefined;
}

export function shareAllowed(scope: ShareScope, target: ShareTarget): boolean {
  switch (scope.kind) {
    case 'anywhere':
      return true;
    case 'employees':
      return target.type !== 'space' || target.space?.audience === 'internal';
    case 'same-space':
      return target.type === 'space' && target.space?.id === scope.spaceId;
  }
}

export interface PostAbilities {
  edit: boolean;
  delete: boolean;
  hide: boolean;
  pin: boolean;
  share: boolean;
  comment: boolean;
  react: boolean;
  bookmark: boolean;
}

/** What the viewer may do with a post they may read. */
export function postAbilities(
  viewer: Viewer,
  post: PostFacts,
  space: SpaceFacts | undefined,
  membership: Membership | undefined,
): PostAbilities {
  const moderator = canModeratePost(viewer, post, membership);
  const live = post.hidden_at === null && post.deleted_at === null;
  const open = live && (space === undefined || space.archived_at === null);
  const scope = shareScopeOf(post, space);
  // Sharing into the post's own space needs the right to post there; every other scope has at least the
  // company feed (employees) or the post's own open space (anywhere) as a target.
  const shareable =
    scope.kind === 'same-space'
      ? space !== undefined && space.archived_at === null && membership !== undefined
      : scope.kind === 'anywhere' || viewer.kind === 'member';
  return {
    // Editing takes part in the conversation: closed by hiding the post or archiving its space.
    edit: isAuthor(viewer, post) && open,
    delete: canDeletePost(viewer, post, membership),
    hide: moderator,
    pin: canPinPost(viewer, post, membership),
    share: live && shareable,
    comment: open,
    react: open,
    bookmark: true,
  };
}
