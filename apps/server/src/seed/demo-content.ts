import { PRAISE_BADGES, REACTION_KINDS } from '@atrium/contracts';
import { v7 } from 'uuid';
import type { AppContext } from '../platform/context.ts';
import type { CommentsTable, PostsTable } from '../platform/db/schema-conversation.ts';
import { nowIso } from '../platform/db/time.ts';
import { isUniqueViolation } from '../platform/db/unique-violation.ts';
import { inTransaction } from '../platform/http/transaction.ts';
import { ContentWriter, type WriterPerson } from './content-writer.ts';
import { writeCommunity, writeCompanyFeed, writeRecordFeeds } from './demo-content-feeds.ts';
import { writeSpaceFeeds } from './demo-content-spaces.ts';
import { DEMO_SEED } from './demo-org.ts';
import { demoRecords } from './demo-records.ts';
import { createRandom, type Random } from './random.ts';

/** Marks the content stage (posts, comments, reactions, records), seeded once per database. */
export const CONTENT_MARKER = 'demo.content_seeded';

const DAY = 24 * 60 * 60 * 1000;

export interface DemoPerson extends WriterPerson {
  kind: 'member' | 'external';
  role: string;
  department: string | null;
}

export interface DemoSpace {
  id: string;
  handle: string;
  name: string;
  category: string | null;
  audience: string;
  visibility: string;
  members: DemoPerson[];
  readers: Map<string, DemoPerson>;
}

/** What the content generators share: the writer, the dice, the people and the clock. */
export interface ContentPlan {
  writer: ContentWriter;
  random: Random;
  employees: DemoPerson[];
  employeeReaders: Map<string, DemoPerson>;
  admin: DemoPerson;
  spaces: DemoSpace[];
  now: number;
  /** A time in the last `days` days, at least an hour ago. */
  when(days?: number): number;
  /** A time after `at`, before now. */
  after(at: number): number;
}

/**
 * The demo organization's conversations: about 5,000 posts across spaces, the company feed, profiles and
 * records, with comments, reactions, questions and accepted answers, polls, praise, announcements and a
 * customer community where employees and customers answer each other. Deterministic; written in one
 * transaction with its marker, so it happens once.
 */
export async function ensureDemoContent(ctx: AppContext): Promise<{ posts: number } | undefined> {
  const existing = await ctx.db
    .selectFrom('settings')
    .select('key')
    .where('key', '=', CONTENT_MARKER)
    .executeTakeFirst();
  if (existing) return undefined;
  const plan = await loadPlan(ctx);
  if (!plan) return undefined;
  // An organization that already defined record types has its own model: the demo adds none of its own.
  const taken = await ctx.db.selectFrom('record_types').select('key').execute();
  const records =
    taken.length === 0 ? demoRecords(plan.writer, plan.random, plan.admin.id, plan.now - 150 * DAY) : [];
  writeSpaceFeeds(plan);
  writeCompanyFeed(plan);
  writeRecordFeeds(plan, records);
  writeCommunity(plan, records);
  try {
    await inTransaction(ctx, async (trx) => {
      await trx
        .insertInto('settings')
        .values({
          key: CONTENT_MARKER,
          value: JSON.stringify({ seed: DEMO_SEED, posts: plan.writer.posts.length }),
          updated_at: nowIso(),
        })
        .execute();
      await plan.writer.flush(trx);
    });
  } catch (error) {
    // Another node seeded the same content first (its marker is there now); anything else is a real error.
    const marker = await ctx.db
      .selectFrom('settings')
      .select('key')
      .where('key', '=', CONTENT_MARKER)
      .executeTakeFirst();
    if (marker && isUniqueViolation(error)) return undefined;
    throw error;
  }
  return { posts: plan.writer.posts.length };
}

