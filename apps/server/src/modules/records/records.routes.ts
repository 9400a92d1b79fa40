import { LIMITS } from '@atrium/contracts';
import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { page } from '../../platform/http/pagination.ts';
import { actorOf, afterOf } from '../people/route-helpers.ts';
import { searchWords } from '../spaces/space-handles.ts';
import { createRecord } from './commands/create-record.ts';
import { recordNotFound } from './commands/record-input.ts';
import { updateRecord } from './commands/update-record.ts';
import { upsertRecord } from './commands/upsert-record.ts';
import { findReadableRecord, readableRecordsFilter } from './record-access.ts';
import { registerRecordShareRoutes } from './record-shares.routes.ts';
import { registerRecordTypeRoutes } from './record-types.routes.ts';
import { presentRecord, presentRecordSummaries } from './records.presenter.ts';
import { findRecordTypeByKey, listRecords } from './records.repository.ts';
import {
  CreateRecordBody,
  RecordPageSchema,
  RecordParams,
  RecordSchema,
  RecordsQuery,
  UpdateRecordBody,
  UpsertRecordBody,
} from './records.schema.ts';

/**
 * The records module: record types (site admins), records created in the UI or upserted by integrations
 * through API tokens (routes here allow tokens with the write scope), record pages, and shares into
 * external spaces. The record feed and record follows live in the feeds module.
 */
export function registerRecords(app: App, ctx: AppContext): void {
  registerRecordTypeRoutes(app, ctx);
  registerRecordShareRoutes(app, ctx);

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/records',
    auth: 'member',
    schema: {
      tags: ['records'],
      summary: 'Records by name (employees): filter by type key and search words',
      querystring: RecordsQuery,
      response: { 200: RecordPageSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const { type, q, cursor } = request.query;
      const limit = request.query.limit ?? LIMITS.pageSize.default;
      const after = afterOf(cursor);
      const typeRow = type === undefined ? undefined : await findRecordTypeByKey(ctx.db, type);
      if (type !== undefined && !typeRow) return { items: [], nextCursor: null };
      const rows = await listRecords(ctx.db, readableRecordsFilter(ctx.db, actor), {
        typeId: typeRow?.id,
        words: searchWords(q),
        after,
        limit,
      });
      const result = page(rows, limit, (row) => [row.name, row.id]);
      return {
        items: await presentRecordSummaries(ctx.db, actor, result.items),
        nextCursor: result.nextCursor,
      };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/records',
    auth: 'member',
    schema: {
      tags: ['records'],
      summary:
        'Create a record (employees, or an API token with the write scope); values checked against its type',
      body: CreateRecordBody,
      response: { 201: RecordSchema },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const row = await createRecord(ctx, { actor, ...request.body });
      return reply.status(201).send(await presentRecord(ctx.db, actor, row));
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/records/upsert',
    auth: 'member',
    schema: {
      tags: ['records'],
      summary:
        'Create or update the record an external system knows by (type, externalSystem, externalId): 201 created, 200 updated',
      body: UpsertRecordBody,
      response: { 200: RecordSchema, 201: RecordSchema },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const { row, created } = await upsertRecord(ctx, { actor, ...request.body });
      return reply.status(created ? 201 : 200).send(await presentRecord(ctx.db, actor, row));
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/records/:id',
    auth: 'user',
    schema: {
      tags: ['records'],
      summary:
        'A record page: type, fields, link back, followers, the spaces it is shared into (external people: only through a space they read)',
      params: RecordParams,
      response: { 200: RecordSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const row = await findReadableRecord(ctx.db, actor, request.params.id);
      if (!row) throw recordNotFound();
      return presentRecord(ctx.db, actor, row);
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/records/:id',
    auth: 'member',
    schema: {
      tags: ['records'],
      summary: "Change a record's name, field values (merged; null clears) or link back",
      params: RecordParams,
      body: UpdateRecordBody,
      response: { 200: RecordSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const row = await updateRecord(ctx, { actor, id: request.params.id, changes: request.body });
      return presentRecord(ctx.db, actor, row);
    },
  });
}
