import { LIVE_LIMITS } from '@atrium/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lowestIdAt, RESUME_OVERLAP_MS, uuidV7Time } from '../../src/modules/live/resume.ts';
import type { SpaceRow } from '../../src/modules/spaces/spaces.repository.ts';
import { newId } from '../../src/platform/db/time.ts';
import { call } from '../people/helpers.ts';
import { type Session, signedIn } from '../support/factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { browserHeaders, connect, listen, settle, subscribe } from './live-support.ts';

let t: TestApp;
let url: string;
let owner: Session;
let member: Session;
let team: SpaceRow;
let other: SpaceRow;

beforeAll(async () => {
  t = await createTestApp();
  url = await listen(t);
  owner = await signedIn(t, { name: 'Olga Owner' });
  member = await signedIn(t, { name: 'Mia Member' });
  team = await buildSpace(t, owner, { visibility: 'private' });
  other = await buildSpace(t, owner, { visibility: 'private' });
  await addMember(t, team, member);
});
afterAll(async () => {
  await t.close();
});

async function post(space: SpaceRow) {
  const res = await call(t, owner, 'POST', '/api/v1/posts', {
    target: { type: 'space', id: space.id },
    body: 'x',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

describe('resume after a short disconnect', () => {
  it('replays what the socket missed on its channels, as the live push said it, then resumed', async () => {
    const first = await connect(url, browserHeaders(member));
    await subscribe(first, `space:${team.id}`);
    const seen = await post(team);
    await settle(t, first);
    const last = first.events().at(-1);
    if (!last) throw new Error('no event');
    await first.close();

    const missed = await post(team);
    const elsewhere = await post(other);
    const comment = await call(t, owner, 'POST', `/api/v1/posts/${missed.id}/comments`, { body: 'hi' });
    expect(comment.statusCode).toBe(201);
    await t.drainEvents();

    const second = await connect(url, browserHeaders(member));
    await subscribe(second, `space:${team.id}`);
    second.send({ type: 'resume', after: last.id, ref: 'r1' });
    const resumed = await second.next('resumed', (f) => f.ref === 'r1');
    const replayed = second.events();
    expect(resumed.replayed).toBe(replayed.length);
    // The last event seen may come again (the overlap window); the client drops it by id.
    const fresh = replayed.filter((e) => e.id !== last.id);
    expect(fresh.map((e) => [e.name, e.data.postId, e.channel])).toEqual([
      ['post.created', missed.id, `space:${team.id}`],
      ['comment.created', missed.id, `space:${team.id}`],
    ]);
    expect(replayed.some((e) => e.data.postId === elsewhere.id)).toBe(false);
    expect(replayed.every((e) => e.data.postId !== seen.id || e.id === last.id)).toBe(true);
    await second.close();
  });

  it('replays nothing the person may no longer read', async () => {
    const leaver = await signedIn(t, { name: 'Leo Leaver' });
    await addMember(t, team, leaver);
    const socket = await connect(url, browserHeaders(leaver));
    await subscribe(socket, `space:${team.id}`);
    const cursor = newId();
    const missed = await post(team);
    await t.ctx.db
      .deleteFrom('space_members')
      .where('space_id', '=', team.id)
      .where('person_id', '=', leaver.person.id)
      .execute();
    await t.drainEvents();
    socket.send({ type: 'resume', after: cursor, ref: 'r2' });
    expect(await socket.next('resumed', (f) => f.ref === 'r2')).toMatchObject({ replayed: 0 });
    expect(socket.events().filter((e) => e.data.postId === missed.id)).toEqual([]);
    await socket.close();
  });

  it('asks to resync when the cursor is too old, unknown or not an event id', async () => {
    const old = lowestIdAt(Date.now() - LIVE_LIMITS.resumeMaxAgeMs - 60_000).replace(
      /-0000-0000-/,
      '-7000-8000-',
    );
    for (const [after, ref] of [
      [old, 'old'],
      ['not-an-id', 'bad'],
      ['01234567-89ab-4def-8123-456789abcdef', 'v4'],
    ] as const) {
      // One resume per connection: each cursor on a fresh one, as after a reconnect.
      const socket = await connect(url, browserHeaders(member));
      await subscribe(socket, `space:${team.id}`);
      socket.send({ type: 'resume', after, ref });
      expect(await socket.next('resync', (f) => f.ref === ref)).toEqual({ type: 'resync', ref });
      await socket.close();
    }
  });

  it('replays once per connection: a second resume is refused', async () => {
    const socket = await connect(url, browserHeaders(member));
    socket.send({ type: 'resume', after: newId(), ref: 'first' });
    await socket.next('resumed', (f) => f.ref === 'first');
    socket.send({ type: 'resume', after: newId(), ref: 'second' });
    const refused = await socket.next('error', (f) => f.ref === 'second');
    expect(refused.code).toBe('already_resumed');
    await socket.close();
  });

  it(`asks to resync when more than ${LIVE_LIMITS.resumeMaxEvents} events were missed`, async () => {
    const socket = await connect(url, browserHeaders(member));
    await subscribe(socket, `space:${team.id}`);
    const cursor = newId();
    const target = await post(team);
    const rows = Array.from({ length: LIVE_LIMITS.resumeMaxEvents + 1 }, () => ({
      id: newId(),
      name: 'post.updated',
      actor_id: owner.person.id,
      subject_type: 'post',
      subject_id: target.id,
      space_id: team.id,
      payload: '{}',
      created_at: new Date().toISOString(),
    }));
    await t.ctx.db.insertInto('events').values(rows).execute();
    socket.send({ type: 'resume', after: cursor, ref: 'many' });
    expect(await socket.next('resync', (f) => f.ref === 'many')).toEqual({ type: 'resync', ref: 'many' });
    await socket.close();
  });
});

describe('resume cursors', () => {
  it('reads the time of a UUIDv7 and builds the lowest id of a millisecond', () => {
    const id = newId();
    const time = uuidV7Time(id);
    expect(time).toBeDefined();
    expect(Math.abs((time ?? 0) - Date.now())).toBeLessThan(60_000);
    expect(lowestIdAt(time ?? 0) <= id).toBe(true);
    expect(lowestIdAt((time ?? 0) + 1) > id).toBe(true);
    expect(lowestIdAt((time ?? 0) - RESUME_OVERLAP_MS) < id).toBe(true);
    expect(uuidV7Time('nope')).toBeUndefined();
  });
});
