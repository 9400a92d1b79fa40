import type { Kysely } from 'kysely';

/**
 * Indexes for conversation reads:
 * - an announcement's acknowledgements in the order they came (keyset on created_at, person_id), read
 *   without sorting every acknowledgement of a company-wide announcement;
 * - records by name across types (GET /records without a type), in keyset order;
 * - a person's attachments by age, which every upload reads to clear and count the unattached ones.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('announcement_acks_order_idx')
    .on('announcement_acks')
    .columns(['post_id', 'created_at', 'person_id'])
    .execute();
  await db.schema.createIndex('records_by_name_idx').on('records').columns(['name', 'id']).execute();
  await db.schema
    .createIndex('files_owner_idx')
    .on('files')
    .columns(['owner_id', 'purpose', 'created_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('files_owner_idx').execute();
  await db.schema.dropIndex('records_by_name_idx').execute();
  await db.schema.dropIndex('announcement_acks_order_idx').execute();
}
