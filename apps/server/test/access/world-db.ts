import type { Kysely } from 'kysely';
import type { PersonRow } from '../../src/modules/people/people.repository.ts';
import { setSpaceArchived } from '../../src/modules/spaces/commands/archive-space.ts';
import type { SpaceRow } from '../../src/modules/spaces/spaces.repository.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { newId, nowIso } from '../../src/platform/db/time.ts';
import { buildPerson, type Session, sessionFor } from '../support/factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import type { TestApp } from '../support/test-app.ts';
import { INTERNAL_DOMAIN, type World } from './reference-model.ts';
import { buildPosts } from './world-posts.ts';

/**
 * Puts a generated world into the real database: people and spaces through the real commands (a
 * session each, made while the person was active), members through the space factory, profile fields
 * as rows (they are managed by the admin module; no command is needed to read them).
 * Between worlds the tables are emptied (rows deleted; the schema and the app are reused).
 */

export interface BuiltWorld {
  /** Person handle → row. */
  people: Map<string, PersonRow>;
  /** Person handle → a session opened while the person was active (deactivated people keep theirs). */
  sessions: Map<string, Session>;
  /** Space handle → id. */
  spaceIds: Map<string, string>;
  /** Post key → id (posts the API accepted). */
  postIds: Map<string, string>;
  /** The world's record, once created. */
  recordId?: string;
  /** Person handle → post key → the signed URL of the post's attachment they were given while building. */
  fileUrls: Map<string, Map<string, string>>;
}

/** Tables kept between worlds: the migration bookkeeping and instance settings. */
const KEEP = new Set(['settings', 'kysely_migration', 'kysely_migration_lock']);
/** Children before parents; any table not listed (added later by other modules) is emptied after these. */
const ORDER: Array<keyof DB> = [
  'post_links',
  'link_previews',
  'post_attachments',
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
  'feed_follows',
  'feed_mutes',
  'posts',
  'record_shares',
  'records',
  'record_types',
  'space_invitations',
  'space_join_requests',
  'space_rules',
  'space_members',
  'spaces',
  'custom_field_values',
  'custom_fields',
  'follows',
  'person_skills',
  'sessions',
  'api_tokens',
  'password_resets',
  'invitations',
  'audit_log',
  'event_deliveries',
  'events',
  'files',
  'internal_domains',
  'people',
];

let tableOrder: string[] | undefined;

async function tablesToEmpty(app: TestApp): Promise<string[]> {
  if (tableOrder) return tableOrder;
  const existing = (await app.ctx.db.introspection.getTables())
    .map((t) => t.name)
    .filter((n) => !KEEP.has(n));
  const known = ORDER.filter((t) => existing.includes(t));
  const others = existing.filter((t) => !(ORDER as string[]).includes(t));
  // Unknown tables most likely reference people or spaces: empty them first.
  tableOrder = [...others, ...known];
  return tableOrder;
}

/** Deletes every row of every application table (a few milliseconds; the schema stays). */
export async function resetDatabase(app: TestApp): Promise<void> {
  const tables = await tablesToEmpty(app);
  const db = app.ctx.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  try {
    // One transaction, one commit: on PostgreSQL the commits, not the deletes, are what cost.
    await db.transaction().execute(async (trx) => {
      for (const table of tables) await trx.deleteFrom(table).execute();
    });
  } catch {
    // A table added later that references another in an unexpected order: retry in passes.
    await emptyInPasses(db, tables);
  }
}

async function emptyInPasses(
  db: Kysely<Record<string, Record<string, unknown>>>,
  tables: string[],
): Promise<void> {
  let pending = tables;
  for (let pass = 0; pending.length > 0; pass++) {
    const failed: string[] = [];
    let lastError: unknown;
    for (const table of pending) {
      try {
        await db.deleteFrom(table).execute();
      } catch (error) {
        failed.push(table);
        lastError = error;
      }
    }
    if (failed.length > 0 && pass >= 4) throw lastError;
    pending = failed;
  }
}

