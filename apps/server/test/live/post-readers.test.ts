import type { SpaceAudience, SpaceVisibility } from '@atrium/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonRow } from '../../src/modules/people/people.repository.ts';
import { readersAmong } from '../../src/platform/access/post-readers.ts';
import { mayReadPost } from '../../src/platform/access/posts.ts';
import { presenceVisibleAmong } from '../../src/platform/access/presence.ts';
import { presenceViewersAmong } from '../../src/platform/access/presence-viewers.ts';
import type { PostsTable } from '../../src/platform/db/schema-conversation.ts';
import { newId, nowIso } from '../../src/platform/db/time.ts';
import { deactivate } from '../people/helpers.ts';
import { insertPost } from '../support/conversation-factories.ts';
import { buildPerson } from '../support/factories.ts';
import { buildRecord } from '../support/record-factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * `readersAmong` (one query for a whole audience, used at send time) must agree exactly with
 * `mayReadPost` (the rule every other read path uses) for active people, and deny everyone inactive:
 * every target type, every space audience and visibility, members and not, both kinds of person,
 * deleted posts. Likewise `presenceViewersAmong` with `presenceVisibleAmong`.
 */
let t: TestApp;
let people: PersonRow[];
let active: Set<string>;
let posts: PostsTable[];

async function profileOrRecordPost(author: PersonRow, target: { type: 'person' | 'record'; id: string }) {
  const row: PostsTable = {
    id: newId(),
    author_id: author.id,
    kind: 'update',
    target_type: target.type,
    stream: `${target.type}:${target.id}`,
    space_id: null,
    profile_id: target.type === 'person' ? target.id : null,
    record_id: target.type === 'record' ? target.id : null,
    body: 'x',
    body_html: '<p>x</p>',
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
    deleted_at: null,
    deleted_by: null,
    hidden_at: null,
    hidden_by: null,
    hidden_reason: null,
  };
  await t.ctx.db.insertInto('posts').values(row).execute();
  return row;
}

beforeAll(async () => {
  t = await createTestApp();
  const owner = await buildPerson(t, { name: 'Owner' });
  const employee = await buildPerson(t, { name: 'Employee' });
  const moderator = await buildPerson(t, { name: 'Moderator', role: 'moderator' });
  const admin = await buildPerson(t, { name: 'Admin', role: 'admin' });
  const externalIn = await buildPerson(t, { name: 'External in', kind: 'external' });
  const externalOut = await buildPerson(t, { name: 'External out', kind: 'external' });
  const goneEmployee = await buildPerson(t, { name: 'Gone employee' });
  const goneExternal = await buildPerson(t, { name: 'Gone external', kind: 'external' });
  people = [owner, employee, moderator, admin, externalIn, externalOut, goneEmployee, goneExternal];
  posts = [
    await insertPost(t, owner),
    await insertPost(t, owner, { type: 'company' }, { deleted_at: nowIso() }),
  ];
  const audiences: SpaceAudience[] = ['internal', 'external'];
  const visibilities: SpaceVisibility[] = ['open', 'private', 'secret'];
  for (const audience of audiences) {
    for (const visibility of visibilities) {
      const space = await buildSpace(t, owner, { audience, visibility });
      await addMember(t, space, moderator, 'moderator');
      await addMember(t, space, goneEmployee);
      if (audience === 'external') {
        await addMember(t, space, externalIn);
        await addMember(t, space, goneExternal);
      }
      posts.push(await insertPost(t, owner, { type: 'space', id: space.id }));
      posts.push(await insertPost(t, owner, { type: 'space', id: space.id }, { deleted_at: nowIso() }));
    }
  }
  posts.push(await profileOrRecordPost(owner, { type: 'person', id: employee.id }));
  const record = await buildRecord(t, { createdBy: owner });
  posts.push(await profileOrRecordPost(owner, { type: 'record', id: record.id }));
  await deactivate(t, goneEmployee.id);
  await deactivate(t, goneExternal.id);
  active = new Set(people.filter((p) => p !== goneEmployee && p !== goneExternal).map((p) => p.id));
});
afterAll(async () => {
  await t.close();
});

