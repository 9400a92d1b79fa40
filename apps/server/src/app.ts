import './platform/http/fastify-types.ts';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { registerModules } from './modules/index.ts';
import type { AppContext } from './platform/context.ts';
import { type Database, openDatabase } from './platform/db/connect.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { Dispatcher, type DispatcherOptions } from './platform/events/dispatcher.ts';
import { Outbox } from './platform/events/outbox.ts';
import type { App } from './platform/http/define-route.ts';
import { installErrorHandler } from './platform/http/error-handler.ts';
import { installJsonParser } from './platform/http/json-parser.ts';
import { registerDocs } from './platform/http/openapi.ts';
import { memoryRateLimitStore, redisRateLimitStore } from './platform/http/rate-limit.ts';
import { enforceRouteAuth, type RouteRecord } from './platform/http/route-auth.ts';
import { installSecurityHeaders } from './platform/http/security-headers.ts';
import { schemaController } from './platform/http/validators.ts';
import { registerWebClient } from './platform/http/web-client.ts';
import { JobRunner, type JobRunnerOptions } from './platform/jobs/job-runner.ts';
import { createLogger } from './platform/logging/logger.ts';
import { RequestLog } from './platform/logging/request-log.ts';
import { createMailer } from './platform/mail/mailer.ts';
import { createLocalBus, createRedisBus } from './platform/realtime/bus.ts';
import { createLocalPresenceStore } from './platform/realtime/local-presence.ts';
import { createRedisPresenceStore } from './platform/realtime/redis-presence.ts';
import { registerWebSocket } from './platform/realtime/websocket.ts';
import { createStorage } from './platform/storage/index.ts';

export interface BuildOptions {
  /** Run migrations before serving (default true). */
  migrate?: boolean;
  /** Start the in-process event dispatcher (default true). */
  dispatch?: boolean;
  dispatcherOptions?: DispatcherOptions;
  jobRunnerOptions?: JobRunnerOptions;
  /** Serve the built web client from apps/web/dist (default true). */
  web?: boolean;
  logger?: Logger;
}

export interface Atrium {
  app: App;
  ctx: AppContext;
  dispatcher: Dispatcher;
  /** Runs scheduled jobs; started together with the dispatcher. */
  jobs: JobRunner;
  /** Every route as registered, with its declared auth (walked by a test). */
  routeTable: RouteRecord[];
  close(): Promise<void>;
}

/** Composition root: config -> platform adapters -> modules. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<Atrium> {
  const log = options.logger ?? createLogger(config.logLevel);
  const database: Database = openDatabase(config.databaseUrl);
  if (options.migrate !== false) await migrateToLatest(database.db);
  const outbox = new Outbox();
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    dataDir: config.dataDir,
    log,
  });
  const bus = config.redisUrl
    ? createRedisBus(config.redisUrl, config.redisPrefix, log)
    : createLocalBus(log);
  const onPresenceChange = (personId: string) =>
    bus.publish({ kind: 'control', control: { type: 'presence', personId } });
  const presence = config.redisUrl
    ? createRedisPresenceStore({
        url: config.redisUrl,
        prefix: config.redisPrefix,
        nodeId: bus.nodeId,
        log,
        onChange: onPresenceChange,
      })
    : createLocalPresenceStore(onPresenceChange);
  const ctx: AppContext = {
    config,
    db: database.db,
    dialect: database.dialect,
    outbox,
    mailer,
    storage: createStorage(config),
    bus,
    presence,
    jobs: new JobRunner(database.db, database.dialect, log, options.jobRunnerOptions),
    log,
  };

  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    logController: new RequestLog(),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Slow clients: headers must arrive within 10 s, a whole request within 30 s; idle sockets close.
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    keepAliveTimeout: 5_000,
    http: { headersTimeout: 10_000 },
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    schemaController,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.decorate('ctx', ctx);
  app.decorateRequest('actor', undefined);

  installErrorHandler(app);
  installJsonParser(app);
  const routeTable = enforceRouteAuth(app);
  await app.register(cookie);
  installSecurityHeaders(app, config.secureCookies);
  const redis = config.redisUrl
    ? // While Redis is down, commands fail at once (no queueing): the limits below fall back, requests go on.
      new Redis(config.redisUrl, { maxRetriesPerRequest: 1, lazyConnect: false, enableOfflineQueue: false })
    : undefined;
  redis?.on('error', (error) => log.warn({ err: error.message }, 'redis error'));
  // A generous per-IP ceiling on every request; awaited before any route, or it silently does nothing.
  await app.register(rateLimit, {
    global: true,
    max: 1200,
    timeWindow: '1 minute',
    ...(redis ? { redis, nameSpace: `${config.redisPrefix}rl-global:`, skipOnError: true } : {}),
  });
  app.decorate(
    'rateLimitStore',
    redis ? redisRateLimitStore(redis, config.redisPrefix) : memoryRateLimitStore(),
  );
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 10, parts: 12 } });
  await registerWebSocket(app, log);
  await registerDocs(app);

  registerModules(app, ctx);
  if (options.web !== false) await registerWebClient(app);

  const dispatcher = new Dispatcher(ctx.db, ctx.dialect, outbox, log, options.dispatcherOptions);
  if (options.dispatch !== false) {
    dispatcher.start();
    ctx.jobs.start();
  }

  await app.ready();
  return {
    app,
    ctx,
    dispatcher,
    jobs: ctx.jobs,
    routeTable,
    async close() {
      await dispatcher.stop();
      await ctx.jobs.stop();
      await app.close();
      mailer.close();
      redis?.disconnect();
      await presence.close();
      await bus.close();
      await database.close();
      await ctx.storage.close?.();
    },
  };
}
