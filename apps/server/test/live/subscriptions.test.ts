import { LIVE_CLOSE_CODES, LIVE_LIMITS } from '@atrium/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayOf } from '../../src/modules/live/gateway.ts';
import { newId } from '../../src/platform/db/time.ts';
import { insertPost } from '../support/conversation-factories.ts';
import { type Session, signedIn } from '../support/factories.ts';
import { buildRecord } from '../support/record-factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { browserHeaders, connect, listen, subscribe } from './live-support.ts';

let t: TestApp;
let url: string;
let owner: Session;
let employee: Session;
let external: Session;

beforeAll(async () => {
  t = await createTestApp();
  url = await listen(t);
  owner = await signedIn(t, { name: 'Olga Owner' });
  employee = await signedIn(t, { name: 'Emma Employee' });
  external = await signedIn(t, { name: 'Xavier External', kind: 'external' });
});
afterAll(async () => {
  await t.close();
});

const answerOf = async (session: Session, channel: string) => {
  const socket = await connect(url, browserHeaders(session));
  try {
    const answer = await subscribe(socket, channel);
    return answer.type === 'error' ? { type: 'error', code: answer.code, message: answer.message } : answer;
  } finally {
    await socket.close();
  }
};

describe('subscribing', () => {
  it('authorizes each channel when subscribing: allowed ones answer subscribed', async () => {
    const open = await buildSpace(t, owner, { visibility: 'open' });
    const community = await buildSpace(t, owner, { audience: 'external', visibility: 'private' });
    await addMember(t, community, external);
    const post = await insertPost(t, owner, { type: 'space', id: open.id });
    const cases: Array<[Session, string]> = [
      [employee, 'company'],
      [employee, `space:${open.id}`],
      [employee, `post:${post.id}`],
      [employee, `person:${external.person.id}`],
      [external, `space:${community.id}`],
      [external, `person:${owner.person.id}`],
      [external, 'me'],
      [external, `me:${external.person.id}`],
    ];
    for (const [who, channel] of cases) {
      const answer = await answerOf(who, channel);
      expect(answer.type, `${who.person.name} → ${channel}: ${JSON.stringify(answer)}`).toBe('subscribed');
    }
    expect(await answerOf(external, 'me')).toMatchObject({ channel: `me:${external.person.id}` });
  });

  it('refuses what the person may not read; a secret space answers exactly like a missing one', async () => {
    const secret = await buildSpace(t, owner, { visibility: 'secret' });
    const privateSpace = await buildSpace(t, owner, { visibility: 'private' });
    const internalOpen = await buildSpace(t, owner, { visibility: 'open' });
    const secretPost = await insertPost(t, owner, { type: 'space', id: secret.id });
    const companyPost = await insertPost(t, owner);
    const missingSpace = await answerOf(employee, `space:${newId()}`);
    const secretSpace = await answerOf(employee, `space:${secret.id}`);
    expect(secretSpace).toEqual(missingSpace);
    expect(secretSpace).toMatchObject({ type: 'error', code: 'not_found' });
    expect(await answerOf(employee, `post:${secretPost.id}`)).toEqual(
      await answerOf(employee, `post:${newId()}`),
    );
    expect(await answerOf(employee, `space:${privateSpace.id}`)).toMatchObject({ code: 'forbidden' });
    // An external person: no company feed, no internal space (not even its existence), no company post.
    expect(await answerOf(external, 'company')).toMatchObject({ code: 'forbidden' });
    expect(await answerOf(external, `space:${internalOpen.id}`)).toEqual(
      await answerOf(external, `space:${newId()}`),
    );
    expect(await answerOf(external, `post:${companyPost.id}`)).toMatchObject({ code: 'not_found' });
    // Someone else's personal channel, and people an external person may not see.
    expect(await answerOf(employee, `me:${owner.person.id}`)).toMatchObject({ code: 'not_found' });
    expect(await answerOf(external, `person:${employee.person.id}`)).toEqual(
      await answerOf(external, `person:${newId()}`),
    );
    expect(await answerOf(employee, 'space:')).toMatchObject({ code: 'bad_channel' });
    expect(await answerOf(employee, 'topic:x')).toMatchObject({ code: 'bad_channel' });
  });

  it('records: employees, and externals only through a space the record is shared into', async () => {
    const record = await buildRecord(t, { createdBy: owner });
    expect(await answerOf(employee, `record:${record.id}`)).toMatchObject({ type: 'subscribed' });
    expect(await answerOf(external, `record:${record.id}`)).toEqual(
      await answerOf(external, `record:${newId()}`),
    );
  });

  it('unsubscribes, and keeps the personal channel whatever the client asks', async () => {
    const socket = await connect(url, browserHeaders(employee));
    await subscribe(socket, 'company');
    socket.send({ type: 'unsubscribe', channel: 'company', ref: 'u1' });
    expect(await socket.next('unsubscribed', (f) => f.ref === 'u1')).toEqual({
      type: 'unsubscribed',
      channel: 'company',
      ref: 'u1',
    });
    socket.send({ type: 'unsubscribe', channel: 'me', ref: 'u2' });
    await socket.next('unsubscribed', (f) => f.ref === 'u2');
    const connection = gatewayOf(t.ctx)?.registry.ofPerson(employee.person.id)[0];
    expect([...(connection?.channels ?? [])]).toEqual([`me:${employee.person.id}`]);
    await socket.close();
  });
});