describe('readersAmong agrees with mayReadPost', () => {
  it('for every post, person kind, role, membership and status', async () => {
    const ids = people.map((p) => p.id);
    let checked = 0;
    for (const post of posts) {
      const readers = await readersAmong(t.ctx.db, post.id, ids);
      const before = await readersAmong(t.ctx.db, post.id, ids, { asBeforeDeletion: true });
      for (const person of people) {
        const viewer = { id: person.id, kind: person.kind, role: person.role };
        const expected = active.has(person.id) && (await mayReadPost(t.ctx.db, viewer, post));
        const undeleted = { ...post, deleted_at: null };
        const expectedBefore = active.has(person.id) && (await mayReadPost(t.ctx.db, viewer, undeleted));
        const where = `${person.name} on a ${post.target_type} post (${post.stream}, deleted: ${post.deleted_at !== null})`;
        expect(readers.has(person.id), where).toBe(expected);
        expect(before.has(person.id), `${where}, as before deletion`).toBe(expectedBefore);
        checked += 1;
      }
    }
    expect(checked).toBe(posts.length * people.length);
    // Both answers occur: the comparison is not vacuous.
    const all = await Promise.all(posts.map((p) => readersAmong(t.ctx.db, p.id, ids)));
    expect(all.some((s) => s.size === 0)).toBe(true);
    expect(all.some((s) => s.size > 0)).toBe(true);
  });

  it('gives the same answer when the audience takes several queries', async () => {
    const ids = people.map((p) => p.id);
    // Unknown ids first, so the real people fall in the last of several batches.
    const crowd = [...Array.from({ length: 1_100 }, () => newId()), ...ids];
    for (const post of posts) {
      expect(await readersAmong(t.ctx.db, post.id, crowd)).toEqual(
        await readersAmong(t.ctx.db, post.id, ids),
      );
    }
  });

  it('answers nothing for a missing post or an empty audience', async () => {
    expect(
      await readersAmong(
        t.ctx.db,
        newId(),
        people.map((p) => p.id),
      ),
    ).toEqual(new Set());
    const first = posts[0];
    if (!first) throw new Error('no post');
    expect(await readersAmong(t.ctx.db, first.id, [])).toEqual(new Set());
  });
});

describe('presenceViewersAmong agrees with presenceVisibleAmong', () => {
  it('for every pair of people, active viewers only', async () => {
    const ids = people.map((p) => p.id);
    for (const subject of people) {
      const viewers = await presenceViewersAmong(t.ctx.db, subject.id, ids);
      for (const person of people) {
        const viewer = { id: person.id, kind: person.kind, role: person.role };
        const sees = (await presenceVisibleAmong(t.ctx.db, viewer, [subject.id])).has(subject.id);
        expect(viewers.has(person.id), `${person.name} sees ${subject.name}`).toBe(
          active.has(person.id) && sees,
        );
      }
    }
  });
});

describe('readersAmong, hidden posts', () => {
  it('reads a hidden post only for its author and moderators, as loadReadablePost; its hiding goes to every reader', async () => {
    const author = await buildPerson(t);
    const owner = await buildPerson(t);
    const spaceModerator = await buildPerson(t);
    const member = await buildPerson(t);
    const siteModerator = await buildPerson(t, { role: 'moderator' });
    const space = await buildSpace(t, owner, { audience: 'internal', visibility: 'private' });
    for (const who of [author, spaceModerator, member, siteModerator]) await addMember(t, space, who);
    await t.ctx.db
      .updateTable('space_members')
      .set({ role: 'moderator' })
      .where('space_id', '=', space.id)
      .where('person_id', '=', spaceModerator.id)
      .execute();
    const hidden = await insertPost(t, author, { type: 'space', id: space.id }, { hidden_at: nowIso() });
    const everyone = [author, owner, spaceModerator, member, siteModerator].map((p) => p.id);
    const readers = await readersAmong(t.ctx.db, hidden.id, everyone);
    expect([...readers].sort()).toEqual([author.id, owner.id, spaceModerator.id, siteModerator.id].sort());
    const before = await readersAmong(t.ctx.db, hidden.id, everyone, { asBeforeHiding: true });
    expect([...before].sort()).toEqual([...everyone].sort());
  });
});
