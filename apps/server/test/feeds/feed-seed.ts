import type { PersonKind, SpaceAudience, SpaceVisibility } from '@atrium/contracts';
import type { Insertable, Kysely } from 'kysely';
import { v7 } from 'uuid';
import { sourcesOfPost } from '../../src/modules/feeds/stream-heads.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import type { PostsTable } from '../../src/platform/db/schema-conversation.ts';

/**
 * A deterministic bulk world for feed tests, plan checks and measurements: people, spaces with Zipf
 * activity, memberships, follows, records shared into external spaces, and posts in every kind of target
 * with topics, deletions and hidden posts. Rows go in with multi-row inserts in one transaction, and
 * `stream_heads` is computed from the posts exactly as `advanceStreamHeads` would keep it.
 */
export interface SeedOptions {
  seed?: number;
  people: number;
  spaces: number;
  posts: number;
  topics?: number;
  records?: number;
  /** A person who belongs to this many spaces that have one old post each. */
  quietSpaces?: number;
}

export interface SeededWorld {
  people: { id: string; kind: PersonKind }[];
  spaces: { id: string; audience: SpaceAudience; visibility: SpaceVisibility }[];
  topics: string[];
  records: string[];
  /** Member of `quietSpaces` spaces with one old post each, nothing else. */
  quietPerson: string;
  /** Member of one empty space, following nobody. */
  emptyPerson: string;
  /** An employee in many spaces who follows people, topics and records and mutes some. */
  busyPerson: string;
  /** An external person in two external spaces, one with a shared record. */
  externalPerson: string;
}

function rng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  /** Zipf-like: small indexes much more often. */
  const zipf = (max: number) => Math.min(max - 1, Math.floor(max ** next()) - 1);
  return { next, int, zipf };
}

