import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpaceRow } from '../../src/modules/spaces/spaces.repository.ts';
import type { PostsTable } from '../../src/platform/db/schema-conversation.ts';
import { nowIso } from '../../src/platform/db/time.ts';
import { call } from '../admin/helpers.ts';
import { type Session, signedIn } from '../support/factories.ts';
import { buildPost } from '../support/post-factories.ts';
import { eventsAbout, inAnHour } from '../support/post-kinds-factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let siteAdmin: Session;
let spaceOwner: Session;
let employee: Session;
let customer: Session;
let community: SpaceRow;

beforeAll(async () => {
  app = await createTestApp();
  siteAdmin = await signedIn(app, { name: 'Ada Admin', role: 'admin' });
  spaceOwner = await signedIn(app, { name: 'Owen Owner' });
  employee = await signedIn(app, { name: 'Emma Employee' });
  customer = await signedIn(app, { kind: 'external', name: 'Carla Customer', email: 'carla@customer.io' });
  community = await buildSpace(app, spaceOwner, { audience: 'external', visibility: 'open' });
  await addMember(app, community, customer);
});
afterAll(async () => {
  await app.close();
});

const acknowledge = (who: Session | undefined, post: Pick<PostsTable, 'id'>) =>
  call(app, who, 'PUT', `/api/v1/posts/${post.id}/acknowledgement`);
const acknowledgements = (who: Session | undefined, post: Pick<PostsTable, 'id'>, query = '') =>
  call(app, who, 'GET', `/api/v1/posts/${post.id}/acknowledgements${query}`);

const companyAnnouncement = (requiresAck = true) =>
  buildPost(app, siteAdmin, {
    kind: 'announcement',
    body: 'The office closes early on Friday.',
    announcement: { requiresAck, pinnedUntil: inAnHour() },
  });

const ackRows = async (post: Pick<PostsTable, 'id'>) =>
  app.ctx.db.selectFrom('announcement_acks').select('person_id').where('post_id', '=', post.id).execute();

describe('PUT /posts/{id}/acknowledgement', () => {
  it('401 for anonymous callers', async () => {
    const post = await companyAnnouncement();
    expect((await acknowledge(undefined, post)).statusCode).toBe(401);
  });

  it('400 on posts that are not announcements or do not ask for acknowledgement', async () => {
    const quiet = await companyAnnouncement(false);
    const update = await buildPost(app, employee, {});
    const refused = await acknowledge(employee, quiet);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toBe('This announcement does not ask for acknowledgement.');
    expect((await acknowledge(employee, update)).json()).toMatchObject({
      status: 400,
      detail: 'This post is not an announcement.',
    });
    expect(await ackRows(quiet)).toEqual([]);
  });

  it('404 when the caller may not read the announcement', async () => {
    const post = await companyAnnouncement();
    expect((await acknowledge(customer, post)).statusCode).toBe(404);
    expect((await acknowledge(employee, { id: 'missing' })).statusCode).toBe(404);
    expect(await ackRows(post)).toEqual([]);
  });

  it('409 once the space is archived', async () => {
    const space = await buildSpace(app, spaceOwner, { visibility: 'open' });
    const post = await buildPost(app, spaceOwner, {
      kind: 'announcement',
      target: { type: 'space', id: space.id },
      announcement: { requiresAck: true },
    });
    await app.ctx.db
      .updateTable('spaces')
      .set({ archived_at: nowIso() })
      .where('id', '=', space.id)
      .execute();
    expect((await acknowledge(employee, post)).statusCode).toBe(409);
    expect(await ackRows(post)).toEqual([]);
  });

  it('acknowledges once: a second call changes nothing and records no second event', async () => {
    const post = await companyAnnouncement();
    const first = await acknowledge(employee, post);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      pinnedUntil: post.pinned_until,
      requiresAck: true,
      acknowledgedByMe: true,
      ackCount: 1,
    });
    expect((await acknowledge(employee, post)).json().ackCount).toBe(1);
    expect((await acknowledge(spaceOwner, post)).json().ackCount).toBe(2);
    expect(await eventsAbout(app, post.id)).toEqual([
      'post.created',
      'announcement.acknowledged',
      'announcement.acknowledged',
    ]);
  });
});

describe('GET /posts/{id}/acknowledgements', () => {
  it('401 anonymous, 400 bad query, 404 unreadable, 403 for readers who are not its author or an admin', async () => {
    const post = await companyAnnouncement();
    expect((await acknowledgements(undefined, post)).statusCode).toBe(401);
    expect((await acknowledgements(siteAdmin, post, '?limit=0')).statusCode).toBe(400);
    expect((await acknowledgements(siteAdmin, post, '?cursor=nope')).statusCode).toBe(400);
    expect((await acknowledgements(siteAdmin, post, '?colour=red')).statusCode).toBe(400);
    expect((await acknowledgements(customer, post)).statusCode).toBe(404);
    const refused = await acknowledgements(employee, post);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('forbidden');
    expect((await acknowledgements(siteAdmin, await buildPost(app, employee, {}))).statusCode).toBe(400);
  });

  it('lists who acknowledged, in order, a page at a time', async () => {
    const post = await companyAnnouncement();
    // Acknowledged in the order the people were created, so ties on the clock order the same way.
    const people = [spaceOwner, employee, await signedIn(app, { name: 'Zoe Zed' })];
    for (const who of people) await acknowledge(who, post);
    const first = await acknowledgements(siteAdmin, post, '?limit=2');
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((i: { person: { name: string } }) => i.person.name)).toEqual([
      'Owen Owner',
      'Emma Employee',
    ]);
    expect(first.json().items[0].acknowledgedAt).toEqual(expect.any(String));
    const second = await acknowledgements(siteAdmin, post, `?limit=2&cursor=${first.json().nextCursor}`);
    expect(second.json()).toMatchObject({ items: [{ person: { name: 'Zoe Zed' } }], nextCursor: null });
  });

  it('space admins see the list of their space, with only the people they may see', async () => {
    const externalAdmin = await signedIn(app, {
      kind: 'external',
      name: 'Xena Partner',
      email: 'x@partner.io',
    });
    await addMember(app, community, externalAdmin, 'admin');
    const post = await buildPost(app, spaceOwner, {
      kind: 'announcement',
      target: { type: 'space', id: community.id },
      announcement: { requiresAck: true },
    });
    // The employee reads the open community without belonging to it: the partner may not see them.
    for (const who of [customer, employee]) expect((await acknowledge(who, post)).statusCode).toBe(200);
    const partnerView = await acknowledgements(externalAdmin, post);
    expect(partnerView.statusCode).toBe(200);
    expect(partnerView.json().items.map((i: { person: { id: string } }) => i.person.id)).toEqual([
      customer.person.id,
    ]);
    const ownerView = await acknowledgements(spaceOwner, post);
    expect(ownerView.json().items).toHaveLength(2);
    expect((await acknowledgements(customer, post)).statusCode).toBe(403);
  });
});
