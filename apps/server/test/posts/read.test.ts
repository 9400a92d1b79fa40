import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, signedIn } from '../support/factories.ts';
import { buildPost } from '../support/post-factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { buildRecord, call, expectSameAsMissing, expectStatus, getPost } from './helpers.ts';

let app: TestApp;
let author: Session;
let colleague: Session;
let guest: Session;
beforeAll(async () => {
  app = await createTestApp();
  author = await signedIn(app);
  colleague = await signedIn(app);
  guest = await signedIn(app, { kind: 'external' });
});
afterAll(async () => {
  await app.close();
});

const MISSING = '01900000-0000-7000-8000-000000000000';

describe('GET /api/v1/posts/:id', () => {
  it('answers 401 without a session and 404 for a missing post', async () => {
    const row = await buildPost(app, author);
    expectStatus(await getPost(app, undefined, row.id), 401);
    expectStatus(await getPost(app, colleague, MISSING), 404);
  });

  it('shows a post to its readers; only the author receives the markdown source', async () => {
    const row = await buildPost(app, author, { body: 'Hello **team** #news' });
    const mine = await getPost(app, author, row.id);
    expectStatus(mine, 200);
    expect(mine.json()).toMatchObject({ id: row.id, body: 'Hello **team** #news', topics: ['news'] });
    const theirs = await getPost(app, colleague, row.id);
    expectStatus(theirs, 200);
    expect(theirs.json()).toMatchObject({
      id: row.id,
      body: null,
      bodyHtml: row.body_html,
      abilities: { edit: false, delete: false, hide: false, share: true, comment: true },
    });
  });

  it('an external person cannot read company, profile or record posts (404, like a missing post)', async () => {
    const record = await buildRecord(app);
    const missing = await getPost(app, guest, MISSING);
    for (const target of [
      { type: 'company' as const },
      { type: 'person' as const, id: colleague.person.id },
      { type: 'record' as const, id: record.id },
    ]) {
      const row = await buildPost(app, author, { target });
      expectSameAsMissing(await getPost(app, guest, row.id), missing);
      expectStatus(await getPost(app, colleague, row.id), 200, target.type);
    }
  });

  it('space posts: private and secret spaces to members only; internal spaces never to external people', async () => {
    const missing = await getPost(app, colleague, MISSING);
    const priv = await buildSpace(app, author, { visibility: 'private' });
    const secret = await buildSpace(app, author, { visibility: 'secret' });
    const open = await buildSpace(app, author, { visibility: 'open' });
    const community = await buildSpace(app, author, { visibility: 'private', audience: 'external' });
    const inPrivate = await buildPost(app, author, { target: { type: 'space', id: priv.id } });
    const inSecret = await buildPost(app, author, { target: { type: 'space', id: secret.id } });
    const inOpen = await buildPost(app, author, { target: { type: 'space', id: open.id } });
    const inCommunity = await buildPost(app, author, { target: { type: 'space', id: community.id } });
    expectSameAsMissing(await getPost(app, colleague, inPrivate.id), missing);
    expectSameAsMissing(await getPost(app, colleague, inSecret.id), missing);
    expectStatus(await getPost(app, colleague, inOpen.id), 200);
    expectSameAsMissing(await getPost(app, guest, inOpen.id), missing);
    expectSameAsMissing(await getPost(app, guest, inCommunity.id), missing);
    await addMember(app, secret, colleague);
    await addMember(app, community, guest);
    expectStatus(await getPost(app, colleague, inSecret.id), 200);
    const seen = await getPost(app, guest, inCommunity.id);
    expectStatus(seen, 200);
    // The guest now shares the community with the author, so they see the author's summary in full.
    expect(seen.json().author).toMatchObject({ id: author.person.id, handle: author.person.handle });
  });

  it('an external reader of an open community who shares no space with the author does not learn who wrote it', async () => {
    const employee = await signedIn(app, { title: 'Head of Sales' });
    const open = await buildSpace(app, employee, { visibility: 'open', audience: 'external' });
    const row = await buildPost(app, employee, { target: { type: 'space', id: open.id } });
    const outsider = await signedIn(app, { kind: 'external' });
    const res = await getPost(app, outsider, row.id);
    expectStatus(res, 200);
    expect(res.json().author).toBeNull();
    expect(res.body).not.toContain(employee.person.id);
    expect(res.body).not.toContain(employee.person.name);
    // Once they join, they share a space with the author.
    await addMember(app, open, outsider);
    expect((await getPost(app, outsider, row.id)).json().author).toMatchObject({
      id: employee.person.id,
      title: 'Head of Sales',
    });
  });

  it('a deleted post answers 404 to everyone, its author included', async () => {
    const row = await buildPost(app, author);
    expectStatus(await call(app, author, 'DELETE', `/api/v1/posts/${row.id}`), 204);
    const missing = await getPost(app, author, MISSING);
    expectSameAsMissing(await getPost(app, author, row.id), missing);
    expectSameAsMissing(await getPost(app, colleague, row.id), missing);
  });

  it('a hidden post is visible to its author and moderators only, with the reason', async () => {
    const siteModerator = await signedIn(app, { role: 'moderator' });
    const spaceModerator = await signedIn(app);
    const space = await buildSpace(app, author, { visibility: 'open' });
    await addMember(app, space, spaceModerator, 'moderator');
    const writer = await signedIn(app);
    const row = await buildPost(app, writer, { target: { type: 'space', id: space.id } });
    const hide = await call(app, spaceModerator, 'PUT', `/api/v1/posts/${row.id}/hidden`, {
      reason: 'Off topic',
    });
    expectStatus(hide, 200);
    expect(hide.json().hidden).toMatchObject({ reason: 'Off topic' });
    const missing = await getPost(app, colleague, MISSING);
    expectSameAsMissing(await getPost(app, colleague, row.id), missing);
    for (const who of [writer, siteModerator, spaceModerator, author]) {
      const res = await getPost(app, who, row.id);
      expectStatus(res, 200);
      expect(res.json().hidden).toMatchObject({ reason: 'Off topic' });
      expect(res.json().abilities).toMatchObject({ share: false, comment: false, react: false });
    }
  });
});
