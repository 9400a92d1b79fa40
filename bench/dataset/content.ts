import type { Organization } from './organization.ts';
import { createRng, isoAt as iso, type Rng, uuidv7At, weightedSampler, zipfWeights } from './random.ts';
import { DAY, type DatasetSpec, HOUR } from './spec.ts';
import type { Row, RowBuffer } from './tables.ts';
import { body } from './text.ts';

const REACTION_KINDS = ['like', 'love', 'celebrate', 'insightful', 'thanks', 'funny'] as const;
const BADGES = ['thank_you', 'team_player', 'above_and_beyond', 'great_idea', 'customer_hero', 'mentor'];
const kindSampler = weightedSampler(zipfWeights(REACTION_KINDS.length, 1.3));

/** What the generator tracks across posts: the newest post of every feed source, and topic totals. */
export interface ContentState {
  heads: Map<string, string>;
  topics: Map<string, { count: number; firstMs: number; lastMs: number }>;
}

interface Comment {
  row: Row;
  id: string;
  depth: number;
  replies: number;
}

/** Distinct readers of a post, for its comments and reactions. */
function pickPeople(rng: Rng, readers: readonly number[], count: number, exclude: number): number[] {
  const n = Math.min(count, Math.max(0, readers.length - 1));
  const picked = new Set<number>();
  for (let tries = 0; picked.size < n && tries < n * 10; tries++) {
    const p = readers[Math.floor(rng.next() * readers.length)] ?? exclude;
    if (p !== exclude) picked.add(p);
  }
  return [...picked];
}

/** Geometric-ish counts: `none` chance of 0, else 1 + a long tail with the given mean above 1. */
function count(rng: Rng, none: number, mean: number, max: number): number {
  if (rng.chance(none)) return 0;
  return Math.min(max, 1 + Math.floor(-Math.log(1 - rng.next()) * mean));
}

function reactions(
  rng: Rng,
  out: RowBuffer,
  subjectType: 'post' | 'comment',
  subjectId: string,
  people: number[],
  idOf: (i: number) => string,
  fromMs: number,
): void {
  const totals = new Map<string, number>();
  for (const p of people) {
    const kind = REACTION_KINDS[kindSampler.sample(rng)] ?? 'like';
    totals.set(kind, (totals.get(kind) ?? 0) + 1);
    out.add('reactions', [subjectType, subjectId, kind, idOf(p), iso(fromMs + rng.int(1, 48) * HOUR)]);
  }
  for (const [kind, total] of totals) out.add('reaction_totals', [subjectType, subjectId, kind, total]);
}

/**
 * Posts `from`..`to-1` with their comments, reactions, topics, polls and praise. Post i is created at
 * an evenly spread, strictly increasing time, and its UUIDv7 id is built from that time, so id order is
 * time order. Every post gets its own random stream (seeded by its index), so any range of posts comes
 * out the same whether generated alone or as part of the whole.
 */
