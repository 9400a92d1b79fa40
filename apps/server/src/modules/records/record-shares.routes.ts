import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { actorOf } from '../people/route-helpers.ts';
import { shareRecord, unshareRecord } from './commands/share-record.ts';
import { presentRecord } from './records.presenter.ts';
import { RecordSchema, RecordShareParams } from './records.schema.ts';

/** Sharing a record into an external space, by the space's owners and admins. */
export function registerRecordShareRoutes(app: App, ctx: AppContext): void {
  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/records/:id/shares/:spaceId',
    auth: 'member',
    schema: {
      tags: ['records'],
      summary:
        'Share a record into an external space I own or administer: its members may open the record and read its posts made there',
      params: RecordShareParams,
      response: { 200: RecordSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const { id, spaceId } = request.params;
      const row = await shareRecord(ctx, { actor, recordId: id, spaceId, ip: request.ip ?? null });
      return presentRecord(ctx.db, actor, row);
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/records/:id/shares/:spaceId',
    auth: 'member',
    schema: {
      tags: ['records'],
      summary: 'Take a record out of a space (owners and admins of the space)',
      params: RecordShareParams,
      response: { 204: Type.Null() },
    },
    handler: async (request, reply) => {
      const { id, spaceId } = request.params;
      await unshareRecord(ctx, { actor: actorOf(request), recordId: id, spaceId, ip: request.ip ?? null });
      return reply.status(204).send(null);
    },
  });
}
