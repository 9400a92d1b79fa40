import type { PostKind, PostTargetType, ReactionKind } from '@atrium/contracts';

/** Tables of posts and conversation (migration 20261122T2000-conversation); same conventions as schema.ts. */
export interface PostsTable {
  id: string;
  author_id: string;
  kind: PostKind;
  target_type: PostTargetType;
  /** 'company', 'space:<id>', 'person:<id>' or 'record:<id>': the feed the post was made in. */
  stream: string;
  space_id: string | null;
  profile_id: string | null;
  /** The record the post is about: its own feed, or a space the record was shared into. */
  record_id: string | null;
  body: string;
  body_html: string;
  badge: string | null;
  shared_post_id: string | null;
  accepted_comment_id: string | null;
  requires_ack: number;
  pinned_until: string | null;
  pinned_at: string | null;
  pinned_by: string | null;
  comment_count: number;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
  deleted_by: string | null;
  hidden_at: string | null;
  hidden_by: string | null;
  hidden_reason: string | null;
}

export interface StreamHeadsTable {
  stream: string;
  last_post_id: string;
}

export interface CommentsTable {
  id: string;
  post_id: string;
  parent_id: string | null;
  depth: number;
  author_id: string;
  body: string;
  body_html: string;
  reply_count: number;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
  hidden_at: string | null;
  hidden_by: string | null;
}

export type ReactionSubject = 'post' | 'comment';

export interface ReactionsTable {
  subject_type: ReactionSubject;
  subject_id: string;
  kind: ReactionKind;
  person_id: string;
  created_at: string;
}

export interface ReactionTotalsTable {
  subject_type: ReactionSubject;
  subject_id: string;
  kind: ReactionKind;
  total: number;
}

export interface RevisionsTable {
  id: string;
  subject_type: ReactionSubject;
  subject_id: string;
  /** The body as it was before the edit. */
  body: string;
  editor_id: string | null;
  created_at: string;
}

export interface MentionsTable {
  subject_type: ReactionSubject;
  subject_id: string;
  post_id: string;
  person_id: string;
  created_at: string;
}

export interface TopicsTable {
  name: string;
  post_count: number;
  created_at: string;
  last_post_at: string;
}

export interface PostTopicsTable {
  topic: string;
  post_id: string;
}

export interface PollsTable {
  post_id: string;
  multiple: number;
  closes_at: string | null;
  voter_count: number;
}

export interface PollOptionsTable {
  id: string;
  post_id: string;
  position: number;
  label: string;
  vote_count: number;
}

export interface PollVotesTable {
  post_id: string;
  person_id: string;
  option_id: string;
  created_at: string;
}

export interface PraiseRecipientsTable {
  post_id: string;
  person_id: string;
}

export interface AnnouncementAcksTable {
  post_id: string;
  person_id: string;
  created_at: string;
}

export interface BookmarksTable {
  person_id: string;
  post_id: string;
  created_at: string;
}

export type FeedFollowTarget = 'topic' | 'record' | 'space';
export type FeedMuteTarget = 'space' | 'topic' | 'person';

export interface FeedFollowsTable {
  person_id: string;
  target_type: FeedFollowTarget;
  target_id: string;
  created_at: string;
}

export interface FeedMutesTable {
  person_id: string;
  target_type: FeedMuteTarget;
  target_id: string;
  created_at: string;
}

export interface RecordTypesTable {
  id: string;
  key: string;
  name: string;
  /** JSON: the admin-defined field definitions. */
  fields: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface RecordsTable {
  id: string;
  type_id: string;
  name: string;
  external_system: string | null;
  external_id: string | null;
  external_url: string | null;
  /** JSON: field key -> value. */
  fields: string;
  search_text: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface RecordSharesTable {
  record_id: string;
  space_id: string;
  shared_by: string | null;
  created_at: string;
}

export interface PostAttachmentsTable {
  file_id: string;
  post_id: string;
  position: number;
}

export interface LinkPreviewsTable {
  url_hash: string;
  url: string;
  status: 'ok' | 'failed' | 'refused';
  title: string | null;
  description: string | null;
  site_name: string | null;
  image_url: string | null;
  fetched_at: string;
}

export interface PostLinksTable {
  post_id: string;
  url_hash: string;
  position: number;
}

export interface ConversationTables {
  posts: PostsTable;
  stream_heads: StreamHeadsTable;
  comments: CommentsTable;
  reactions: ReactionsTable;
  reaction_totals: ReactionTotalsTable;
  revisions: RevisionsTable;
  mentions: MentionsTable;
  topics: TopicsTable;
  post_topics: PostTopicsTable;
  polls: PollsTable;
  poll_options: PollOptionsTable;
  poll_votes: PollVotesTable;
  praise_recipients: PraiseRecipientsTable;
  announcement_acks: AnnouncementAcksTable;
  bookmarks: BookmarksTable;
  feed_follows: FeedFollowsTable;
  feed_mutes: FeedMutesTable;
  record_types: RecordTypesTable;
  records: RecordsTable;
  record_shares: RecordSharesTable;
  post_attachments: PostAttachmentsTable;
  link_previews: LinkPreviewsTable;
  post_links: PostLinksTable;
}
