import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { streamOf } from '../../src/modules/feeds/stream-heads.ts';
import type { PersonRow } from '../../src/modules/people/people.repository.ts';
import type { PostsTable } from '../../src/platform/db/schema-conversation.ts';
import { newId, nowIso } from '../../src/platform/db/time.ts';
import { call } from '../people/helpers.ts';
import { type Session, signedIn } from './factories.ts';
import { addMember, buildSpace } from './space-factories.ts';
import type { TestApp } from './test-app.ts';

export { call };

type Target = { type: 'company' } | { type: 'space'; id: string };

let sequence = 0;

/**
 * Inserts a post row directly (the posts module has its own tests): the conversation tests need posts
 * in every kind of place, and hidden or deleted ones, without going through who-may-post rules.
 */
export async function insertPost(
  app: TestApp,
  author: PersonRow | Session,
  target: Target = { type: 'company' },
  overrides: Partial<Pick<PostsTable, 'hidden_at' | 'deleted_at' | 'body'>> = {},
): Promise<PostsTable> {
  sequence += 1;
  const body = overrides.body ?? `Post number ${sequence}`;
  const row: PostsTable = {
    id: newId(),
    author_id: 'person' in author ? author.person.id : author.id,
    kind: 'update',
    target_type: target.type,
    stream: streamOf(target),
    space_id: target.type === 'space' ? target.id : null,
    profile_id: null,
    record_id: null,
    body,
    body_html: `<p>${body}</p>`,
    badge: null,
    shared_post_id: null,
    accepted_comment_id: null,
    requires_ack: 0,
    pinned_until: null,
    pinned_at: null,
    pinned_by: null,
    comment_count: 0,
    created_at: nowIso(),
    edited_at: null,
    deleted_at: overrides.deleted_at ?? null,
    deleted_by: null,
    hidden_at: overrides.hidden_at ?? null,
    hidden_by: null,
    hidden_reason: null,
  };
  await app.ctx.db.insertInto('posts').values(row).execute();
  return row;
}

/** The cast of a conversation: people of each kind and role, and a post in each kind of place. */
export async function conversationWorld(app: TestApp) {
  const owner = await signedIn(app, { name: 'Olga Owner', handle: `olga-${newId().slice(-6)}` });
  const employee = await signedIn(app, { name: 'Emma Employee', handle: `emma-${newId().slice(-6)}` });
  const external = await signedIn(app, {
    name: 'Xavier External',
    kind: 'external',
    handle: `xavier-${newId().slice(-6)}`,
  });
  const moderator = await signedIn(app, { name: 'Mo Moderator', role: 'moderator' });
  const internalOpen = await buildSpace(app, owner, { visibility: 'open' });
  const internalPrivate = await buildSpace(app, owner, { visibility: 'private' });
  const externalOpen = await buildSpace(app, owner, { audience: 'external', visibility: 'open' });
  const community = await buildSpace(app, owner, { audience: 'external', visibility: 'private' });
  await addMember(app, community, external);
  const posts = {
    company: await insertPost(app, owner),
    internalOpen: await insertPost(app, owner, { type: 'space', id: internalOpen.id }),
    internalPrivate: await insertPost(app, owner, { type: 'space', id: internalPrivate.id }),
    externalOpen: await insertPost(app, owner, { type: 'space', id: externalOpen.id }),
    community: await insertPost(app, owner, { type: 'space', id: community.id }),
  };
  return {
    owner,
    employee,
    external,
    moderator,
    spaces: { internalOpen, internalPrivate, externalOpen, community },
    posts,
  };
}

export type ConversationWorld = Awaited<ReturnType<typeof conversationWorld>>;

/** Posts a comment through the API and returns its view (fails loudly on anything but 201). */
export async function comment(
  app: TestApp,
  who: Session,
  postId: string,
  body: string,
  parentId?: string,
): Promise<{ id: string; [key: string]: unknown }> {
  const res = await call(app, who, 'POST', `/api/v1/posts/${postId}/comments`, {
    body,
    ...(parentId ? { parentId } : {}),
  });
  if (res.statusCode !== 201) throw new Error(`comment failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Row counts of everything a conversation write may touch: a 4xx must leave all of them unchanged. */
export async function conversationCounts(app: TestApp) {
  const count = async (
    table: 'comments' | 'reactions' | 'mentions' | 'revisions' | 'events' | 'audit_log',
  ) => {
    const row = await app.ctx.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const [comments, reactions, mentions, revisions, events, audits, totals, counters] = await Promise.all([
    count('comments'),
    count('reactions'),
    count('mentions'),
    count('revisions'),
    count('events'),
    count('audit_log'),
    app.ctx.db
      .selectFrom('reaction_totals')
      .select(['subject_id', 'kind', 'total'])
      .orderBy('subject_id')
      .orderBy('kind')
      .execute(),
    app.ctx.db.selectFrom('posts').select(['id', 'comment_count']).orderBy('id').execute(),
  ]);
  const replyCounts = await app.ctx.db
    .selectFrom('comments')
    .select(['id', 'reply_count', 'deleted_at', 'hidden_at', 'body'])
    .orderBy('id')
    .execute();
  return { comments, reactions, mentions, revisions, events, audits, totals, counters, replyCounts };
}

/** Asserts a clear 4xx (never 500) that stored nothing: no row, counter or event changed. */
export async function expectRefusedAndUnchanged(
  app: TestApp,
  before: Awaited<ReturnType<typeof conversationCounts>>,
  res: LightMyRequestResponse,
  status: number,
): Promise<void> {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(await conversationCounts(app)).toEqual(before);
}
