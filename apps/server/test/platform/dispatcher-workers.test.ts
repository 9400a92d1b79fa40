import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/platform/events/dispatcher.ts';
import { inTransaction } from '../../src/platform/http/transaction.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('several dispatchers on one database', () => {
  it('deliver every event to each handler exactly once', async () => {
    const handled = new Map<string, number>();
    app.ctx.outbox.register({
      name: 'test.count',
      events: ['person.updated'],
      async handle(event) {
        handled.set(event.id, (handled.get(event.id) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 1));
      },
    });
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      const event = await inTransaction(app.ctx, (trx) =>
        app.ctx.outbox.record(trx, { name: 'person.updated', actorId: null, payload: { i } }),
      );
      ids.push(event.id);
    }
    const workers = [1, 2, 3].map(
      () => new Dispatcher(app.ctx.db, app.ctx.dialect, app.ctx.outbox, app.ctx.log, { batchSize: 7 }),
    );
    const drain = async (worker: Dispatcher) => {
      while ((await worker.runOnce()) > 0) {
        // keep claiming until nothing is left
      }
    };
    await Promise.all(workers.map(drain));
    expect(ids.every((id) => handled.get(id) === 1)).toBe(true);
    const pending = await app.ctx.db
      .selectFrom('event_deliveries')
      .select('status')
      .where('handler', '=', 'test.count')
      .where('status', '!=', 'done')
      .execute();
    expect(pending).toEqual([]);
  });
});
