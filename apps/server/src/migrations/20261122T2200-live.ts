import type { Kysely } from 'kysely';

/**
 * Live features: notifications (grouped while unread), per-type and per-space preferences, muted
 * threads, a person's notification settings (digest, quiet hours) and status, and durable scheduled
 * jobs (digests, quiet-hours deferrals, poll closings) run in each person's time zone.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recipient_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    // While unread, later notifications with the same key fold into this row; null once read.
    .addColumn('open_group', 'text')
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text')
    .addColumn('space_id', 'text')
    // JSON array of person ids, newest first (capped); actor_count counts every distinct actor.
    .addColumn('actor_ids', 'text', (c) => c.notNull())
    .addColumn('actor_count', 'integer', (c) => c.notNull())
    // JSON of ids and enums only: content is read through the access model when shown or emailed.
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('emailed_at', 'text')
    .addColumn('digested_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_recipient_idx')
    .on('notifications')
    .columns(['recipient_id', 'updated_at', 'id'])
    .execute();
  await db.schema
    .createIndex('notifications_unread_idx')
    .on('notifications')
    .columns(['recipient_id', 'read_at'])
    .execute();
  await db.schema
    .createIndex('notifications_open_group_idx')
    .on('notifications')
    .columns(['recipient_id', 'open_group'])
    .unique()
    .execute();

  await db.schema
    .createTable('notification_preferences')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    // '' for the person's default for the type, or a space id for that space only.
    .addColumn('space_id', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pk', ['person_id', 'type', 'space_id'])
    .execute();

  await db.schema
    .createTable('thread_mutes')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('thread_mutes_pk', ['person_id', 'post_id'])
    .execute();

  await db.schema
    .createTable('notification_settings')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id'))
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('digest_hour', 'integer', (c) => c.notNull())
    // ISO weekday 1 (Monday) to 7, for weekly digests.
    .addColumn('digest_weekday', 'integer', (c) => c.notNull())
    // 'HH:MM' in the person's time zone; both null when quiet hours are off.
    .addColumn('quiet_start', 'text')
    .addColumn('quiet_end', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('person_status')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id'))
    .addColumn('availability', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    // When the status (and its message) lapses back to available.
    .addColumn('until', 'text')
    // JSON { days: [1..7], start: 'HH:MM', end: 'HH:MM' } in the person's time zone, or null.
    .addColumn('working_hours', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('scheduled_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    // At most one pending job per key (e.g. 'digest:<person id>'): rescheduling replaces it.
    .addColumn('job_key', 'text', (c) => c.notNull().unique())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('scheduled_jobs_due_idx')
    .on('scheduled_jobs')
    .columns(['status', 'run_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'scheduled_jobs',
    'person_status',
    'notification_settings',
    'thread_mutes',
    'notification_preferences',
    'notifications',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
