import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpaceRow } from '../../src/modules/spaces/spaces.repository.ts';
import { call } from '../admin/helpers.ts';
import { type Session, signedIn } from '../support/factories.ts';
import { inAnHour } from '../support/post-kinds-factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** The kinds through the create-post route: the kind parts in, the kind views out. */

let app: TestApp;
let siteAdmin: Session;
let owner: Session;
let member: Session;
let customer: Session;
let team: SpaceRow;

beforeAll(async () => {
  app = await createTestApp();
  siteAdmin = await signedIn(app, { name: 'Sia Admin', role: 'admin' });
  owner = await signedIn(app, { name: 'Ola Owner' });
  member = await signedIn(app, { name: 'Max Member' });
  customer = await signedIn(app, { kind: 'external', name: 'Cas Customer', email: 'cas@customer.io' });
  team = await buildSpace(app, owner, { visibility: 'private' });
  await addMember(app, team, member);
});
afterAll(async () => {
  await app.close();
});

const create = (who: Session | undefined, body: Record<string, unknown>) =>
  call(app, who, 'POST', '/api/v1/posts', { target: { type: 'company' }, body: 'Hello', ...body });

const counts = async () => {
  const count = async (table: 'posts' | 'polls' | 'poll_options' | 'praise_recipients') =>
    Number(
      (
        await app.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    posts: await count('posts'),
    polls: await count('polls'),
    options: await count('poll_options'),
    recipients: await count('praise_recipients'),
  };
};

describe('POST /posts with a kind', () => {
  it('refuses bad kind input with a clear 4xx and stores nothing', async () => {
    const before = await counts();
    const refused = [
      await create(member, { kind: 'poll', poll: { options: ['Only one'] } }),
      await create(member, { kind: 'poll', poll: { options: ['Yes', 'No', 'yes '] } }),
      await create(member, { kind: 'poll', poll: { options: ['Yes', '  '] } }),
      await create(member, { kind: 'poll', poll: { options: ['a', 'b'], closesAt: '2001-01-01T00:00:00Z' } }),
      await create(member, { kind: 'poll' }),
      await create(member, { poll: { options: ['a', 'b'] } }),
      await create(member, {
        kind: 'praise',
        praise: { recipientIds: [owner.person.id], badge: 'gold_star' },
      }),
      await create(member, {
        kind: 'praise',
        praise: { recipientIds: [customer.person.id], badge: 'mentor' },
      }),
      await create(member, { kind: 'question', announcement: {} }),
      await create(siteAdmin, {
        kind: 'announcement',
        target: { type: 'person', id: member.person.id },
        announcement: {},
      }),
      await create(siteAdmin, {
        kind: 'announcement',
        announcement: { pinnedUntil: '2001-01-01T00:00:00Z' },
      }),
    ];
    expect(refused.map((r) => r.statusCode)).toEqual(Array(refused.length).fill(400));
    expect(refused[1]?.json().detail).toBe('The option "yes" appears twice.');
    expect(refused[7]?.json().detail).toBe(
      `${customer.person.id} is not an active person who can read this post.`,
    );
    const forbidden = [
      await create(member, { kind: 'announcement', announcement: { requiresAck: true } }),
      await create(member, { kind: 'announcement', target: { type: 'space', id: team.id } }),
    ];
    expect(forbidden.map((r) => r.statusCode)).toEqual([403, 403]);
    expect(await counts()).toEqual(before);
  });

  it('creates each kind and presents its part', async () => {
    const poll = await create(member, {
      kind: 'poll',
      poll: { options: [' Tea ', 'Coffee'], closesAt: inAnHour() },
    });
    expect(poll.statusCode).toBe(201);
    expect(poll.json().poll).toMatchObject({
      multiple: false,
      closed: false,
      voterCount: 0,
      myVotes: [],
      options: [
        { label: 'Tea', votes: null },
        { label: 'Coffee', votes: null },
      ],
    });
    const praise = await create(member, {
      kind: 'praise',
      target: { type: 'space', id: team.id },
      praise: { recipientIds: [owner.person.id], badge: 'above_and_beyond' },
    });
    expect(praise.statusCode).toBe(201);
    expect(praise.json().praise).toEqual({
      badge: 'above_and_beyond',
      recipients: [{ id: owner.person.id, handle: owner.person.handle, name: 'Ola Owner' }],
    });
    const announcement = await create(owner, {
      kind: 'announcement',
      target: { type: 'space', id: team.id },
      announcement: { requiresAck: true },
    });
    expect(announcement.statusCode).toBe(201);
    expect(announcement.json().announcement).toEqual({
      pinnedUntil: null,
      requiresAck: true,
      acknowledgedByMe: false,
      ackCount: 0,
    });
    const question = await create(member, { kind: 'question' });
    expect(question.json().question).toEqual({ acceptedCommentId: null });
  });
});
