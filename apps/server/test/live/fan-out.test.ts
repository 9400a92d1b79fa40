import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { LiveConnection } from '../../src/modules/live/connection.ts';
import { deliver } from '../../src/modules/live/delivery.ts';
import { LiveRegistry } from '../../src/modules/live/registry.ts';
import type { PersonRow } from '../../src/modules/people/people.repository.ts';
import type { Actor } from '../../src/platform/auth/actor.ts';
import { newId } from '../../src/platform/db/time.ts';
import { insertPost } from '../support/conversation-factories.ts';
import { buildPerson } from '../support/factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** A socket that only records what it is sent (the gateway's view of a client). */
class RecordingSocket {
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 1;
  bufferedAmount = 0;
  readonly sent: Array<{ text: string; turn: number }> = [];
  turn = () => 0;
  send(text: string) {
    this.sent.push({ text, turn: this.turn() });
  }
  close() {
    this.readyState = 3;
  }
  terminate() {
    this.readyState = 3;
  }
}

let t: TestApp;
let people: PersonRow[];

beforeAll(async () => {
  t = await createTestApp();
  people = [];
  for (let i = 0; i < 30; i++)
    people.push(await buildPerson(t, { kind: i % 3 === 0 ? 'external' : 'member' }));
});
afterAll(async () => {
  await t.close();
});

const actorOf = (person: PersonRow): Actor => ({
  id: person.id,
  kind: person.kind,
  role: person.role,
  name: person.name,
  handle: person.handle,
  email: person.email,
  via: 'session',
  sessionId: newId(),
  scopes: ['read', 'write'],
});

describe('fan-out of one message to many sockets', () => {
  it('asks one access query for the whole audience, sends each socket one frame, in chunks across turns', async () => {
    const registry = new LiveRegistry();
    // Turns of the event loop, counted by a setImmediate chain running alongside the delivery.
    let turn = 0;
    let counting = true;
    const tick = () => {
      turn += 1;
      if (counting) setImmediate(tick);
    };
    const sockets: RecordingSocket[] = [];
    for (let i = 0; i < 1_200; i++) {
      const socket = new RecordingSocket();
      socket.turn = () => turn;
      sockets.push(socket);
      const person = people[i % people.length];
      if (!person) throw new Error('no person');
      const connection = new LiveConnection(socket as unknown as WebSocket, actorOf(person));
      registry.add(connection);
      registry.listen(connection, 'company');
      // Listening on both channels of the message: still one frame.
      if (i % 2 === 0) registry.listen(connection, 'post:x');
    }
    const author = people[1];
    if (!author) throw new Error('no author');
    const post = await insertPost(t, author);
    let queries = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    setImmediate(tick);
    const sent = await deliver(
      t.ctx.db.withPlugin(counter),
      registry,
      {
        id: newId(),
        name: 'post.created',
        channels: ['company', `post:${post.id}`, 'post:x'],
        access: { kind: 'post', postId: post.id },
        data: { postId: post.id },
      },
      500,
    );
    counting = false;
    expect(queries).toBe(1);
    // Company posts go to employees only: 20 of the 30 people, 40 sockets each.
    expect(sent).toBe(800);
    const received = sockets.filter((s) => s.sent.length > 0);
    expect(received).toHaveLength(800);
    expect(received.every((s) => s.sent.length === 1)).toBe(true);
    const turns = new Set(received.flatMap((s) => s.sent.map((m) => m.turn)));
    expect(turns.size).toBeGreaterThanOrEqual(2);
  });
});
