import type { PostKind, PostTargetType, PraiseBadge, ReactionKind } from '@atrium/contracts';
import type { PersonSummary } from '../../lib/types.ts';

export type { PostKind, PostTargetType, PraiseBadge, ReactionKind };

/** Where a new post goes (the request's `target`). */
export type PostTargetInput =
  | { type: 'company' }
  | { type: 'space'; id: string }
  | { type: 'person'; id: string }
  | { type: 'record'; id: string };

export interface PersonRef {
  id: string;
  handle: string;
  name: string;
}

/** Where a post lives, as the API shows it. */
export interface PostTarget {
  type: PostTargetType;
  id: string | null;
  /** The space or person handle, for links. */
  handle: string | null;
  name: string;
}

export interface AttachmentView {
  id: string;
  name: string;
  mimeType: string;
  byteSize: number;
  width: number | null;
  height: number | null;
  url: string;
  thumbnailUrl: string | null;
}

export interface UploadedFile {
  id: string;
  name?: string;
  mimeType?: string;
  byteSize?: number;
}

export interface LinkPreviewView {
  url: string;
  title: string | null;
  description: string | null;
  siteName: string | null;
  imageUrl: string | null;
}

export interface ReactionSummary {
  counts: Array<{ kind: ReactionKind; count: number }>;
  mine: ReactionKind[];
}

export interface PollView {
  multiple: boolean;
  closesAt: string | null;
  closed: boolean;
  voterCount: number;
  myVotes: string[];
  options: Array<{ id: string; label: string; votes: number | null }>;
}

export interface PraiseView {
  badge: PraiseBadge;
  recipients: PersonRef[];
}

export interface AnnouncementView {
  pinnedUntil: string | null;
  requiresAck: boolean;
  acknowledgedByMe: boolean;
  ackCount: number;
}

export interface QuestionView {
  acceptedCommentId: string | null;
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

export interface RecordRef {
  id: string;
  name: string;
  typeKey: string;
}

/** Everything a post shows except the post it shares (a shared post never nests further). */
export interface SharedPostView {
  id: string;
  kind: PostKind;
  /** Null when the viewer may not see the author (an external reader of an open community). */
  author: PersonSummary | null;
  target: PostTarget;
  /** Rendered and sanitized by the server. */
  bodyHtml: string;
  /** The markdown source: only its author receives it. */
  body: string | null;
  createdAt: string;
  editedAt: string | null;
  topics: string[];
  reactions: ReactionSummary;
  commentCount: number;
  attachments: AttachmentView[];
  linkPreviews: LinkPreviewView[];
  record: RecordRef | null;
  pinned: boolean;
  pinnedAt: string | null;
  bookmarked: boolean;
  /** Only the author and moderators receive a hidden post. */
  hidden: { at: string; reason: string | null } | null;
  abilities: PostAbilities;
  poll?: PollView;
  praise?: PraiseView;
  announcement?: AnnouncementView;
  question?: QuestionView;
}

export interface UnavailablePost {
  unavailable: true;
}

export interface PostView extends SharedPostView {
  sharedPost: SharedPostView | UnavailablePost | null;
  /** Whether the viewer muted the notifications of this post's thread, when the API says. */
  threadMuted?: boolean;
}

export const isUnavailable = (post: SharedPostView | UnavailablePost): post is UnavailablePost =>
  'unavailable' in post;

export interface Revision {
  id: string;
  /** The body as it was before the edit (comments also send the source). */
  body?: string;
  bodyHtml: string;
  editor: { id: string; handle: string; name: string } | null;
  createdAt: string;
}

export interface CommentAuthor {
  id: string;
  handle: string;
  name: string;
  avatarUrl: string | null;
}

export interface CommentAbilities {
  edit: boolean;
  delete: boolean;
  hide: boolean;
  react: boolean;
  reply: boolean;
}

export interface CommentView {
  id: string;
  postId: string;
  parentId: string | null;
  depth: number;
  /** Null for a deleted comment that keeps its place for its replies. */
  author: CommentAuthor | null;
  /** The markdown source, for its author only. */
  body: string | null;
  /** Null when deleted, or hidden from this viewer. */
  bodyHtml: string | null;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  hidden: boolean;
  reactions: ReactionSummary;
  replyCount: number;
  /** Where "continue thread" carries on after the replies included here. */
  repliesCursor: string | null;
  replies: CommentView[];
  abilities: CommentAbilities;
}

export interface CreatePostInput {
  target: PostTargetInput;
  kind?: PostKind;
  body: string;
  attachmentIds?: string[];
  poll?: { options: string[]; multiple?: boolean; closesAt?: string };
  praise?: { recipientIds: string[]; badge: PraiseBadge };
  announcement?: { pinnedUntil?: string; requiresAck?: boolean };
}

export type MentionSuggestion = PersonSummary;

export interface TopicSummary {
  name: string;
  postCount: number;
}