async function loadPlan(ctx: AppContext): Promise<ContentPlan | undefined> {
  const people = (await ctx.db
    .selectFrom('people')
    .select(['id', 'handle', 'name', 'kind', 'role', 'department'])
    .where('status', '=', 'active')
    .orderBy('handle')
    .execute()) as DemoPerson[];
  const admin = people.find((p) => p.role === 'admin' && p.kind === 'member');
  if (!admin) return undefined;
  const byId = new Map(people.map((p) => [p.id, p]));
  const spaceRows = await ctx.db
    .selectFrom('spaces')
    .select(['id', 'handle', 'name', 'category', 'audience', 'visibility'])
    .where('archived_at', 'is', null)
    .orderBy('handle')
    .execute();
  const memberRows = await ctx.db
    .selectFrom('space_members')
    .select(['space_id', 'person_id'])
    .orderBy('space_id')
    .orderBy('person_id')
    .execute();
  const spaces: DemoSpace[] = spaceRows.map((s) => {
    const members = memberRows
      .filter((m) => m.space_id === s.id)
      .map((m) => byId.get(m.person_id))
      .filter((p) => p !== undefined);
    return { ...s, members, readers: new Map(members.map((p) => [p.handle, p])) };
  });
  const employees = people.filter((p) => p.kind === 'member');
  const random = createRandom(DEMO_SEED + 2);
  const now = Date.now();
  return {
    writer: new ContentWriter(),
    random,
    employees,
    employeeReaders: new Map(employees.map((p) => [p.handle, p])),
    admin,
    spaces,
    now,
    when: (days = 120) => now - 60 * 60 * 1000 - Math.floor(random.next() * days * DAY),
    after: (at) => Math.min(now - 60_000, at + Math.floor(random.next() * 2 * DAY) + 60_000),
  };
}

/** Fills `{mention}`, `{topic}`, `{space}`, `{record}` and `{n}` in a template. */
export function fill(
  plan: ContentPlan,
  template: string,
  values: { topic: string; space?: string; record?: string; mentionable: DemoPerson[] },
): string {
  const mention =
    values.mentionable.length > 0 ? `@${plan.random.pick(values.mentionable).handle}` : 'the team';
  return template
    .replaceAll('{mention}', mention)
    .replaceAll('{topic}', values.topic)
    .replaceAll('{space}', values.space ?? 'the team')
    .replaceAll('{record}', values.record ?? 'this account')
    .replaceAll('{n}', String(plan.random.int(12, 96)));
}

/** Reactions and comments from the people who can read the post. */
export function engage(
  plan: ContentPlan,
  target: PostsTable,
  readers: DemoPerson[],
  comments: string[],
  replies: string[],
): CommentsTable[] {
  const { writer, random } = plan;
  const at = Date.parse(target.created_at);
  const written: CommentsTable[] = [];
  const reactors = random.sample(readers, random.weighted([0, 2, 5, 10, 18], [2, 4, 5, 3, 1]));
  for (const person of reactors)
    writer.react(
      'post',
      target.id,
      person.id,
      random.weighted(REACTION_KINDS, [10, 3, 4, 3, 2, 1]),
      plan.after(at),
    );
  const count = random.weighted([0, 1, 2, 3, 5], [3, 4, 3, 2, 1]);
  const mentionable = readers.slice(0, 50);
  for (let i = 0; i < count; i++) {
    const author = random.pick(readers);
    const body = fill(plan, random.pick(comments), { topic: '', mentionable });
    const comment = writer.comment(target, author, body, plan.after(at), readerMap(readers));
    written.push(comment);
    if (random.chance(0.3)) {
      const replier = random.pick(readers);
      writer.comment(
        target,
        replier,
        random.pick(replies),
        plan.after(Date.parse(comment.created_at)),
        new Map(),
        comment,
      );
    }
    if (random.chance(0.4))
      writer.react('comment', comment.id, random.pick(readers).id, 'like', plan.after(at));
  }
  return written;
}

const readerMaps = new WeakMap<DemoPerson[], Map<string, DemoPerson>>();
/** Handle → person, for mention resolution (memoized per list). */
export function readerMap(readers: DemoPerson[]): Map<string, DemoPerson> {
  let map = readerMaps.get(readers);
  if (!map) {
    map = new Map(readers.map((p) => [p.handle, p]));
    readerMaps.set(readers, map);
  }
  return map;
}

export const praiseBadge = (random: Random) => random.pick(PRAISE_BADGES);
export const newRowId = (at: number) => v7({ msecs: at });
