import { type Kysely, sql } from 'kysely';

/**
 * People's search text no longer holds their email: external people must not find anyone by an address
 * they may not see. Employees' searches match the email column separately.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`update people set search_text = trim(replace(search_text, email, ''))`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`update people set search_text = search_text || ' ' || email`.execute(db);
}
