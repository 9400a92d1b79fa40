import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Dialect } from './db/connect.ts';
import type { DB } from './db/schema.ts';
import type { Outbox } from './events/outbox.ts';
import type { JobRunner } from './jobs/job-runner.ts';
import type { Mailer } from './mail/mailer.ts';
import type { LiveBus } from './realtime/bus.ts';
import type { PresenceStore } from './realtime/presence.ts';
import type { Storage } from './storage/storage.ts';

/** The platform services every module receives; kept small on purpose. */
export interface AppContext {
  config: Config;
  db: Kysely<DB>;
  dialect: Dialect;
  outbox: Outbox;
  mailer: Mailer;
  storage: Storage;
  /** Live fan-out to WebSocket gateways on every node. */
  bus: LiveBus;
  presence: PresenceStore;
  /** Durable scheduled jobs: modules register the kinds they run. */
  jobs: JobRunner;
  log: Logger;
}
