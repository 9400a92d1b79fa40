import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { StoredEvent } from '../../src/platform/events/outbox.ts';
import { inTransaction } from '../../src/platform/http/transaction.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { createTestDatabase } from '../support/test-db.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({}, { dispatcherOptions: { backoffMs: 1, maxAttempts: 3 } });
});
afterAll(async () => {
  await app.close();
});

const deliveries = (handler: string) =>
  app.ctx.db.selectFrom('event_deliveries').selectAll().where('handler', '=', handler).execute();

describe('outbox', () => {
  it('records nothing when the writing transaction rolls back', async () => {
    const before = await app.ctx.db.selectFrom('events').select('id').execute();
    await expect(
      inTransaction(app.ctx, async (trx) => {
        await app.ctx.outbox.record(trx, { name: 'person.updated', actorId: null });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const after = await app.ctx.db.selectFrom('events').select('id').execute();
    expect(after.length).toBe(before.length);
  });

  it('retries a failing handler with backoff until it succeeds', async () => {
    let calls = 0;
    const seen: StoredEvent[] = [];
    app.ctx.outbox.register({
      name: 'test.flaky',
      events: ['admin.internal_domain_added'],
      async handle(event) {
        calls += 1;
        if (calls < 2) throw new Error('temporary failure');
        seen.push(event);
      },
    });
    await inTransaction(app.ctx, (trx) =>
      app.ctx.outbox.record(trx, {
        name: 'admin.internal_domain_added',
        actorId: null,
        payload: { domain: 'a.test' },
      }),
    );
    await app.dispatcher.runOnce();
    expect((await deliveries('test.flaky'))[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'temporary failure',
    });
    await new Promise((r) => setTimeout(r, 5));
    await app.dispatcher.runOnce();
    expect((await deliveries('test.flaky'))[0]).toMatchObject({ status: 'done', attempts: 2 });
    expect(seen[0]?.payload).toEqual({ domain: 'a.test' });
  });

  it('dead-letters a delivery after the maximum attempts', async () => {
    app.ctx.outbox.register({
      name: 'test.broken',
      events: ['admin.internal_domain_removed'],
      async handle() {
        throw new Error('always fails');
      },
    });
    await inTransaction(app.ctx, (trx) =>
      app.ctx.outbox.record(trx, { name: 'admin.internal_domain_removed', actorId: null }),
    );
    for (let i = 0; i < 3; i++) {
      await app.dispatcher.runOnce();
      await new Promise((r) => setTimeout(r, 10));
    }
    expect((await deliveries('test.broken'))[0]).toMatchObject({ status: 'dead', attempts: 3 });
  });
});

describe('outbox after a crash', () => {
  it('delivers an event whose handler was running when the process was killed with SIGKILL', async () => {
    const database = await createTestDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), 'atrium-crash-'));
    const env = { ...process.env, DATABASE_URL: database.url, ATRIUM_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    const child = spawn(
      process.execPath,
      [resolve(import.meta.dirname, '../fixtures/outbox-crash-child.ts')],
      {
        env,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((done, fail) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('HANDLING')) done();
      });
      child.on('exit', (code) => fail(new Error(`child exited early with ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('close', r));

    const config = loadConfig({ ...env, SESSION_SECRET: 'x'.repeat(32) });
    const restarted = await buildApp(config, { dispatch: false, web: false });
    const delivered: string[] = [];
    restarted.ctx.outbox.register({
      name: 'test.crashy',
      events: ['person.updated'],
      async handle(event) {
        delivered.push(String(event.payload.marker));
      },
    });
    const pending = await restarted.ctx.db
      .selectFrom('event_deliveries')
      .selectAll()
      .where('handler', '=', 'test.crashy')
      .execute();
    expect(pending).toHaveLength(1);
    expect(pending[0]?.status).toBe('pending');
    // The dead worker's lease (300 ms in the child) must run out before anyone else may claim it.
    await new Promise((r) => setTimeout(r, 400));
    await restarted.dispatcher.runOnce();
    expect(delivered).toEqual(['after-crash']);
    const after = await restarted.ctx.db
      .selectFrom('event_deliveries')
      .selectAll()
      .where('handler', '=', 'test.crashy')
      .execute();
    expect(after[0]?.status).toBe('done');
    await restarted.close();
    await database.drop();
  });
});
