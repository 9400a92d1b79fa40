/**
 * The tables the generator fills and the column order of its rows. Rows are plain arrays in this order,
 * which both bulk paths consume directly (prepared statements on SQLite, COPY text on PostgreSQL).
 */
export declare const TABLES: {
  readonly internal_domains: readonly ['domain', 'created_by', 'created_at'];
  readonly people: readonly [
    'id',
    'email',
    'password_hash',
    'name',
    'handle',
    'kind',
    'role',
    'status',
    'title',
    'department',
    'location',
    'manager_id',
    'bio',
    'time_zone',
    'organization',
    'avatar_file_id',
    'search_text',
    'created_at',
    'updated_at',
    'deactivated_at',
  ];
  readonly sessions: readonly [
    'id',
    'token_hash',
    'person_id',
    'created_at',
    'last_seen_at',
    'expires_at',
    'ip',
    'user_agent',
  ];
  readonly spaces: readonly [
    'id',
    'handle',
    'name',
    'description',
    'guidelines',
    'category',
    'audience',
    'visibility',
    'is_default',
    'search_text',
    'created_by',
    'created_at',
    'updated_at',
  ];
  readonly space_members: readonly ['space_id', 'person_id', 'role', 'source', 'joined_at'];
  readonly follows: readonly ['follower_id', 'followee_id', 'created_at'];
  readonly record_types: readonly ['id', 'key', 'name', 'fields', 'created_by', 'created_at', 'updated_at'];
  readonly records: readonly [
    'id',
    'type_id',
    'name',
    'external_system',
    'external_id',
    'external_url',
    'fields',
    'search_text',
    'created_by',
    'created_at',
    'updated_at',
  ];
  readonly feed_follows: readonly ['person_id', 'target_type', 'target_id', 'created_at'];
  readonly feed_mutes: readonly ['person_id', 'target_type', 'target_id', 'created_at'];
  readonly posts: readonly [
    'id',
    'author_id',
    'kind',
    'target_type',
    'stream',
    'space_id',
    'profile_id',
    'record_id',
    'body',
    'body_html',
    'badge',
    'accepted_comment_id',
    'requires_ack',
    'pinned_until',
    'comment_count',
    'created_at',
    'deleted_at',
    'deleted_by',
    'hidden_at',
    'hidden_by',
    'hidden_reason',
  ];
  readonly comments: readonly [
    'id',
    'post_id',
    'parent_id',
    'depth',
    'author_id',
    'body',
    'body_html',
    'reply_count',
    'created_at',
    'deleted_at',
  ];
  readonly reactions: readonly ['subject_type', 'subject_id', 'kind', 'person_id', 'created_at'];
  readonly reaction_totals: readonly ['subject_type', 'subject_id', 'kind', 'total'];
  readonly post_topics: readonly ['topic', 'post_id'];
  readonly polls: readonly ['post_id', 'multiple', 'closes_at', 'voter_count'];
  readonly poll_options: readonly ['id', 'post_id', 'position', 'label', 'vote_count'];
  readonly praise_recipients: readonly ['post_id', 'person_id'];
  readonly topics: readonly ['name', 'post_count', 'created_at', 'last_post_at'];
  readonly stream_heads: readonly ['stream', 'last_post_id'];
};
export type TableName = keyof typeof TABLES;
export type Value = string | number | null;
export type Row = Value[];
/** Insert order: every foreign key points at a table earlier in the list. */
export declare const TABLE_ORDER: TableName[];
/** Rows waiting to be written, per table. */
export declare class RowBuffer {
  readonly rows: Map<
    | 'comments'
    | 'feed_follows'
    | 'feed_mutes'
    | 'follows'
    | 'internal_domains'
    | 'people'
    | 'poll_options'
    | 'polls'
    | 'post_topics'
    | 'posts'
    | 'praise_recipients'
    | 'reaction_totals'
    | 'reactions'
    | 'record_types'
    | 'records'
    | 'sessions'
    | 'space_members'
    | 'spaces'
    | 'stream_heads'
    | 'topics',
    Row[]
  >;
  count: number;
  add(table: TableName, row: Row): void;
  /** The buffered rows in insert order, then empties the buffer. */
  drain(): [TableName, Row[]][];
}
