/**
 * The tables the generator fills and the column order of its rows. Rows are plain arrays in this order,
 * which both bulk paths consume directly (prepared statements on SQLite, COPY text on PostgreSQL).
 */
export const TABLES = {
  internal_domains: ['domain', 'created_by', 'created_at'],
  people: [
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
  ],
  sessions: ['id', 'token_hash', 'person_id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'],
  spaces: [
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
  ],
  space_members: ['space_id', 'person_id', 'role', 'source', 'joined_at'],
  follows: ['follower_id', 'followee_id', 'created_at'],
  record_types: ['id', 'key', 'name', 'fields', 'created_by', 'created_at', 'updated_at'],
  records: [
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
  ],
  feed_follows: ['person_id', 'target_type', 'target_id', 'created_at'],
  feed_mutes: ['person_id', 'target_type', 'target_id', 'created_at'],
  posts: [
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
  ],
  comments: [
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
  ],
  reactions: ['subject_type', 'subject_id', 'kind', 'person_id', 'created_at'],
  reaction_totals: ['subject_type', 'subject_id', 'kind', 'total'],
  post_topics: ['topic', 'post_id'],
  polls: ['post_id', 'multiple', 'closes_at', 'voter_count'],
  poll_options: ['id', 'post_id', 'position', 'label', 'vote_count'],
  praise_recipients: ['post_id', 'person_id'],
  topics: ['name', 'post_count', 'created_at', 'last_post_at'],
  stream_heads: ['stream', 'last_post_id'],
} as const satisfies Record<string, readonly string[]>;

export type TableName = keyof typeof TABLES;
export type Value = string | number | null;
export type Row = Value[];

/** Insert order: every foreign key points at a table earlier in the list. */
export const TABLE_ORDER = Object.keys(TABLES) as TableName[];

/** Rows waiting to be written, per table. */
export class RowBuffer {
  readonly rows = new Map<TableName, Row[]>();
  count = 0;

  add(table: TableName, row: Row): void {
    let list = this.rows.get(table);
    if (!list) {
      list = [];
      this.rows.set(table, list);
    }
    list.push(row);
    this.count++;
  }

  /** The buffered rows in insert order, then empties the buffer. */
  drain(): [TableName, Row[]][] {
    const out: [TableName, Row[]][] = [];
    for (const table of TABLE_ORDER) {
      const list = this.rows.get(table);
      if (list && list.length > 0) out.push([table, list]);
    }
    this.rows.clear();
    this.count = 0;
    return out;
  }
}
