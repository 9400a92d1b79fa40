import type { Kysely } from 'kysely';

/**
 * Posts and everything hanging off them: comments, reactions, revisions, mentions, topics, polls,
 * praise, announcements, bookmarks, attachments and link previews.
 *
 * A post has exactly one target (`target_type` company | space | person | record) and one `stream`
 * key derived from it ('company', 'space:<id>', 'person:<id>', 'record:<id>'); `record_id` also marks
 * posts made about a record inside a space the record was shared into. Post ids are UUIDv7, so
 * `ORDER BY id DESC` is newest first and the id alone is the keyset cursor.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('stream', 'text', (c) => c.notNull())
    .addColumn('space_id', 'text', (c) => c.references('spaces.id').onDelete('cascade'))
    .addColumn('profile_id', 'text', (c) => c.references('people.id'))
    .addColumn('record_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('badge', 'text')
    .addColumn('shared_post_id', 'text')
    .addColumn('accepted_comment_id', 'text')
    .addColumn('requires_ack', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pinned_until', 'text')
    .addColumn('pinned_at', 'text')
    .addColumn('pinned_by', 'text')
    .addColumn('comment_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .addColumn('deleted_at', 'text')
    .addColumn('deleted_by', 'text')
    .addColumn('hidden_at', 'text')
    .addColumn('hidden_by', 'text')
    .addColumn('hidden_reason', 'text')
    .execute();
  await db.schema.createIndex('posts_stream_idx').on('posts').columns(['stream', 'id']).execute();
  await db.schema.createIndex('posts_author_idx').on('posts').columns(['author_id', 'id']).execute();
  await db.schema.createIndex('posts_record_idx').on('posts').columns(['record_id', 'id']).execute();
  await db.schema.createIndex('posts_space_idx').on('posts').columns(['space_id', 'id']).execute();
  await db.schema.createIndex('posts_shared_idx').on('posts').columns(['shared_post_id']).execute();

  // The newest post id of every feed source (stream, author, topic): lets a feed read only the
  // sources that can still contribute to a page.
  await db.schema
    .createTable('stream_heads')
    .addColumn('stream', 'text', (c) => c.primaryKey())
    .addColumn('last_post_id', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('parent_id', 'text')
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('reply_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .addColumn('deleted_at', 'text')
    .addColumn('hidden_at', 'text')
    .addColumn('hidden_by', 'text')
    .execute();
  await db.schema
    .createIndex('comments_thread_idx')
    .on('comments')
    .columns(['post_id', 'parent_id', 'id'])
    .execute();
  await db.schema.createIndex('comments_parent_idx').on('comments').columns(['parent_id', 'id']).execute();

  await db.schema
    .createTable('reactions')
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reactions_pk', ['subject_type', 'subject_id', 'kind', 'person_id'])
    .execute();
  await db.schema
    .createIndex('reactions_person_idx')
    .on('reactions')
    .columns(['person_id', 'subject_type', 'subject_id'])
    .execute();
  await db.schema
    .createTable('reaction_totals')
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('reaction_totals_pk', ['subject_type', 'subject_id', 'kind'])
    .execute();

  await db.schema
    .createTable('revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('editor_id', 'text', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('revisions_subject_idx')
    .on('revisions')
    .columns(['subject_type', 'subject_id', 'id'])
    .execute();

  await db.schema
    .createTable('mentions')
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mentions_pk', ['subject_type', 'subject_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('mentions_person_idx')
    .on('mentions')
    .columns(['person_id', 'post_id'])
    .execute();

  await db.schema
    .createTable('topics')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('post_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_post_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('post_topics')
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('post_topics_pk', ['topic', 'post_id'])
    .execute();
  await db.schema.createIndex('post_topics_post_idx').on('post_topics').columns(['post_id']).execute();

  await db.schema
    .createTable('polls')
    .addColumn('post_id', 'text', (c) => c.primaryKey().references('posts.id').onDelete('cascade'))
    .addColumn('multiple', 'integer', (c) => c.notNull())
    .addColumn('closes_at', 'text')
    .addColumn('voter_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('poll_options')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('vote_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('poll_options_post_idx')
    .on('poll_options')
    .columns(['post_id', 'position'])
    .execute();
  await db.schema
    .createTable('poll_votes')
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('option_id', 'text', (c) => c.notNull().references('poll_options.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('poll_votes_pk', ['post_id', 'person_id', 'option_id'])
    .execute();

  await db.schema
    .createTable('praise_recipients')
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('praise_recipients_pk', ['post_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('praise_recipients_person_idx')
    .on('praise_recipients')
    .columns(['person_id', 'post_id'])
    .execute();

  await db.schema
    .createTable('announcement_acks')
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('announcement_acks_pk', ['post_id', 'person_id'])
    .execute();
  // Live announcements, for the pinned strip on top of feeds.
  await db.schema
    .createIndex('posts_announcement_idx')
    .on('posts')
    .columns(['kind', 'pinned_until'])
    .execute();

  await db.schema
    .createTable('bookmarks')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bookmarks_pk', ['person_id', 'post_id'])
    .execute();
  await db.schema
    .createIndex('bookmarks_recent_idx')
    .on('bookmarks')
    .columns(['person_id', 'created_at', 'post_id'])
    .execute();

  // Follows of topics, records and spaces (people follows live in `follows`), and home-feed mutes.
  await db.schema
    .createTable('feed_follows')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('feed_follows_pk', ['person_id', 'target_type', 'target_id'])
    .execute();
  await db.schema
    .createIndex('feed_follows_target_idx')
    .on('feed_follows')
    .columns(['target_type', 'target_id'])
    .execute();
  await db.schema
    .createTable('feed_mutes')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('feed_mutes_pk', ['person_id', 'target_type', 'target_id'])
    .execute();

  await db.schema
    .createTable('record_types')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema
    .createTable('records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type_id', 'text', (c) => c.notNull().references('record_types.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('external_system', 'text')
    .addColumn('external_id', 'text')
    .addColumn('external_url', 'text')
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('records_external_idx')
    .on('records')
    .columns(['type_id', 'external_system', 'external_id'])
    .unique()
    .execute();
  await db.schema.createIndex('records_name_idx').on('records').columns(['type_id', 'name', 'id']).execute();
  await db.schema
    .createTable('record_shares')
    .addColumn('record_id', 'text', (c) => c.notNull().references('records.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('shared_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('record_shares_pk', ['record_id', 'space_id'])
    .execute();
  await db.schema.createIndex('record_shares_space_idx').on('record_shares').columns(['space_id']).execute();

  // Attachments: uploaded files (purpose 'attachment') linked to at most one post.
  await db.schema.alterTable('files').addColumn('name', 'text').execute();
  await db.schema.alterTable('files').addColumn('width', 'integer').execute();
  await db.schema.alterTable('files').addColumn('height', 'integer').execute();
  await db.schema.alterTable('files').addColumn('thumbnail_key', 'text').execute();
  await db.schema
    .createTable('post_attachments')
    .addColumn('file_id', 'text', (c) => c.primaryKey().references('files.id').onDelete('cascade'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('post_attachments_post_idx')
    .on('post_attachments')
    .columns(['post_id', 'position'])
    .execute();

  // Link previews are cached per URL and linked to the posts that contain the URL.
  await db.schema
    .createTable('link_previews')
    .addColumn('url_hash', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('description', 'text')
    .addColumn('site_name', 'text')
    .addColumn('image_url', 'text')
    .addColumn('fetched_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('post_links')
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('url_hash', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_links_pk', ['post_id', 'url_hash'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'post_links',
    'link_previews',
    'post_attachments',
    'record_shares',
    'records',
    'record_types',
    'feed_mutes',
    'feed_follows',
    'bookmarks',
    'announcement_acks',
    'praise_recipients',
    'poll_votes',
    'poll_options',
    'polls',
    'post_topics',
    'topics',
    'mentions',
    'revisions',
    'reaction_totals',
    'reactions',
    'comments',
    'stream_heads',
    'posts',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of ['thumbnail_key', 'height', 'width', 'name']) {
    await db.schema.alterTable('files').dropColumn(column).execute();
  }
}
