import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayOf } from '../../src/modules/live/gateway.ts';
import { signedIn } from '../support/factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { browserHeaders, connect, listen, settle, subscribe } from './live-support.ts';

let t: TestApp;
let url: string;

beforeAll(async () => {
  t = await createTestApp();
  url = await listen(t);
});
afterAll(async () => {
  await t.close();
});

describe('presence pushes', () => {
  it('tells the people watching someone when they come online, go idle and leave, if they may see them', async () => {
    const subject = await signedIn(t, { name: 'Pat Present' });
    const colleague = await signedIn(t, { name: 'Cole Colleague' });
    const partner = await signedIn(t, { name: 'Paula Partner', kind: 'external' });
    const stranger = await signedIn(t, { name: 'Stan Stranger', kind: 'external' });
    const community = await buildSpace(t, subject, { audience: 'external', visibility: 'private' });
    await addMember(t, community, partner);
    const watchers = {
      colleague: await connect(url, browserHeaders(colleague)),
      partner: await connect(url, browserHeaders(partner)),
      stranger: await connect(url, browserHeaders(stranger)),
    };
    const channel = `person:${subject.person.id}`;
    expect(await subscribe(watchers.colleague, channel)).toMatchObject({ type: 'subscribed' });
    expect(await subscribe(watchers.partner, channel)).toMatchObject({ type: 'subscribed' });
    expect(await subscribe(watchers.stranger, channel)).toMatchObject({ type: 'error', code: 'not_found' });
    // Even listening by mistake, the stranger is filtered out when the push is sent.
    const gateway = gatewayOf(t.ctx);
    const strangerConnection = gateway?.registry.ofPerson(stranger.person.id)[0];
    if (!gateway || !strangerConnection) throw new Error('no connection');
    gateway.registry.listen(strangerConnection, channel);

    const presenceOf = (socket: (typeof watchers)['colleague']) =>
      socket
        .events()
        .filter((e) => e.name === 'presence.changed')
        .map((e) => e.data.presence);
    const expectStates = async (states: string[]) => {
      await expect.poll(() => presenceOf(watchers.colleague)).toEqual(states);
      await expect.poll(() => presenceOf(watchers.partner)).toEqual(states);
    };

    const socket = await connect(url, browserHeaders(subject));
    await expectStates(['online']);
    socket.send({ type: 'activity', state: 'idle' });
    await expectStates(['online', 'away']);
    socket.send({ type: 'activity', state: 'active' });
    await expectStates(['online', 'away', 'online']);
    await socket.close();
    await expectStates(['online', 'away', 'online', 'offline']);
    await settle(t, watchers.stranger);
    expect(presenceOf(watchers.stranger)).toEqual([]);
    const event = watchers.colleague.events().find((e) => e.name === 'presence.changed');
    expect(event).toMatchObject({ channel, data: { personId: subject.person.id, presence: 'online' } });
    for (const watcher of Object.values(watchers)) await watcher.close();
  });
});