export function contentRows(
  spec: DatasetSpec,
  org: Organization,
  from: number,
  to: number,
  out: RowBuffer,
  state: ContentState,
): void {
  const { people, spaces, members, employees } = org;
  const idOf = (index: number): string => people[index]?.id ?? '';
  const step = (spec.endMs - spec.startMs) / spec.posts;
  for (let i = from; i < to; i++) {
    const rng = createRng(Math.imul(i + 1, 0x9e3779b1) ^ spec.seed);
    const ms = spec.startMs + Math.floor(i * step) + (step >= 2 ? rng.int(0, Math.floor(step) - 1) : 0);
    const id = uuidv7At(ms, rng);
    const created = iso(ms);
    const roll = rng.next();
    let target: 'space' | 'company' | 'person' | 'record' = 'space';
    let stream = 'company';
    let spaceId: string | null = null;
    let profileId: string | null = null;
    let recordId: string | null = null;
    let readers: readonly number[] = employees;
    let author: number;
    if (roll < 0.86) {
      const space = spaces[org.spaceActivity.sample(rng)];
      const list = members[space?.index ?? 0] ?? employees;
      spaceId = space?.id ?? null;
      stream = `space:${spaceId}`;
      readers = list;
      author = rng.pick(list);
    } else if (roll < 0.93) {
      target = 'company';
      author = org.popularEmployee(rng);
    } else if (roll < 0.97) {
      target = 'person';
      profileId = idOf(org.popularEmployee(rng));
      stream = `person:${profileId}`;
      author = rng.pick(employees);
    } else {
      target = 'record';
      recordId = org.records[org.recordSampler.sample(rng)]?.id ?? null;
      stream = `record:${recordId}`;
      author = org.popularEmployee(rng);
    }
    const k = rng.next();
    let kind =
      k < 0.88 ? 'update' : k < 0.94 ? 'question' : k < 0.96 ? 'poll' : k < 0.99 ? 'praise' : 'announcement';
    // Announcements come from a space's owner or, company-wide, from the admin.
    if (kind === 'announcement' && (target === 'person' || target === 'record')) kind = 'update';
    if (kind === 'announcement') author = target === 'space' ? (readers[0] ?? 0) : 0;
    const topicCount = rng.chance(0.3) ? (rng.chance(0.25) ? 2 : 1) : 0;
    const topics = new Set<string>();
    for (let t = 0; t < topicCount; t++) topics.add(org.topics[org.topicSampler.sample(rng)] ?? 'general');
    const text = body(rng, [...topics], rng.int(1, 3));

    const comments: Comment[] = [];
    const commentCount = count(rng, 0.55, 2, 40);
    let commentMs = ms;
    for (let c = 0; c < commentCount; c++) {
      commentMs += rng.int(1, 240) * 60_000;
      const commentId = uuidv7At(commentMs, rng);
      const parent = comments.length > 0 && rng.chance(0.3) ? rng.pick(comments) : undefined;
      const depth = parent ? Math.min(2, parent.depth + 1) : 0;
      if (parent) parent.replies++;
      const commenter = rng.pick(readers);
      const t = body(rng, [], 1);
      const deleted = rng.chance(0.005) ? iso(commentMs + HOUR) : null;
      const row: Row = [
        commentId,
        id,
        parent?.id ?? null,
        depth,
        idOf(commenter),
        t.body,
        t.html,
        0,
        iso(commentMs),
        deleted,
      ];
      comments.push({ row, id: commentId, depth, replies: 0 });
    }
    const deleted = rng.chance(0.004);
    const hidden = !deleted && rng.chance(0.001);
    const accepted =
      kind === 'question' && comments.length > 0 && rng.chance(0.4) ? (comments[0]?.id ?? null) : null;
    out.add('posts', [
      id,
      idOf(author),
      kind,
      target,
      stream,
      spaceId,
      profileId,
      recordId,
      text.body,
      text.html,
      kind === 'praise' ? rng.pick(BADGES) : null,
      accepted,
      kind === 'announcement' && rng.chance(0.3) ? 1 : 0,
      kind === 'announcement' ? iso(ms + 7 * DAY) : null,
      comments.filter((c) => c.row[9] === null).length,
      created,
      deleted ? iso(ms + HOUR) : null,
      deleted ? idOf(author) : null,
      hidden ? iso(ms + HOUR) : null,
      hidden ? idOf(0) : null,
      hidden ? 'spam' : null,
    ]);
    for (const c of comments) {
      c.row[7] = c.replies;
      out.add('comments', c.row);
    }
    reactions(rng, out, 'post', id, pickPeople(rng, readers, count(rng, 0.4, 3, 60), author), idOf, ms);
    for (const c of comments) {
      if (rng.chance(0.12))
        reactions(rng, out, 'comment', c.id, pickPeople(rng, readers, rng.int(1, 3), -1), idOf, ms);
    }
    for (const topic of topics) {
      out.add('post_topics', [topic, id]);
      const stats = state.topics.get(topic);
      if (stats) {
        stats.count++;
        stats.lastMs = ms;
      } else state.topics.set(topic, { count: 1, firstMs: ms, lastMs: ms });
    }
    if (kind === 'poll') {
      out.add('polls', [id, rng.chance(0.3) ? 1 : 0, iso(ms + 7 * DAY), 0]);
      const options = rng.int(2, 4);
      for (let o = 0; o < options; o++) {
        out.add('poll_options', [uuidv7At(ms, rng), id, o, `Option ${String.fromCharCode(65 + o)}`, 0]);
      }
    }
    if (kind === 'praise') {
      for (const p of pickPeople(rng, employees, rng.int(1, 2), author))
        out.add('praise_recipients', [id, idOf(p)]);
    }
    // Feed sources, as stream-heads.ts `sourcesOfPost` names them; ids only grow, so the last one wins.
    state.heads.set(stream, id);
    state.heads.set(`author:${idOf(author)}`, id);
    for (const topic of topics) state.heads.set(`topic:${topic}`, id);
    if (recordId !== null) state.heads.set(`record:${recordId}`, id);
  }
}

/** The rows written after every post: topic totals and the heads of every feed source. */
export function closingRows(state: ContentState, out: RowBuffer): void {
  for (const [name, t] of state.topics) out.add('topics', [name, t.count, iso(t.firstMs), iso(t.lastMs)]);
  for (const [stream, id] of state.heads) out.add('stream_heads', [stream, id]);
}
