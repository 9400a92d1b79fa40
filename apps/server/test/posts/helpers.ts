import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { newId } from '../../src/platform/db/time.ts';
import { call } from '../people/helpers.ts';
import type { Session } from '../support/factories.ts';
import type { TestApp } from '../support/test-app.ts';

export { auditRows, eventRows, expectSameAsMissing } from '../spaces/helpers.ts';
export { call };

/** Counts of the rows a post writes, to prove that a refused request stored nothing. */
export async function postRowCounts(app: TestApp) {
  const count = async (
    table: 'posts' | 'mentions' | 'post_topics' | 'topics' | 'revisions' | 'bookmarks' | 'stream_heads',
  ) => {
    const row = await app.ctx.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const events = await app.ctx.db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('name', 'like', 'post.%')
    .executeTakeFirstOrThrow();
  return {
    posts: await count('posts'),
    mentions: await count('mentions'),
    postTopics: await count('post_topics'),
    topics: await count('topics'),
    revisions: await count('revisions'),
    bookmarks: await count('bookmarks'),
    streamHeads: await count('stream_heads'),
    events: Number(events.n),
  };
}

export async function mentionRows(app: TestApp, postId: string) {
  const rows = await app.ctx.db
    .selectFrom('mentions')
    .select('person_id')
    .where('post_id', '=', postId)
    .execute();
  return rows.map((r) => r.person_id).sort();
}

/** GET a post as someone; the status code and body. */
export async function getPost(
  app: TestApp,
  who: Session | undefined,
  id: string,
): Promise<LightMyRequestResponse> {
  return call(app, who, 'GET', `/api/v1/posts/${id}`);
}

export function expectStatus(res: LightMyRequestResponse, status: number, context = '') {
  expect(res.statusCode, `${context} ${res.body.slice(0, 300)}`).toBe(status);
}

let recordSequence = 0;

/** A record (and its type) inserted directly: the records module has its own tests. */
export async function buildRecord(app: TestApp, name = 'Acme Corp') {
  recordSequence += 1;
  const now = new Date().toISOString();
  const typeId = newId();
  const id = newId();
  await app.ctx.db
    .insertInto('record_types')
    .values({
      id: typeId,
      key: `account${recordSequence}`,
      name: 'Account',
      fields: '[]',
      created_by: null,
      created_at: now,
      updated_at: now,
      archived_at: null,
    })
    .execute();
  await app.ctx.db
    .insertInto('records')
    .values({
      id,
      type_id: typeId,
      name,
      external_system: null,
      external_id: null,
      external_url: null,
      fields: '{}',
      search_text: name.toLowerCase(),
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, name, typeKey: `account${recordSequence}` };
}

export async function shareRecord(app: TestApp, recordId: string, spaceId: string) {
  await app.ctx.db
    .insertInto('record_shares')
    .values({ record_id: recordId, space_id: spaceId, shared_by: null, created_at: new Date().toISOString() })
    .execute();
}
