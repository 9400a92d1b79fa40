import type { Kysely } from 'kysely';

/**
 * Admin module: at most one open invitation per email, enforced by the database so two racing requests
 * cannot both issue one (a plain unique column: both dialects allow many NULLs); and indexes for the audit
 * log's filters and the invitation list.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('invitations').addColumn('open_email', 'text').execute();
  // Nothing wrote invitations before this migration, so there is no open row to backfill.
  await db.schema
    .createIndex('invitations_open_email_uq')
    .on('invitations')
    .column('open_email')
    .unique()
    .execute();
  await db.schema
    .createIndex('invitations_created_idx')
    .on('invitations')
    .columns(['created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('audit_log_action_idx')
    .on('audit_log')
    .columns(['action', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('audit_log_actor_idx')
    .on('audit_log')
    .columns(['actor_id', 'created_at', 'id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_log_actor_idx').execute();
  await db.schema.dropIndex('audit_log_action_idx').execute();
  await db.schema.dropIndex('invitations_created_idx').execute();
  await db.schema.dropIndex('invitations_open_email_uq').execute();
  await db.schema.alterTable('invitations').dropColumn('open_email').execute();
}