describe('bad frames', () => {
  it('answers malformed JSON and unknown frames with a bad_frame error, and keeps working', async () => {
    const socket = await connect(url, browserHeaders(employee));
    const bad = [
      '{not json',
      '[]',
      '"text"',
      '{"type":"launch"}',
      '{"type":"subscribe"}',
      '{"type":"ping","ref":5}',
    ];
    for (const text of bad) socket.send(text);
    socket.send({ type: 'subscribe', channel: 42, ref: 'r1' });
    socket.send({ type: 'activity', state: 'asleep' });
    socket.send({ type: 'ping', ref: 'alive' });
    await socket.next('pong', (f) => f.ref === 'alive');
    const errors = socket.frames.filter((f) => f.type === 'error');
    expect(errors).toHaveLength(bad.length + 2);
    expect(errors.every((f) => f.type === 'error' && f.code === 'bad_frame')).toBe(true);
    expect(errors).toContainEqual(expect.objectContaining({ ref: 'r1' }));
    expect(await subscribe(socket, 'company')).toMatchObject({ type: 'subscribed' });
    await socket.close();
  });

  it(`closes with 1009 on a frame over ${LIVE_LIMITS.maxFrameBytes} bytes`, async () => {
    const socket = await connect(url, browserHeaders(employee));
    socket.send(JSON.stringify({ type: 'ping', ref: 'x', pad: 'x'.repeat(LIVE_LIMITS.maxFrameBytes) }));
    expect((await socket.closed).code).toBe(LIVE_CLOSE_CODES.tooBig);
    // The process is fine: a new socket works.
    const again = await connect(url, browserHeaders(employee));
    await again.close();
  });

  it(`closes with 1008 beyond ${LIVE_LIMITS.maxFramesPerWindow} frames per window`, async () => {
    const socket = await connect(url, browserHeaders(employee));
    for (let i = 0; i <= LIVE_LIMITS.maxFramesPerWindow; i++) socket.send({ type: 'ping', ref: `f${i}` });
    expect((await socket.closed).code).toBe(LIVE_CLOSE_CODES.policy);
  });

  it('terminates a socket that misses two pongs, and keeps one that answers', async () => {
    const gateway = gatewayOf(t.ctx);
    if (!gateway) throw new Error('no gateway');
    const silent = await connect(url, browserHeaders(employee), { autoPong: false });
    const lively = await connect(url, browserHeaders(owner));
    const livelyPongs = () =>
      new Promise<void>((resolve) => {
        const connection = gateway.registry.ofPerson(owner.person.id)[0];
        connection?.socket.once('pong', () => resolve());
      });
    for (let i = 0; i < 2; i++) {
      const answered = livelyPongs();
      gateway.heartbeat();
      await answered;
    }
    gateway.heartbeat();
    expect((await silent.closed).code).toBe(1006);
    expect(lively.ws.readyState).toBe(lively.ws.OPEN);
    await lively.close();
  });
});
