import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deactivate } from '../people/helpers.ts';
import { type Session, signedIn } from '../support/factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { call, eventRows, expectStatus, mentionRows } from './helpers.ts';

let app: TestApp;
let author: Session;
let bob: Session;
let carol: Session;
let gone: Session;
beforeAll(async () => {
  app = await createTestApp();
  author = await signedIn(app, { handle: 'alice' });
  bob = await signedIn(app, { handle: 'bob' });
  carol = await signedIn(app, { handle: 'carol' });
  // An external person: never mentionable in the company feed or an internal space.
  await signedIn(app, { handle: 'guest', kind: 'external' });
  gone = await signedIn(app, { handle: 'gone' });
  await deactivate(app, gone.person.id);
});
afterAll(async () => {
  await app.close();
});

const linked = (html: string, handle: string) => html.includes(`href="/people/${handle}" class="mention"`);

async function postAs(who: Session, target: Record<string, unknown>, body: string) {
  const res = await call(app, who, 'POST', '/api/v1/posts', { target, body });
  expectStatus(res, 201);
  return res.json() as { id: string; bodyHtml: string };
}

describe('mentions resolve only to people who may read the post', () => {
  it('company feed: employees only; external, deactivated and unknown handles stay plain text without a row', async () => {
    const view = await postAs(
      author,
      { type: 'company' },
      'Thanks @bob, @guest, @gone and @nobody! And me: @alice',
    );
    expect(linked(view.bodyHtml, 'bob')).toBe(true);
    expect(linked(view.bodyHtml, 'alice')).toBe(true);
    for (const handle of ['guest', 'gone', 'nobody']) {
      expect(linked(view.bodyHtml, handle), handle).toBe(false);
      expect(view.bodyHtml).toContain(`@${handle}`);
    }
    expect(await mentionRows(app, view.id)).toEqual([author.person.id, bob.person.id].sort());
    const [event] = await eventRows(app, 'post.created', view.id);
    // The author is never notified of their own mention.
    expect(JSON.parse(String(event?.payload)).mentionedIds).toEqual([bob.person.id]);
  });

  it('private and secret spaces: members only', async () => {
    for (const visibility of ['private', 'secret'] as const) {
      const space = await buildSpace(app, author, { visibility });
      await addMember(app, space, bob);
      const view = await postAs(author, { type: 'space', id: space.id }, 'Hey @bob and @carol');
      expect(linked(view.bodyHtml, 'bob')).toBe(true);
      expect(linked(view.bodyHtml, 'carol')).toBe(false);
      expect(await mentionRows(app, view.id)).toEqual([bob.person.id]);
    }
  });

  it('open internal space: every employee, never an external person', async () => {
    const space = await buildSpace(app, author, { visibility: 'open' });
    const view = await postAs(author, { type: 'space', id: space.id }, '@carol @guest');
    expect(linked(view.bodyHtml, 'carol')).toBe(true);
    expect(linked(view.bodyHtml, 'guest')).toBe(false);
    expect(await mentionRows(app, view.id)).toEqual([carol.person.id]);
  });

  it('open external space: readers of every kind, but only people who see the author and whom the author sees', async () => {
    const community = await buildSpace(app, author, { visibility: 'open', audience: 'external' });
    const reader = await signedIn(app, { handle: 'reader.ext', kind: 'external' });
    // The external reader shares no space with alice: a mention must not reach someone who cannot see her.
    const before = await postAs(author, { type: 'space', id: community.id }, '@reader.ext @carol');
    expect(linked(before.bodyHtml, 'reader.ext')).toBe(false);
    expect(linked(before.bodyHtml, 'carol')).toBe(true);
    expect(await mentionRows(app, before.id)).toEqual([carol.person.id]);
    await addMember(app, community, reader);
    const after = await postAs(author, { type: 'space', id: community.id }, '@reader.ext');
    expect(linked(after.bodyHtml, 'reader.ext')).toBe(true);

    const member = await signedIn(app, { handle: 'partner', kind: 'external' });
    await addMember(app, community, member);
    // alice owns the space (so the partner sees her); carol shares no space with the partner.
    const byPartner = await postAs(member, { type: 'space', id: community.id }, '@alice @carol @reader.ext');
    expect(linked(byPartner.bodyHtml, 'alice')).toBe(true);
    expect(linked(byPartner.bodyHtml, 'carol')).toBe(false);
    expect(linked(byPartner.bodyHtml, 'reader.ext')).toBe(true);
    expect(await mentionRows(app, byPartner.id)).toEqual([author.person.id, reader.person.id].sort());
  });

  it('mentions in code, links and escapes are not mentions', async () => {
    const view = await postAs(
      author,
      { type: 'company' },
      '`@bob` [@bob](https://example.com) \\@bob mail bob@example.com',
    );
    expect(linked(view.bodyHtml, 'bob')).toBe(false);
    expect(await mentionRows(app, view.id)).toEqual([]);
  });
});
