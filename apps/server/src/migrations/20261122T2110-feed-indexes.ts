import { type Kysely, sql } from 'kysely';

/**
 * Indexes for feed reads (ADR 0008):
 * - the pinned posts of a space, read on the first page of its feed, without walking its posts;
 * - spaces by visibility and audience, carrying the id: the post access rule lists open spaces for every
 *   filtered feed source, and without it SQLite builds an automatic index on each execution.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('posts_pinned_idx')
    .on('posts')
    .columns(['space_id', 'pinned_at'])
    .where(sql.ref('pinned_at'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('spaces_visibility_idx')
    .on('spaces')
    .columns(['visibility', 'audience', 'id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('spaces_visibility_idx').execute();
  await db.schema.dropIndex('posts_pinned_idx').execute();
}
