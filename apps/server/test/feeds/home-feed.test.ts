import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, signedIn } from '../support/factories.ts';
import { buildPost } from '../support/post-factories.ts';
import { buildRecord, shareRecordInto } from '../support/record-factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { call, feedIds, setPostState } from './feed-helpers.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

const home = (who: Session) => feedIds(app, who, '/api/v1/feeds/home?limit=50');
const put = async (who: Session, url: string) =>
  expect((await call(app, who, 'PUT', url)).statusCode).toBe(204);
const inSpace = (id: string) => ({ type: 'space' as const, id });

describe('the home feed of an employee', () => {
  it('merges my spaces, the company feed, my profile and what I follow, and nothing else', async () => {
    const me = await signedIn(app);
    const colleague = await signedIn(app);
    const stranger = await signedIn(app);
    const mySpace = await buildSpace(app, colleague);
    await addMember(app, mySpace, me);
    const openSpace = await buildSpace(app, colleague);
    const followedSpace = await buildSpace(app, colleague);
    const closedSpace = await buildSpace(app, colleague, { visibility: 'private' });
    const record = await buildRecord(app);
    const otherRecord = await buildRecord(app);

    const fromMySpace = await buildPost(app, colleague, { target: inSpace(mySpace.id) });
    const company = await buildPost(app, stranger);
    const onMyProfile = await buildPost(app, colleague, { target: { type: 'person', id: me.person.id } });
    const onTheirProfile = await buildPost(app, stranger, {
      target: { type: 'person', id: colleague.person.id },
    });
    const unrelatedOpen = await buildPost(app, stranger, { target: inSpace(openSpace.id) });
    const inFollowedSpace = await buildPost(app, stranger, { target: inSpace(followedSpace.id) });
    const byFollowed = await buildPost(app, stranger, { target: { type: 'record', id: otherRecord.id } });
    const byFollowedPrivately = await buildPost(app, colleague, { target: inSpace(closedSpace.id) });
    const withTopic = await buildPost(app, colleague, {
      target: inSpace(openSpace.id),
      body: 'About #home-topic',
    });
    const topicPrivately = await buildPost(app, colleague, {
      target: inSpace(closedSpace.id),
      body: '#home-topic',
    });
    const aboutRecord = await buildPost(app, colleague, { target: { type: 'record', id: record.id } });

    await put(me, `/api/v1/people/${stranger.person.handle}/follow`);
    await put(me, `/api/v1/spaces/${followedSpace.handle}/follow`);
    await put(me, '/api/v1/topics/home-topic/follow');
    await put(me, `/api/v1/records/${record.id}/follow`);

    const ids = await home(me);
    // Posts by the stranger I follow appear wherever I may read them: an open space, a record, a profile.
    const expected = [
      fromMySpace,
      company,
      onMyProfile,
      onTheirProfile,
      unrelatedOpen,
      inFollowedSpace,
      byFollowed,
      withTopic,
      aboutRecord,
    ];
    expect(ids).toEqual(expected.map((post) => post.id).reverse());
    expect(ids).not.toContain(byFollowedPrivately.id);
    expect(ids).not.toContain(topicPrivately.id);
  });

  it('leaves out deleted and hidden posts, and a space I left at once', async () => {
    const me = await signedIn(app);
    const owner = await signedIn(app);
    const space = await buildSpace(app, owner, { visibility: 'private' });
    await addMember(app, space, me);
    const kept = await buildPost(app, owner, { target: inSpace(space.id) });
    const deleted = await buildPost(app, owner, { target: inSpace(space.id) });
    const hidden = await buildPost(app, owner, { target: inSpace(space.id) });
    await setPostState(app, hidden, { hidden: true });
    expect((await call(app, owner, 'DELETE', `/api/v1/posts/${deleted.id}`)).statusCode).toBe(204);
    const ids = await home(me);
    expect(ids).toContain(kept.id);
    expect(ids).not.toContain(deleted.id);
    expect(ids).not.toContain(hidden.id);
    expect((await call(app, me, 'POST', `/api/v1/spaces/${space.handle}/leave`)).statusCode).toBe(204);
    expect(await home(me)).not.toContain(kept.id);
  });

  it('hides what I muted: a space, a person everywhere, posts carrying a muted topic', async () => {
    const me = await signedIn(app);
    const loud = await signedIn(app);
    const friend = await signedIn(app);
    const noisy = await buildSpace(app, friend);
    const quiet = await buildSpace(app, friend);
    await addMember(app, noisy, me);
    await addMember(app, quiet, me);
    await addMember(app, quiet, loud);
    await put(me, `/api/v1/people/${friend.person.handle}/follow`);
    const inNoisy = await buildPost(app, friend, { target: inSpace(noisy.id) });
    const byLoud = await buildPost(app, loud, { target: inSpace(quiet.id) });
    const byLoudCompany = await buildPost(app, loud);
    const withTopic = await buildPost(app, friend, { target: inSpace(quiet.id), body: 'Lunch #food-talk' });
    const kept = await buildPost(app, friend, { target: inSpace(quiet.id) });
    const before = await home(me);
    for (const post of [inNoisy, byLoud, byLoudCompany, withTopic, kept]) expect(before).toContain(post.id);

    await put(me, `/api/v1/mutes/space/${noisy.id}`);
    await put(me, `/api/v1/mutes/person/${loud.person.id}`);
    await put(me, '/api/v1/mutes/topic/food-talk');
    const after = await home(me);
    expect(after).toContain(kept.id);
    // The muted space stays muted even though I follow its author.
    for (const post of [inNoisy, byLoud, byLoudCompany, withTopic]) expect(after).not.toContain(post.id);
    // Mutes are for the home feed only.
    expect(await feedIds(app, me, `/api/v1/spaces/${noisy.handle}/feed`)).toEqual([inNoisy.id]);
  });
});

describe('the home feed of an external person', () => {
  it('never shows the company feed nor spaces they are not in; follows only where readable', async () => {
    const employee = await signedIn(app);
    const guest = await signedIn(app, { kind: 'external' });
    const community = await buildSpace(app, employee, { audience: 'external' });
    const otherCommunity = await buildSpace(app, employee, { audience: 'external', visibility: 'private' });
    const internal = await buildSpace(app, employee);
    await addMember(app, community, guest);
    const record = await buildRecord(app);
    await shareRecordInto(app, record, community);

    const inCommunity = await buildPost(app, employee, {
      target: inSpace(community.id),
      body: '#guest-topic',
    });
    const company = await buildPost(app, employee, { body: '#guest-topic too' });
    const inOther = await buildPost(app, employee, { target: inSpace(otherCommunity.id) });
    const inInternal = await buildPost(app, employee, { target: inSpace(internal.id), body: '#guest-topic' });
    const onRecord = await buildPost(app, employee, { target: { type: 'record', id: record.id } });
    const aboutRecordThere = await buildPost(app, employee, {
      target: inSpace(community.id),
      recordId: record.id,
    });
    await put(guest, `/api/v1/people/${employee.person.handle}/follow`);
    await put(guest, '/api/v1/topics/guest-topic/follow');
    await put(guest, `/api/v1/records/${record.id}/follow`);

    const ids = await home(guest);
    expect(ids).toEqual([aboutRecordThere.id, inCommunity.id]);
    for (const post of [company, inOther, inInternal, onRecord]) expect(ids).not.toContain(post.id);
  });
});
