import { LIMITS } from '@atrium/contracts';
import { Type } from 'typebox';
import {
  canSeePerson,
  mayFindByEmail,
  visibleFieldVisibilities,
  visiblePeopleFilter,
} from '../../platform/access/people.ts';
import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { forbidden } from '../../platform/http/errors.ts';
import { page } from '../../platform/http/pagination.ts';
import { liveFieldsOf } from '../presence/person-live.ts';
import { registerAvatarRoutes } from './avatar.routes.ts';
import { updateProfile } from './commands/update-profile.ts';
import { registerFollowRoutes } from './follows.routes.ts';
import { searchTextOf } from './handles.ts';
import { findVisiblePerson, loadProfile } from './load-profile.ts';
import { canEditProfile } from './people.policy.ts';
import { presentCustomField, presentLiveSummary, presentSummary } from './people.presenter.ts';
import {
  columnFacet,
  directReports,
  listCustomFields,
  listDirectory,
  managerChain,
  type PersonRow,
  skillFacet,
} from './people.repository.ts';
import {
  CustomFieldSchema,
  DirectoryQuery,
  FacetsSchema,
  HandleParams,
  OrgSchema,
  PersonPageSchema,
  ProfilePatchBody,
  ProfileSchema,
} from './people.schema.ts';
import { skillKeyOf } from './profile-fields.ts';
import { actorOf, afterOf, keyOf } from './route-helpers.ts';

/** The org chart shows at most this many managers above a person. */
const ORG_CHAIN_DEPTH = 50;
/** More words than this add nothing to a people search but cost a LIKE each. */
const MAX_SEARCH_WORDS = 8;

const blankToUndefined = (value: string | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

export function registerPeopleRoutes(app: App, ctx: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/people',
    auth: 'user',
    schema: {
      tags: ['people'],
      summary: 'The people directory: active people visible to me, by name',
      querystring: DirectoryQuery,
      response: { 200: PersonPageSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const { q, department, location, skill, cursor, limit = LIMITS.pageSize.default } = request.query;
      const words = q ? searchTextOf([q]).split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS) : [];
      const skillName = blankToUndefined(skill);
      const rows = await listDirectory(ctx.db, visiblePeopleFilter(actor), {
        words,
        matchEmails: mayFindByEmail(actor),
        department: blankToUndefined(department),
        location: blankToUndefined(location),
        skillKey: skillName === undefined ? undefined : skillKeyOf(skillName),
        after: afterOf(cursor),
        limit,
      });
      const result = page(rows, limit, keyOf);
      const live = await liveFieldsOf(
        ctx,
        actor,
        result.items.map((row) => row.id),
      );
      return {
        items: result.items.map((row) => presentLiveSummary(row, live)),
        nextCursor: result.nextCursor,
      };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/people/facets',
    auth: 'user',
    schema: {
      tags: ['people'],
      summary: 'Departments, locations and skills of the directory, with counts',
      response: { 200: FacetsSchema },
    },
    handler: async (request) => {
      const visible = visiblePeopleFilter(actorOf(request));
      const [departments, locations, skills] = await Promise.all([
        columnFacet(ctx.db, visible, 'department'),
        columnFacet(ctx.db, visible, 'location'),
        skillFacet(ctx.db, visible),
      ]);
      return { departments, locations, skills };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/people/:handle',
    auth: 'user',
    schema: {
      tags: ['people'],
      summary: 'A profile',
      params: HandleParams,
      response: { 200: ProfileSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const person = await findVisiblePerson(ctx.db, actor, request.params.handle);
      return loadProfile(ctx, actor, person);
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/people/:handle',
    auth: 'user',
    rateLimit: { name: 'profile-edit', max: 60, windowMs: 60_000, key: (r) => r.actor?.id ?? r.ip },
    schema: {
      tags: ['people'],
      summary: 'Edit a profile (the person themselves, or an administrator)',
      params: HandleParams,
      body: ProfilePatchBody,
      response: { 200: ProfileSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const person = await findVisiblePerson(ctx.db, actor, request.params.handle);
      if (!canEditProfile(actor, person))
        throw forbidden('Only this person or an administrator can edit it.');
      const updated = await updateProfile(ctx, {
        actor,
        personId: person.id,
        patch: request.body,
        ip: request.ip ?? null,
      });
      return loadProfile(ctx, actor, updated);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/people/:handle/org',
    auth: 'user',
    schema: {
      tags: ['people'],
      summary: 'Org chart around a person: managers up to the top, and direct reports',
      params: HandleParams,
      response: { 200: OrgSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const person = await findVisiblePerson(ctx.db, actor, request.params.handle);
      const chain: PersonRow[] = [];
      const seen = new Set([person.id]);
      for (const manager of await managerChain(ctx.db, person.id, ORG_CHAIN_DEPTH)) {
        // Stop at a repeat (a cycle) or at someone the viewer may not see: nothing above is revealed.
        if (seen.has(manager.id) || !(await canSeePerson(ctx.db, actor, manager))) break;
        seen.add(manager.id);
        chain.push(manager);
      }
      const reports = await directReports(ctx.db, visiblePeopleFilter(actor), person.id);
      return { chain: chain.map(presentSummary), reports: reports.map(presentSummary) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/custom-fields',
    auth: 'user',
    schema: {
      tags: ['people'],
      summary: 'Profile fields defined by the administrators (those I may see)',
      response: { 200: Type.Object({ items: Type.Array(CustomFieldSchema) }) },
    },
    handler: async (request) => {
      const rows = await listCustomFields(ctx.db, visibleFieldVisibilities(actorOf(request)));
      return { items: rows.map(presentCustomField) };
    },
  });

  registerAvatarRoutes(app, ctx);
  registerFollowRoutes(app, ctx);
}
