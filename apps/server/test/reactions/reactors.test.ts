import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConversationWorld,
  call,
  comment,
  conversationWorld,
  insertPost,
} from '../support/conversation-factories.ts';
import { type Session, signedIn } from '../support/factories.ts';
import { addMember } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let w: ConversationWorld;

beforeAll(async () => {
  app = await createTestApp();
  w = await conversationWorld(app);
});
afterAll(async () => {
  await app.close();
});

type Path = 'posts' | 'comments';
const react = async (who: Session, path: Path, id: string, kind: string) => {
  const res = await call(app, who, 'PUT', `/api/v1/${path}/${id}/reactions/${kind}`);
  expect(res.statusCode).toBe(200);
};
const reactors = (who: Session | undefined, path: Path, id: string, query = '') =>
  call(app, who, 'GET', `/api/v1/${path}/${id}/reactions${query}`);

interface Reactor {
  person: { id: string; name: string };
  kind: string;
  createdAt: string;
}

describe.each(['posts', 'comments'] as const)('GET /%s/{id}/reactions', (path) => {
  const subjectIn = async (postId: string) =>
    path === 'posts' ? postId : (await comment(app, w.owner, postId, 'react here')).id;

  it('401 anonymous; 400 bad kind, cursor or limit; 404 missing or unreadable', async () => {
    const id = await subjectIn(w.posts.internalOpen.id);
    expect((await reactors(undefined, path, id)).statusCode).toBe(401);
    for (const query of ['?kind=meh', '?cursor=xyz', '?limit=0', '?limit=101', '?other=1']) {
      expect((await reactors(w.employee, path, id, query)).statusCode, query).toBe(400);
    }
    expect((await reactors(w.employee, path, 'no-such-thing')).statusCode).toBe(404);
    expect((await reactors(w.external, path, id)).statusCode).toBe(404);
    const privateId = await subjectIn(w.posts.internalPrivate.id);
    expect((await reactors(w.employee, path, privateId)).statusCode).toBe(404);
  });

  it('lists who reacted, by kind then person, with a keyset cursor and a kind filter', async () => {
    const post = await insertPost(app, w.owner);
    const id = await subjectIn(post.id);
    const people: Session[] = [];
    for (let i = 0; i < 5; i++) people.push(await signedIn(app));
    for (const who of people) await react(who, path, id, 'like');
    const [p0, p1] = people as [Session, Session];
    await react(p0, path, id, 'celebrate');
    await react(p1, path, id, 'celebrate');

    const seen: Reactor[] = [];
    let cursor: string | null = null;
    do {
      const res = await reactors(w.employee, path, id, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().items);
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    // 'celebrate' < 'like'; within a kind, by person id.
    expect(seen.map((r) => r.kind)).toEqual([
      'celebrate',
      'celebrate',
      'like',
      'like',
      'like',
      'like',
      'like',
    ]);
    const likers = seen.filter((r) => r.kind === 'like').map((r) => r.person.id);
    expect(likers).toEqual(people.map((p) => p.person.id).sort());
    expect(seen[0]?.createdAt).toEqual(expect.any(String));

    const celebrating = await reactors(w.employee, path, id, '?kind=celebrate&limit=1');
    expect(celebrating.json().items.map((r: Reactor) => r.person.id)).toEqual(
      [p0.person.id, p1.person.id].sort().slice(0, 1),
    );
    const rest = await reactors(
      w.employee,
      path,
      id,
      `?kind=celebrate&cursor=${celebrating.json().nextCursor}`,
    );
    expect(rest.json().items).toHaveLength(1);
    expect(rest.json().nextCursor).toBeNull();
  });

  it('lists only the people the viewer may see (an external reader of an open external space)', async () => {
    const id = await subjectIn(w.posts.externalOpen.id);
    // The owner shares the community with the external person; the stranger shares nothing.
    const stranger = await signedIn(app, { name: 'Stan Stranger' });
    const partner = await signedIn(app, { kind: 'external', name: 'Pat Partner' });
    await addMember(app, w.spaces.community, partner);
    for (const who of [w.owner, stranger, partner, w.external]) await react(who, path, id, 'thanks');
    const asExternal = await reactors(w.external, path, id);
    expect(asExternal.statusCode).toBe(200);
    const visible = asExternal
      .json()
      .items.map((r: Reactor) => r.person.id)
      .sort();
    expect(visible).toEqual([w.owner.person.id, partner.person.id, w.external.person.id].sort());
    const asEmployee = await reactors(w.employee, path, id);
    expect(asEmployee.json().items).toHaveLength(4);
    // The counts are aggregates: everyone is counted, even people the viewer may not see.
    const summary = await call(app, w.external, 'PUT', `/api/v1/${path}/${id}/reactions/thanks`);
    expect(summary.json().counts).toEqual([{ kind: 'thanks', count: 4 }]);
  });
});
