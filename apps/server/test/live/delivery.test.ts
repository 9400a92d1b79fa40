import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpaceRow } from '../../src/modules/spaces/spaces.repository.ts';
import { call } from '../people/helpers.ts';
import { type Session, signedIn } from '../support/factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import {
  browserHeaders,
  connect,
  eventsAbout,
  type LiveSocket,
  listen,
  settle,
  subscribe,
} from './live-support.ts';

let t: TestApp;
let url: string;
let owner: Session;
let member: Session;
let outsider: Session;
let external: Session;
let team: SpaceRow;
let memberSocket: LiveSocket;
let outsiderSocket: LiveSocket;

beforeAll(async () => {
  t = await createTestApp();
  url = await listen(t);
  owner = await signedIn(t, { name: 'Olga Owner' });
  member = await signedIn(t, { name: 'Mia Member' });
  outsider = await signedIn(t, { name: 'Otto Outsider' });
  external = await signedIn(t, { name: 'Xena External', kind: 'external' });
  team = await buildSpace(t, owner, { visibility: 'private' });
  await addMember(t, team, member);
  memberSocket = await connect(url, browserHeaders(member));
  outsiderSocket = await connect(url, browserHeaders(outsider));
  expect(await subscribe(memberSocket, `space:${team.id}`)).toMatchObject({ type: 'subscribed' });
  expect(await subscribe(memberSocket, 'company')).toMatchObject({ type: 'subscribed' });
  expect(await subscribe(outsiderSocket, 'company')).toMatchObject({ type: 'subscribed' });
});
afterAll(async () => {
  await memberSocket.close();
  await outsiderSocket.close();
  await t.close();
});

