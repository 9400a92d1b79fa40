import type { Kysely } from 'kysely';

/**
 * Spaces (groups and communities), their members, join requests, invitations and membership rules.
 * `open_key` columns hold a value only while a row is open (pending request, pending invitation), so a
 * plain unique index makes "one open row per person and space" a database guarantee on both dialects.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('spaces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('handle', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('guidelines', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull())
    .addColumn('avatar_file_id', 'text')
    .addColumn('cover_file_id', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('spaces_name_idx').on('spaces').columns(['name', 'id']).execute();
  await db.schema.createIndex('spaces_category_idx').on('spaces').columns(['category', 'name']).execute();

  await db.schema
    .createTable('space_members')
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('space_members_pk', ['space_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('space_members_person_idx')
    .on('space_members')
    .columns(['person_id', 'space_id'])
    .execute();

  await db.schema
    .createTable('space_join_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('open_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('space_join_requests_space_idx')
    .on('space_join_requests')
    .columns(['space_id', 'status', 'created_at'])
    .execute();

  await db.schema
    .createTable('space_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('open_key', 'text', (c) => c.unique())
    .addColumn('invited_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('accepted_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('declined_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('space_invitations_space_idx')
    .on('space_invitations')
    .columns(['space_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('space_invitations_person_idx')
    .on('space_invitations')
    .column('person_id')
    .execute();

  await db.schema
    .createTable('space_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('space_rules_field_idx')
    .on('space_rules')
    .columns(['field', 'value'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'space_rules',
    'space_invitations',
    'space_join_requests',
    'space_members',
    'spaces',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
