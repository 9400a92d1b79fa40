import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { presentCustomField } from './admin.presenter.ts';
import { listCustomFields } from './admin.repository.ts';
import { actorOf } from './admin.request.ts';
import { CustomFieldCreateBody, CustomFieldPatchBody, CustomFieldSchema, IdParams } from './admin.schema.ts';
import { createCustomField } from './commands/create-custom-field.ts';
import { deleteCustomField } from './commands/delete-custom-field.ts';
import { updateCustomField } from './commands/update-custom-field.ts';

export function registerCustomFieldRoutes(app: App, ctx: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/admin/custom-fields',
    auth: 'admin',
    schema: {
      tags: ['admin'],
      summary: 'Every custom profile field definition',
      response: { 200: Type.Object({ items: Type.Array(CustomFieldSchema) }) },
    },
    handler: async () => ({ items: (await listCustomFields(ctx.db)).map(presentCustomField) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/admin/custom-fields',
    auth: 'admin',
    schema: {
      tags: ['admin'],
      summary: 'Define a custom profile field',
      body: CustomFieldCreateBody,
      response: { 201: CustomFieldSchema },
    },
    handler: async (request, reply) => {
      const row = await createCustomField(ctx, { ...actorOf(request), ...request.body });
      return reply.status(201).send(presentCustomField(row));
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/admin/custom-fields/:id',
    auth: 'admin',
    schema: {
      tags: ['admin'],
      summary: "Change a custom field's label, options, visibility or position",
      params: IdParams,
      body: CustomFieldPatchBody,
      response: { 200: CustomFieldSchema },
    },
    handler: async (request) =>
      presentCustomField(
        await updateCustomField(ctx, { ...actorOf(request), id: request.params.id, ...request.body }),
      ),
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/admin/custom-fields/:id',
    auth: 'admin',
    schema: {
      tags: ['admin'],
      summary: "Delete a custom field and everyone's value of it",
      params: IdParams,
      response: { 204: Type.Null() },
    },
    handler: async (request, reply) => {
      await deleteCustomField(ctx, { ...actorOf(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  });
}