async function post(who: Session, target: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const res = await call(t, who, 'POST', '/api/v1/posts', { target, body: 'Hello live world', ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

describe('live delivery of posts, comments, reactions and polls', () => {
  it('delivers a space post to a subscribed member, once, and to nobody else', async () => {
    const created = await post(owner, { type: 'space', id: team.id });
    await settle(t, memberSocket, outsiderSocket);
    const events = eventsAbout(memberSocket, created.id);
    // Listening on the space (and not the post): one frame, on the space channel.
    expect(events).toEqual([
      {
        type: 'event',
        id: expect.any(String),
        name: 'post.created',
        channel: `space:${team.id}`,
        data: { postId: created.id, spaceId: team.id, kind: 'update', targetType: 'space' },
      },
    ]);
    const event = await t.ctx.db
      .selectFrom('events')
      .select('id')
      .where('name', '=', 'post.created')
      .where('subject_id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(events[0]?.id).toBe(event.id);
    expect(eventsAbout(outsiderSocket, created.id)).toEqual([]);
  });

  it('tells the author’s own sockets that the post is theirs, and nobody who wrote it', async () => {
    const ownerSocket = await connect(url, browserHeaders(owner));
    expect(await subscribe(ownerSocket, `space:${team.id}`)).toMatchObject({ type: 'subscribed' });
    const created = await post(owner, { type: 'space', id: team.id });
    await settle(t, memberSocket, ownerSocket);
    expect(eventsAbout(ownerSocket, created.id).map((e) => e.data.mine)).toEqual([true]);
    expect(eventsAbout(memberSocket, created.id).map((e) => e.data.mine)).toEqual([undefined]);
    expect(JSON.stringify(memberSocket.frames)).not.toContain(owner.person.id);
    await ownerSocket.close();
  });

  it('filters at send time: a subscription obtained while allowed does not deliver after access ends', async () => {
    // The outsider cannot subscribe to the private space; forge the subscription in the registry to
    // prove the send-time filter alone keeps the post away.
    const { gatewayOf } = await import('../../src/modules/live/gateway.ts');
    const gateway = gatewayOf(t.ctx);
    const connection = gateway?.registry.ofPerson(outsider.person.id)[0];
    if (!gateway || !connection) throw new Error('no connection');
    gateway.registry.listen(connection, `space:${team.id}`);
    const created = await post(owner, { type: 'space', id: team.id });
    await settle(t, memberSocket, outsiderSocket);
    expect(eventsAbout(memberSocket, created.id)).toHaveLength(1);
    expect(eventsAbout(outsiderSocket, created.id)).toEqual([]);
    gateway.registry.unlisten(connection, `space:${team.id}`);
  });

  it('sends one frame per message to a socket listening on several of its channels', async () => {
    const created = await post(owner, { type: 'company' });
    expect(await subscribe(memberSocket, `post:${created.id}`)).toMatchObject({ type: 'subscribed' });
    const edit = await call(t, owner, 'PATCH', `/api/v1/posts/${created.id}`, { body: 'Edited' });
    expect(edit.statusCode).toBe(200);
    await settle(t, memberSocket, outsiderSocket);
    expect(eventsAbout(memberSocket, created.id).map((e) => [e.name, e.channel])).toEqual([
      ['post.created', 'company'],
      ['post.updated', 'company'],
    ]);
    expect(eventsAbout(outsiderSocket, created.id).map((e) => e.name)).toEqual([
      'post.created',
      'post.updated',
    ]);
  });

  it('never sends company posts to an external person, even on a forged subscription', async () => {
    const socket = await connect(url, browserHeaders(external));
    const { gatewayOf } = await import('../../src/modules/live/gateway.ts');
    const connection = gatewayOf(t.ctx)?.registry.ofPerson(external.person.id)[0];
    if (!connection) throw new Error('no connection');
    gatewayOf(t.ctx)?.registry.listen(connection, 'company');
    const created = await post(owner, { type: 'company' });
    await settle(t, socket, memberSocket);
    expect(eventsAbout(memberSocket, created.id)).toHaveLength(1);
    expect(socket.events()).toEqual([]);
    await socket.close();
  });

  it('pushes comments, reactions and poll votes to readers of the post, with counts only', async () => {
    const created = await post(owner, { type: 'space', id: team.id });
    const comment = await call(t, member, 'POST', `/api/v1/posts/${created.id}/comments`, { body: 'Nice' });
    expect(comment.statusCode).toBe(201);
    const commentId = (comment.json() as { id: string }).id;
    expect((await call(t, member, 'PUT', `/api/v1/posts/${created.id}/reactions/like`)).statusCode).toBe(200);
    expect((await call(t, owner, 'PUT', `/api/v1/comments/${commentId}/reactions/love`)).statusCode).toBe(
      200,
    );
    expect((await call(t, member, 'DELETE', `/api/v1/posts/${created.id}/reactions/like`)).statusCode).toBe(
      200,
    );
    const edited = await call(t, member, 'PATCH', `/api/v1/comments/${commentId}`, { body: 'Very nice' });
    expect(edited.statusCode).toBe(200);
    expect((await call(t, member, 'DELETE', `/api/v1/comments/${commentId}`)).statusCode).toBe(204);
    await settle(t, memberSocket, outsiderSocket);
    const got = eventsAbout(memberSocket, created.id).map((e) => ({ name: e.name, data: e.data }));
    expect(got).toEqual([
      { name: 'post.created', data: expect.objectContaining({ postId: created.id }) },
      {
        name: 'comment.created',
        data: { postId: created.id, commentId, parentId: null, commentCount: expect.any(Number) },
      },
      {
        name: 'reaction.changed',
        data: { postId: created.id, subjectType: 'post', subjectId: created.id, totals: {} },
      },
      {
        name: 'reaction.changed',
        data: { postId: created.id, subjectType: 'comment', subjectId: commentId, totals: { love: 1 } },
      },
      {
        name: 'reaction.changed',
        data: { postId: created.id, subjectType: 'post', subjectId: created.id, totals: {} },
      },
      { name: 'comment.updated', data: { postId: created.id, commentId } },
      { name: 'comment.deleted', data: { postId: created.id, commentId, commentCount: 0 } },
    ]);
    expect(eventsAbout(outsiderSocket, created.id)).toEqual([]);

    const poll = await post(
      owner,
      { type: 'space', id: team.id },
      { kind: 'poll', poll: { options: ['Yes', 'No'] } },
    );
    const options = await t.ctx.db
      .selectFrom('poll_options')
      .select('id')
      .where('post_id', '=', poll.id)
      .execute();
    const vote = await call(t, member, 'PUT', `/api/v1/posts/${poll.id}/vote`, {
      optionIds: [options[0]?.id],
    });
    expect(vote.statusCode, vote.body).toBe(200);
    await settle(t, memberSocket);
    expect(eventsAbout(memberSocket, poll.id).map((e) => [e.name, e.data])).toEqual([
      ['post.created', expect.objectContaining({ kind: 'poll' })],
      ['poll.updated', { postId: poll.id, voterCount: 1 }],
    ]);
  });

  it('tells readers of a deleted post that it is gone, and of a hidden one that it changed', async () => {
    const created = await post(member, { type: 'space', id: team.id });
    await settle(t, memberSocket);
    const hidden = await call(t, owner, 'PUT', `/api/v1/posts/${created.id}/hidden`, { reason: 'Off topic' });
    expect(hidden.statusCode, hidden.body).toBe(200);
    await settle(t, memberSocket);
    expect((await call(t, member, 'DELETE', `/api/v1/posts/${created.id}`)).statusCode).toBe(204);
    await settle(t, memberSocket, outsiderSocket);
    expect(eventsAbout(memberSocket, created.id).map((e) => [e.name, e.data])).toEqual([
      ['post.created', expect.objectContaining({ postId: created.id })],
      ['post.updated', { postId: created.id, hidden: true }],
      ['post.deleted', { postId: created.id }],
    ]);
    expect(eventsAbout(outsiderSocket, created.id)).toEqual([]);
  });

  it('sends nothing about a post deleted before its news went out (access is checked when sending)', async () => {
    const created = await post(member, { type: 'space', id: team.id });
    expect((await call(t, member, 'DELETE', `/api/v1/posts/${created.id}`)).statusCode).toBe(204);
    await settle(t, memberSocket);
    expect(eventsAbout(memberSocket, created.id).map((e) => e.name)).toEqual(['post.deleted']);
  });
});
