import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { actorOf } from '../people/route-helpers.ts';
import { setRecordTypeArchived } from './commands/archive-record-type.ts';
import { createRecordType } from './commands/create-record-type.ts';
import { recordTypeNotFound, updateRecordType } from './commands/update-record-type.ts';
import { readableRecordTypesFilter } from './record-access.ts';
import { presentRecordType } from './records.presenter.ts';
import { findRecordTypeByKey, listRecordTypes } from './records.repository.ts';
import {
  CreateRecordTypeBody,
  RecordTypeListSchema,
  RecordTypeParams,
  RecordTypeSchema,
  RecordTypesQuery,
  UpdateRecordTypeBody,
} from './records.schema.ts';

/** Record types: read by everyone signed in (externals: only types of records they may open), set by admins. */
export function registerRecordTypeRoutes(app: App, ctx: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/record-types',
    auth: 'user',
    schema: {
      tags: ['records'],
      summary:
        'Record types by name (archived=true for archived ones); external people see only the types of records shared into spaces they read',
      querystring: RecordTypesQuery,
      response: { 200: RecordTypeListSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const rows = await listRecordTypes(
        ctx.db,
        readableRecordTypesFilter(ctx.db, actor),
        request.query.archived ?? false,
      );
      return { items: rows.map(presentRecordType) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/record-types/:key',
    auth: 'user',
    schema: {
      tags: ['records'],
      summary: 'A record type with its fields (404 when missing or not readable)',
      params: RecordTypeParams,
      response: { 200: RecordTypeSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const row = await findRecordTypeByKey(
        ctx.db,
        request.params.key,
        readableRecordTypesFilter(ctx.db, actor),
      );
      if (!row) throw recordTypeNotFound();
      return presentRecordType(row);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/admin/record-types',
    auth: 'admin',
    schema: {
      tags: ['admin', 'records'],
      summary: 'Define a record type (Campaign, Account…) and its fields; audited',
      body: CreateRecordTypeBody,
      response: { 201: RecordTypeSchema },
    },
    handler: async (request, reply) => {
      const row = await createRecordType(ctx, {
        actorId: actorOf(request).id,
        ip: request.ip ?? null,
        ...request.body,
      });
      return reply.status(201).send(presentRecordType(row));
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/admin/record-types/:key',
    auth: 'admin',
    schema: {
      tags: ['admin', 'records'],
      summary:
        'Rename a record type or replace its field list (add, remove, relabel, reorder; a kept field keeps its type); audited',
      params: RecordTypeParams,
      body: UpdateRecordTypeBody,
      response: { 200: RecordTypeSchema },
    },
    handler: async (request) =>
      presentRecordType(
        await updateRecordType(ctx, {
          actorId: actorOf(request).id,
          ip: request.ip ?? null,
          key: request.params.key,
          ...request.body,
        }),
      ),
  });

  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    defineRoute(app, {
      method: 'POST',
      url: `/api/v1/admin/record-types/:key/${action}`,
      auth: 'admin',
      schema: {
        tags: ['admin', 'records'],
        summary: archived
          ? 'Archive a record type: no new records, existing ones read-only; audited'
          : 'Restore an archived record type; audited',
        params: RecordTypeParams,
        response: { 200: RecordTypeSchema },
      },
      handler: async (request) =>
        presentRecordType(
          await setRecordTypeArchived(ctx, {
            actorId: actorOf(request).id,
            ip: request.ip ?? null,
            key: request.params.key,
            archived,
          }),
        ),
    });
  }
}
