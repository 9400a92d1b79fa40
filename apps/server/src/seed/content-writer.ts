import type { PostKind, ReactionKind } from '@atrium/contracts';
import type { InsertObject, Transaction } from 'kysely';
import { v7 } from 'uuid';
import {
  advanceStreamHeads,
  type StreamTarget,
  sourcesOfPost,
  streamOf,
} from '../modules/feeds/stream-heads.ts';
import { type MentionTarget, renderMarkdown } from '../platform/content/index.ts';
import type { DB } from '../platform/db/schema.ts';
import type { CommentsTable, PostsTable, ReactionSubject } from '../platform/db/schema-conversation.ts';

/**
 * Collects generated content in memory and writes it in large batches: historic content for the demo
 * (and any bulk import) is rows, not requests. It keeps what the commands keep — rendered HTML, resolved
 * mentions, topics and their counts, comment and reaction counts, feed heads — so the result reads like
 * content written through the API. No events: historic content notifies nobody.
 */
export interface WriterPerson {
  id: string;
  handle: string;
  name: string;
}

export interface NewPost {
  author: WriterPerson;
  target: StreamTarget;
  kind?: PostKind;
  body: string;
  at: number;
  /** People a mention may link: those who can read the target. */
  readers: ReadonlyMap<string, WriterPerson>;
  recordId?: string | null;
  badge?: string | null;
  requiresAck?: boolean;
  pinnedUntil?: string | null;
}

const BATCH = 400;

export class ContentWriter {
  readonly posts: PostsTable[] = [];
  private readonly postTopics: Array<{ topic: string; post_id: string }> = [];
  private readonly topics = new Map<string, { count: number; first: string; last: string }>();
  private readonly mentions: DB['mentions'][] = [];
  readonly comments: CommentsTable[] = [];
  private readonly reactions = new Map<string, DB['reactions']>();
  private readonly heads = new Map<string, string>();
  readonly extra: Array<{ table: keyof DB; rows: unknown[] }> = [];

  post(input: NewPost): PostsTable {
    const id = v7({ msecs: input.at });
    const created = new Date(input.at).toISOString();
    const rendered = this.render(input.body, input.readers);
    const target = input.target;
    const row: PostsTable = {
      id,
      author_id: input.author.id,
      kind: input.kind ?? 'update',
      target_type: target.type,
      stream: streamOf(target),
      space_id: target.type === 'space' ? target.id : null,
      profile_id: target.type === 'person' ? target.id : null,
      record_id: target.type === 'record' ? target.id : (input.recordId ?? null),
      body: input.body,
      body_html: rendered.html,
      badge: input.badge ?? null,
      shared_post_id: null,
      accepted_comment_id: null,
      requires_ack: input.requiresAck ? 1 : 0,
      pinned_until: input.pinnedUntil ?? null,
      pinned_at: null,
      pinned_by: null,
      comment_count: 0,
      created_at: created,
      edited_at: null,
      deleted_at: null,
      deleted_by: null,
      hidden_at: null,
      hidden_by: null,
      hidden_reason: null,
    };
    this.posts.push(row);
    for (const topic of rendered.topics) {
      this.postTopics.push({ topic, post_id: id });
      const seen = this.topics.get(topic);
      if (seen) {
        seen.count += 1;
        if (created > seen.last) seen.last = created;
        if (created < seen.first) seen.first = created;
      } else this.topics.set(topic, { count: 1, first: created, last: created });
    }
    this.mention('post', id, id, rendered.mentions, input.readers, created);
    for (const source of sourcesOfPost(row, rendered.topics)) {
      const head = this.heads.get(source);
      if (head === undefined || head < id) this.heads.set(source, id);
    }
    return row;
  }

  comment(
    post: PostsTable,
    author: WriterPerson,
    body: string,
    at: number,
    readers: ReadonlyMap<string, WriterPerson>,
    parent?: CommentsTable,
  ): CommentsTable {
    const id = v7({ msecs: at });
    const created = new Date(at).toISOString();
    const rendered = this.render(body, readers);
    const row: CommentsTable = {
      id,
      post_id: post.id,
      parent_id: parent?.id ?? null,
      depth: parent ? parent.depth + 1 : 0,
      author_id: author.id,
      body,
      body_html: rendered.html,
      reply_count: 0,
      created_at: created,
      edited_at: null,
      deleted_at: null,
      hidden_at: null,
      hidden_by: null,
    };
    this.comments.push(row);
    post.comment_count += 1;
    if (parent) parent.reply_count += 1;
    this.mention('comment', id, post.id, rendered.mentions, readers, created);
    return row;
  }

  react(subject: ReactionSubject, subjectId: string, personId: string, kind: ReactionKind, at: number): void {
    const key = `${subject}:${subjectId}:${kind}:${personId}`;
    if (this.reactions.has(key)) return;
    this.reactions.set(key, {
      subject_type: subject,
      subject_id: subjectId,
      kind,
      person_id: personId,
      created_at: new Date(at).toISOString(),
    });
  }

  /** Rows of other tables (records, polls, praise…), written after the posts they reference. */
  add<T extends keyof DB>(table: T, rows: DB[T][]): void {
    this.extra.push({ table, rows });
  }

  async flush(trx: Transaction<DB>): Promise<void> {
    await insertAll(trx, 'posts', this.posts);
    await insertAll(trx, 'comments', this.comments);
    await insertAll(trx, 'post_topics', this.postTopics);
    await insertAll(
      trx,
      'topics',
      [...this.topics].map(([name, t]) => ({
        name,
        post_count: t.count,
        created_at: t.first,
        last_post_at: t.last,
      })),
    );
    await insertAll(trx, 'mentions', this.mentions);
    const reactions = [...this.reactions.values()];
    await insertAll(trx, 'reactions', reactions);
    const totals = new Map<string, DB['reaction_totals']>();
    for (const r of reactions) {
      const key = `${r.subject_type}:${r.subject_id}:${r.kind}`;
      const total = totals.get(key);
      if (total) total.total += 1;
      else
        totals.set(key, { subject_type: r.subject_type, subject_id: r.subject_id, kind: r.kind, total: 1 });
    }
    await insertAll(trx, 'reaction_totals', [...totals.values()]);
    for (const { table, rows } of this.extra) await insertAll(trx, table, rows as DB[typeof table][]);
    for (const [source, id] of this.heads) await advanceStreamHeads(trx, id, [source]);
  }

  private render(body: string, readers: ReadonlyMap<string, WriterPerson>) {
    return renderMarkdown(body, {
      resolveMention: (handle): MentionTarget | undefined => {
        const person = readers.get(handle);
        return person ? { handle: person.handle, name: person.name } : undefined;
      },
    });
  }

  private mention(
    subject: ReactionSubject,
    subjectId: string,
    postId: string,
    handles: string[],
    readers: ReadonlyMap<string, WriterPerson>,
    at: string,
  ) {
    for (const handle of handles) {
      const person = readers.get(handle);
      if (person)
        this.mentions.push({
          subject_type: subject,
          subject_id: subjectId,
          post_id: postId,
          person_id: person.id,
          created_at: at,
        });
    }
  }
}

async function insertAll<T extends keyof DB>(
  trx: Transaction<DB>,
  table: T,
  rows: readonly DB[T][],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    // Rows are the table's own row type; Kysely cannot relate a generic table to its insert type.
    await trx
      .insertInto(table)
      .values(batch as unknown as InsertObject<DB, T>[])
      .execute();
  }
}
