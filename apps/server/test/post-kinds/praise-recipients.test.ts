import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpaceRow } from '../../src/modules/spaces/spaces.repository.ts';
import { call } from '../admin/helpers.ts';
import { type Session, signedIn } from '../support/factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Praise reaches only people who may see its author (ACCESS-MODEL invariant 4): an external reader of an
 * open community who shares no space with the author reads the post but cannot be praised in it.
 */

let app: TestApp;
let author: Session;
let stranger: Session;
let community: SpaceRow;

beforeAll(async () => {
  app = await createTestApp();
  author = await signedIn(app, { name: 'Ada Author' });
  stranger = await signedIn(app, { kind: 'external', name: 'Sam Stranger', email: 'sam@partner.io' });
  community = await buildSpace(app, author, { audience: 'external', visibility: 'open' });
});
afterAll(async () => {
  await app.close();
});

const praise = (recipientId: string) =>
  call(app, author, 'POST', '/api/v1/posts', {
    target: { type: 'space', id: community.id },
    body: 'Thanks!',
    kind: 'praise',
    praise: { recipientIds: [recipientId], badge: 'thank_you' },
  });

const recipientRows = async () =>
  Number(
    (
      await app.ctx.db
        .selectFrom('praise_recipients')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('praise recipients', () => {
  it('refuses a reader of the post who may not see the author, with the answer for anyone refused', async () => {
    // The stranger reads the open community's posts without sharing a space with the author.
    const update = await call(app, author, 'POST', '/api/v1/posts', {
      target: { type: 'space', id: community.id },
      body: 'Welcome',
    });
    const read = await call(app, stranger, 'GET', `/api/v1/posts/${update.json().id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().author).toBeNull();
    const refused = await praise(stranger.person.id);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toBe(
      `${stranger.person.id} is not an active person who can read this post.`,
    );
    const missing = await praise('01900000-0000-7000-8000-000000000000');
    expect(missing.json().detail).toBe(
      '01900000-0000-7000-8000-000000000000 is not an active person who can read this post.',
    );
    expect(await recipientRows()).toBe(0);
  });

  it('accepts them once they share a space with the author', async () => {
    await addMember(app, community, stranger);
    const accepted = await praise(stranger.person.id);
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().praise.recipients).toEqual([
      { id: stranger.person.id, handle: stranger.person.handle, name: 'Sam Stranger' },
    ]);
  });
});
