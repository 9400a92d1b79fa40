import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deactivate } from '../people/helpers.ts';
import { buildPerson, type Session, signedIn } from '../support/factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { buildRecord, call, expectSameAsMissing, expectStatus } from './helpers.ts';

let app: TestApp;
let me: Session;
let guest: Session;
beforeAll(async () => {
  app = await createTestApp();
  me = await signedIn(app, { name: 'Zoë Self', handle: 'zoe.self' });
  guest = await signedIn(app, { name: 'Zoe Guest', handle: 'zoe.guest', kind: 'external' });
  await buildPerson(app, { name: 'Zoë Adams', handle: 'zadams' });
  await buildPerson(app, { name: 'Zoe Brown', handle: 'zbrown' });
  await buildPerson(app, { name: 'Mark Hill', handle: 'zoe-fan' });
  await buildPerson(app, { name: 'Nobody Here', handle: 'nobody', title: 'Zoe wrangler' });
  const gone = await buildPerson(app, { name: 'Zoe Gone', handle: 'zoe.gone' });
  await deactivate(app, gone.id);
});
afterAll(async () => {
  await app.close();
});

const suggest = (who: Session | undefined, query: string) =>
  call(app, who, 'GET', `/api/v1/mention-suggestions?${query}`);
const handles = async (who: Session, query: string) => {
  const res = await suggest(who, query);
  expectStatus(res, 200);
  // Sorted here: name order depends on the database's collation.
  return (res.json().items as Array<{ handle: string }>).map((p) => p.handle).sort();
};

describe('GET /api/v1/mention-suggestions', () => {
  it('answers 401 anonymously and 400 for bad queries', async () => {
    expectStatus(await suggest(undefined, 'targetType=company&q=zo'), 401);
    expectStatus(await suggest(me, 'q=zo'), 400);
    expectStatus(await suggest(me, 'targetType=group&q=zo'), 400);
    expectStatus(await suggest(me, `targetType=company&q=${'z'.repeat(201)}`), 400);
  });

  it('company feed: active employees matching name or handle (accents folded), never me, externals or titles', async () => {
    expect(await handles(me, 'targetType=company&q=zoe')).toEqual(['zadams', 'zbrown', 'zoe-fan']);
    expect(await handles(me, 'targetType=company&q=%40zb')).toEqual(['zbrown']);
    expect(await handles(me, 'targetType=company&q=ADAMS')).toEqual(['zadams']);
  });

  it('an external person asking about a target they cannot read gets 404, like a missing target', async () => {
    const record = await buildRecord(app);
    const missing = await suggest(
      guest,
      'targetType=space&targetId=01900000-0000-7000-8000-000000000000&q=z',
    );
    const internal = await buildSpace(app, me, { visibility: 'open' });
    for (const query of [
      'targetType=company&q=z',
      `targetType=person&targetId=${me.person.id}&q=z`,
      `targetType=record&targetId=${record.id}&q=z`,
      `targetType=space&targetId=${internal.id}&q=z`,
    ]) {
      expectSameAsMissing(await suggest(guest, query), missing);
    }
    expect(await handles(me, `targetType=record&targetId=${record.id}&q=zb`)).toEqual(['zbrown']);
    expectStatus(await suggest(me, 'targetType=record&q=z'), 404);
  });

  it('spaces: only people who may read the space, and whom I may see; secret spaces 404 to non-members', async () => {
    const priv = await buildSpace(app, me, { visibility: 'private' });
    const adams = await app.ctx.db
      .selectFrom('people')
      .selectAll()
      .where('handle', '=', 'zadams')
      .executeTakeFirstOrThrow();
    await addMember(app, priv, adams);
    expect(await handles(me, `targetType=space&targetId=${priv.id}&q=zo`)).toEqual(['zadams']);

    const secret = await buildSpace(app, me, { visibility: 'secret' });
    const outsider = await signedIn(app);
    const missing = await suggest(outsider, 'targetType=space&targetId=01900000-0000-7000-8000-000000000000');
    expectSameAsMissing(await suggest(outsider, `targetType=space&targetId=${secret.id}&q=zo`), missing);
    expectSameAsMissing(await suggest(outsider, `targetType=space&targetId=${priv.id}&q=zo`), missing);

    const community = await buildSpace(app, me, { visibility: 'open', audience: 'external' });
    // Employees see every reader of an open community; but a mention reaches only people who see its
    // author, and the guest sees nobody they share no space with (nor anyone sees them).
    expect(await handles(me, `targetType=space&targetId=${community.id}&q=zo`)).toEqual([
      'zadams',
      'zbrown',
      'zoe-fan',
    ]);
    expect(await handles(guest, `targetType=space&targetId=${community.id}&q=zo`)).toEqual([]);
    await addMember(app, community, guest);
    expect(await handles(guest, `targetType=space&targetId=${community.id}&q=zo`)).toEqual(['zoe.self']);
    expect(await handles(me, `targetType=space&targetId=${community.id}&q=zo`)).toEqual([
      'zadams',
      'zbrown',
      'zoe-fan',
      'zoe.guest',
    ]);
  });

  it('returns at most ten people', async () => {
    for (let i = 0; i < 12; i++) await buildPerson(app, { name: `Quill ${i}`, handle: `quill${i}` });
    expect(await handles(me, 'targetType=company&q=quill')).toHaveLength(10);
  });
});