export async function buildWorld(app: TestApp, world: World): Promise<BuiltWorld> {
  const db = app.ctx.db;
  // The organization's internal domain: emailed invitations to addresses on it are for employees.
  await db
    .insertInto('internal_domains')
    .values({ domain: INTERNAL_DOMAIN, created_by: null, created_at: nowIso() })
    .execute();
  const people = new Map<string, PersonRow>();
  const sessions = new Map<string, Session>();
  for (const p of world.people) {
    const row = await buildPerson(app, {
      name: p.name,
      handle: p.handle,
      email: p.email,
      kind: p.kind,
      role: p.role,
    });
    people.set(p.handle, row);
    sessions.set(p.handle, await sessionFor(app, row));
  }
  // Spaces through the real command (the owner, an employee, creates it), archived through the real
  // command, other members added by the space factory (which refuses an external in an internal space).
  const spaceIds = new Map<string, string>();
  const rows = new Map<string, SpaceRow>();
  for (const s of world.spaces) {
    const owner = world.memberships.find((m) => m.space === s.handle && m.role === 'owner');
    if (!owner) throw new Error(`space ${s.handle} has no owner`);
    const ownerRow = rowOf(people, owner.person);
    const row = await buildSpace(app, ownerRow, {
      name: s.name,
      handle: s.handle,
      description: 'A generated space.',
      category: s.category,
      audience: s.audience,
      visibility: s.visibility,
    });
    if (s.archived)
      await setSpaceArchived(app.ctx, { actor: ownerRow, spaceId: row.id, archived: true, ip: null });
    spaceIds.set(s.handle, row.id);
    rows.set(s.handle, row);
  }
  for (const m of world.memberships) {
    if (m.role === 'owner') continue;
    const space = rows.get(m.space);
    if (!space) throw new Error(`unknown space ${m.space}`);
    await addMember(app, space, rowOf(people, m.person), m.role);
  }
  const built: BuiltWorld = { people, sessions, spaceIds, postIds: new Map(), fileUrls: new Map() };
  // Posts are written while everyone is active: deactivations come next.
  const problems = await buildPosts(app, world, built);
  if (problems.length > 0)
    throw new Error(
      `${problems.length} access mismatch(es) with the reference model while writing posts:\n${problems.join('\n')}`,
    );
  const deactivated = world.people
    .filter((p) => p.status === 'deactivated')
    .map((p) => rowOf(people, p.handle).id);
  if (deactivated.length > 0) {
    // Straight in the table, sessions left in place: an old session must still get nothing.
    await db
      .updateTable('people')
      .set({ status: 'deactivated', deactivated_at: nowIso() })
      .where('id', 'in', deactivated)
      .execute();
  }

  const now = nowIso();
  const fieldIds = new Map<string, string>();
  if (world.fields.length > 0) {
    await db
      .insertInto('custom_fields')
      .values(
        world.fields.map((f, position) => {
          const id = newId();
          fieldIds.set(f.key, id);
          return {
            id,
            key: f.key,
            label: f.key.toUpperCase(),
            type: 'text' as const,
            options: '[]',
            visibility: f.visibility,
            position,
            created_at: now,
            updated_at: now,
          };
        }),
      )
      .execute();
  }
  if (world.values.length > 0) {
    await db
      .insertInto('custom_field_values')
      .values(
        world.values.map((v) => ({
          person_id: rowOf(people, v.person).id,
          field_id: idOf(fieldIds, v.field),
          value: v.value,
        })),
      )
      .execute();
  }
  return built;
}

function rowOf(people: Map<string, PersonRow>, handle: string): PersonRow {
  const found = people.get(handle);
  if (found === undefined) throw new Error(`unknown person ${handle}`);
  return found;
}

function idOf(map: Map<string, string>, key: string): string {
  const found = map.get(key);
  if (found === undefined) throw new Error(`unknown ${key}`);
  return found;
}