/** Multi-row inserts in chunks that stay under both dialects' parameter limits. */
async function inChunks<T>(rows: T[], columns: number, insert: (chunk: T[]) => Promise<unknown>) {
  const size = Math.max(1, Math.floor(30_000 / columns));
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

const EPOCH = Date.parse('2026-01-01T00:00:00.000Z');

export async function seedFeedWorld(db: Kysely<DB>, options: SeedOptions): Promise<SeededWorld> {
  const r = rng(options.seed ?? 42);
  const now = new Date(EPOCH).toISOString();
  const tag = v7().slice(-8);
  const people: SeededWorld['people'] = [];
  const personRows: Insertable<DB['people']>[] = [];
  for (let i = 0; i < options.people + 4; i++) {
    // Every tenth seeded person is external; of the four special people only the last one.
    const kind: PersonKind =
      i === options.people + 3 || (i < options.people && i > 10 && i % 10 === 0) ? 'external' : 'member';
    const id = v7();
    people.push({ id, kind });
    personRows.push({
      id,
      email: `seed${i}-${tag}@example.com`,
      name: `Seed Person ${i}`,
      handle: `seed${i}-${tag}`,
      kind,
      role: 'user',
      status: 'active',
      search_text: `seed person ${i}`,
      created_at: now,
      updated_at: now,
    });
  }
  const quietPerson = people[options.people]?.id ?? '';
  const emptyPerson = people[options.people + 1]?.id ?? '';
  const busyPerson = people[options.people + 2]?.id ?? '';
  const externalPerson = people[options.people + 3]?.id ?? '';
  const employees = people.filter((p) => p.kind === 'member');
  const externals = people.filter((p) => p.kind === 'external');

  const quietCount = options.quietSpaces ?? 0;
  const spaces: SeededWorld['spaces'] = [];
  const spaceRows: Insertable<DB['spaces']>[] = [];
  for (let i = 0; i < options.spaces + quietCount + 1; i++) {
    const audience: SpaceAudience = i % 5 === 1 ? 'external' : 'internal';
    const visibility: SpaceVisibility = i % 7 === 3 ? 'private' : i % 11 === 4 ? 'secret' : 'open';
    const id = v7();
    spaces.push({ id, audience, visibility });
    spaceRows.push({
      id,
      handle: `seed-space-${i}-${tag}`,
      name: `Seed space ${i}`,
      description: '',
      guidelines: '',
      audience,
      visibility,
      is_default: 0,
      search_text: `seed space ${i}`,
      created_by: employees[0]?.id ?? null,
      created_at: now,
      updated_at: now,
    });
  }
  const active = spaces.slice(0, options.spaces);
  const quiet = spaces.slice(options.spaces, options.spaces + quietCount);
  const empty = spaces[spaces.length - 1];
  const members = new Map<string, Set<string>>();
  const join = (spaceId: string, personId: string) => {
    const set = members.get(spaceId) ?? new Set<string>();
    set.add(personId);
    members.set(spaceId, set);
  };
  for (const person of people.slice(0, options.people)) {
    const admissible = active.filter((s) => person.kind === 'member' || s.audience === 'external');
    const count = Math.min(admissible.length, 4 + r.int(17));
    for (let k = 0; k < count; k++) {
      const space = admissible[r.zipf(admissible.length)];
      if (space) join(space.id, person.id);
    }
  }
  for (const space of quiet) join(space.id, quietPerson);
  if (empty) join(empty.id, emptyPerson);
  for (const space of active.slice(0, 40)) join(space.id, busyPerson);
  const externalSpaces = active.filter((s) => s.audience === 'external');
  for (const space of externalSpaces.slice(0, 2)) join(space.id, externalPerson);
  const memberRows: Insertable<DB['space_members']>[] = [];
  for (const [spaceId, set] of members) {
    for (const personId of set) {
      memberRows.push({
        space_id: spaceId,
        person_id: personId,
        role: 'member',
        source: 'manual',
        joined_at: now,
      });
    }
  }

  const topics = Array.from({ length: options.topics ?? 30 }, (_, i) => `seed-topic-${i}`);
  const typeId = v7();
  const records = Array.from({ length: options.records ?? 10 }, () => v7());
  const sharedInto = new Map<string, string>();
  records.forEach((recordId, i) => {
    const space = externalSpaces[i % Math.max(1, externalSpaces.length)];
    if (space && i % 2 === 0) sharedInto.set(recordId, space.id);
  });

  const posts: Insertable<DB['posts']>[] = [];
  const postTopics: Insertable<DB['post_topics']>[] = [];
  const heads = new Map<string, string>();
  const topicCounts = new Map<string, number>();
  for (let i = 0; i < options.posts; i++) {
    const createdAt = EPOCH + i * 1000;
    const id = v7({ msecs: createdAt });
    const roll = r.next();
    const author =
      roll < 0.05 && externals.length > 0
        ? externals[r.int(externals.length)]
        : employees[r.zipf(employees.length)];
    const row: Pick<PostsTable, 'target_type' | 'stream' | 'space_id' | 'profile_id' | 'record_id'> = {
      target_type: 'space',
      stream: '',
      space_id: null,
      profile_id: null,
      record_id: null,
    };
    if (i < quiet.length) {
      // One old post in each quiet space: many sources, each with little to give.
      const space = quiet[i];
      if (!space) continue;
      Object.assign(row, { stream: `space:${space.id}`, space_id: space.id });
    } else if (roll < 0.1) {
      Object.assign(row, { target_type: 'company', stream: 'company' });
    } else if (roll < 0.15) {
      const profile = employees[r.int(employees.length)]?.id ?? '';
      Object.assign(row, { target_type: 'person', stream: `person:${profile}`, profile_id: profile });
    } else if (roll < 0.2 && records.length > 0) {
      const recordId = records[r.zipf(records.length)] ?? '';
      Object.assign(row, { target_type: 'record', stream: `record:${recordId}`, record_id: recordId });
    } else {
      const space = active[r.zipf(active.length)];
      if (!space) continue;
      const shared = [...sharedInto].find(([, spaceId]) => spaceId === space.id);
      Object.assign(row, { stream: `space:${space.id}`, space_id: space.id });
      if (shared && r.next() < 0.3) row.record_id = shared[0];
    }
    const post: Insertable<DB['posts']> = {
      id,
      author_id: author?.id ?? busyPerson,
      kind: i % 97 === 0 ? 'announcement' : 'update',
      ...row,
      body: `Seed post ${i}`,
      comment_count: 0,
      requires_ack: 0,
      body_html: `<p>Seed post ${i}</p>`,
      created_at: new Date(createdAt).toISOString(),
      deleted_at: i % 53 === 0 ? new Date(createdAt).toISOString() : null,
      hidden_at: i % 61 === 0 ? new Date(createdAt).toISOString() : null,
      pinned_at: i % 211 === 0 && row.space_id ? new Date(createdAt).toISOString() : null,
    };
    posts.push(post);
    const postTopicNames = r.next() < 0.25 ? [topics[r.zipf(topics.length)] ?? 'seed-topic-0'] : [];
    for (const topic of postTopicNames) {
      postTopics.push({ topic, post_id: id });
      topicCounts.set(topic, (topicCounts.get(topic) ?? 0) + 1);
    }
    for (const source of sourcesOfPost(
      { stream: row.stream, author_id: post.author_id, record_id: row.record_id },
      postTopicNames,
    )) {
      heads.set(source, id);
    }
  }

  const follows: Insertable<DB['follows']>[] = [];
  const feedFollows: Insertable<DB['feed_follows']>[] = [];
  const feedMutes: Insertable<DB['feed_mutes']>[] = [];
  for (const followee of employees.slice(0, 15)) {
    if (followee.id !== busyPerson)
      follows.push({ follower_id: busyPerson, followee_id: followee.id, created_at: now });
  }
  for (const topic of topics.slice(0, 5))
    feedFollows.push({ person_id: busyPerson, target_type: 'topic', target_id: topic, created_at: now });
  for (const recordId of records.slice(0, 3))
    feedFollows.push({ person_id: busyPerson, target_type: 'record', target_id: recordId, created_at: now });
  for (const space of active.slice(40, 45))
    feedFollows.push({ person_id: busyPerson, target_type: 'space', target_id: space.id, created_at: now });
  for (const recordId of records.slice(0, 2))
    feedFollows.push({
      person_id: externalPerson,
      target_type: 'record',
      target_id: recordId,
      created_at: now,
    });
  feedFollows.push({
    person_id: externalPerson,
    target_type: 'topic',
    target_id: topics[0] ?? 'seed-topic-0',
    created_at: now,
  });
  if (employees[3])
    feedMutes.push({
      person_id: busyPerson,
      target_type: 'person',
      target_id: employees[3].id,
      created_at: now,
    });
  if (active[2])
    feedMutes.push({ person_id: busyPerson, target_type: 'space', target_id: active[2].id, created_at: now });
  feedMutes.push({
    person_id: busyPerson,
    target_type: 'topic',
    target_id: topics[6] ?? 'seed-topic-6',
    created_at: now,
  });

  await db.transaction().execute(async (trx) => {
    const t = trx as unknown as Kysely<DB>;
    await inChunks(personRows, 10, (chunk) => t.insertInto('people').values(chunk).execute());
    await inChunks(spaceRows, 13, (chunk) => t.insertInto('spaces').values(chunk).execute());
    await inChunks(memberRows, 5, (chunk) => t.insertInto('space_members').values(chunk).execute());
    await t
      .insertInto('record_types')
      .values({
        id: typeId,
        key: `seed-${tag}`,
        name: 'Seed',
        fields: '[]',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await inChunks(
      records.map((id, i) => ({
        id,
        type_id: typeId,
        name: `Record ${i}`,
        fields: '{}',
        search_text: `record ${i}`,
        created_at: now,
        updated_at: now,
      })),
      7,
      (chunk) => t.insertInto('records').values(chunk).execute(),
    );
    await inChunks(
      [...sharedInto].map(([record_id, space_id]) => ({ record_id, space_id, created_at: now })),
      3,
      (chunk) => t.insertInto('record_shares').values(chunk).execute(),
    );
    await inChunks(posts, 17, (chunk) => t.insertInto('posts').values(chunk).execute());
    await inChunks(
      topics.map((name) => ({
        name,
        post_count: topicCounts.get(name) ?? 0,
        created_at: now,
        last_post_at: now,
      })),
      4,
      (chunk) => t.insertInto('topics').values(chunk).execute(),
    );
    await inChunks(postTopics, 2, (chunk) => t.insertInto('post_topics').values(chunk).execute());
    await inChunks(
      [...heads].map(([stream, last_post_id]) => ({ stream, last_post_id })),
      2,
      (chunk) => t.insertInto('stream_heads').values(chunk).execute(),
    );
    await inChunks(follows, 3, (chunk) => t.insertInto('follows').values(chunk).execute());
    await inChunks(feedFollows, 4, (chunk) => t.insertInto('feed_follows').values(chunk).execute());
    await inChunks(feedMutes, 4, (chunk) => t.insertInto('feed_mutes').values(chunk).execute());
  });
  return { people, spaces, topics, records, quietPerson, emptyPerson, busyPerson, externalPerson };
}
