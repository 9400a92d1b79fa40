import type { Session } from '../support/factories.ts';
import type { TestApp } from '../support/test-app.ts';
import { type Answer, call, callPublic, hasRoute, problemShape, type RouteRef, type Tally } from './probe.ts';
import {
  activeMembers,
  canSeePerson,
  canSeeSpace,
  categoryCounts,
  emailInvitationUsable,
  findableByEmail,
  invitationUsable,
  isActive,
  joinRequestsList,
  type MembersView,
  managesSpace,
  memberCount,
  membersList,
  type PeopleListView,
  type Person,
  pendingInvitations,
  personByHandle as personOf,
  possibleInvitations,
  profile,
  roleIn,
  type Space,
  visibleFields,
  visiblePeople,
  visibleSpaces,
  type World,
} from './reference-model.ts';
import type { BuiltWorld } from './world-db.ts';
import { emailFragment, NAME_FRAGMENTS, SEARCH_WORDS } from './worlds.ts';

/**
 * Every read path under test: what the real API answers to one viewer, compared with the reference
 * model. Each comparison is one scenario (one viewer × one read path × one world). A mismatch is a
 * sentence naming the viewer, the request, what the model expected and what came back.
 */

export interface ReadContext {
  app: TestApp;
  world: World;
  built: BuiltWorld;
  viewer: Person;
  session: Session;
  /** 404 bodies of missing things, by URL (cached per viewer), to compare hidden ones with. */
  missing: Map<string, string>;
  /** Leaks found by the scan of every successful answer (see `get`). */
  leaks: string[];
  /** A whole search word, and a fragment of one (what the name searches look for). */
  word: string;
  fragment: string;
}

export interface ReadPath {
  name: string;
  route: RouteRef;
  /** Returns mismatches (empty when the API agrees with the model) and how many scenarios it checked. */
  check(ctx: ReadContext): Promise<{ mismatches: string[]; scenarios: number }>;
}

const sorted = (xs: string[]) => [...xs].sort();

/**
 * GET as the viewer, and scan every successful answer for what the viewer must never receive, whatever
 * the path: the id, handle, name or email of a person they may not see; the id, handle or name of a
 * space they may not see (except, in their own invitations, the space they are invited to); and, for
 * an external viewer, anyone else's email and any internal-only profile field.
 */
async function get(
  ctx: ReadContext,
  url: string,
  scope: 'mine' | 'invitations' | 'site-admin' = 'mine',
): Promise<Answer> {
  const a = await call(ctx.app, ctx.session, 'GET', url);
  // A site admin's overview of every space is the one audited exception (ACCESS-MODEL.md, site roles).
  if (a.status < 200 || a.status >= 300 || (scope === 'site-admin' && ctx.viewer.role === 'admin')) return a;
  const text = JSON.stringify(a.body);
  const { world, viewer, built } = ctx;
  const found = (what: string, needle: string | undefined) => {
    if (needle && text.includes(needle)) ctx.leaks.push(`GET ${url}: leaks ${what} (${needle})`);
  };
  for (const person of world.people) {
    if (person.handle === viewer.handle) continue;
    if (!canSeePerson(world, viewer, person)) {
      found(`hidden person ${person.handle}`, built.people.get(person.handle)?.id);
      found(`hidden person ${person.handle}`, `"${person.handle}"`);
      found(`hidden person ${person.handle}`, person.name);
    }
    if (viewer.kind === 'external') found(`the email of ${person.handle}`, person.email);
  }
  if (viewer.kind === 'external') {
    found('an internal-only profile field', '"clearance"');
    found('an internal-only profile field value', 'clearance-');
  }
  const invited = scope === 'invitations' ? possibleInvitations(world, viewer) : [];
  for (const space of world.spaces) {
    if (canSeeSpace(world, viewer, space) || invited.includes(space.handle)) continue;
    found(`hidden space ${space.handle}`, built.spaceIds.get(space.handle));
    found(`hidden space ${space.handle}`, `"${space.handle}"`);
    found(`hidden space ${space.handle}`, space.name);
  }
  return a;
}
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const show = (a: Answer) => `${a.status} ${JSON.stringify(a.body).slice(0, 400)}`;

interface SpaceItem {
  handle: string;
  memberCount: number | null;
  membership: { role: string } | null;
}

/** Compares one listed or detailed space with the model: count and own role. */
function spaceFacts(ctx: ReadContext, item: SpaceItem, where: string): string[] {
  const space = ctx.world.spaces.find((s) => s.handle === item.handle);
  if (!space) return [`${where}: unknown space ${item.handle}`];
  const out: string[] = [];
  const count = memberCount(ctx.world, ctx.viewer, space);
  if (item.memberCount !== count)
    out.push(`${where} ${space.handle}: memberCount ${item.memberCount}, model ${count}`);
  const role = roleIn(ctx.world, ctx.viewer, space) ?? null;
  if ((item.membership?.role ?? null) !== role)
    out.push(`${where} ${space.handle}: membership ${JSON.stringify(item.membership)}, model ${role}`);
  return out;
}

function directoryPath(
  name: string,
  query: (ctx: ReadContext) => { qs: string; q?: string; archived?: boolean },
): ReadPath {
  return {
    name,
    route: { method: 'GET', url: '/api/v1/spaces' },
    async check(ctx) {
      const { qs, ...modelQuery } = query(ctx);
      const url = `/api/v1/spaces?limit=100${qs}`;
      const expected = visibleSpaces(ctx.world, ctx.viewer, modelQuery);
      const a = await get(ctx, url);
      if (a.status !== 200) return { mismatches: [`GET ${url}: ${show(a)}`], scenarios: 1 };
      const items = a.body.items as SpaceItem[];
      const got = sorted(items.map((i) => i.handle));
      const out: string[] = [];
      if (!same(got, expected))
        out.push(`GET ${url}: spaces ${JSON.stringify(got)}, model ${JSON.stringify(expected)}`);
      else for (const item of items) out.push(...spaceFacts(ctx, item, `GET ${url}`));
      if (a.body.nextCursor !== null) out.push(`GET ${url}: unexpected nextCursor`);
      return { mismatches: out, scenarios: 1 };
    },
  };
}

export const READ_PATHS: ReadPath[] = [
  directoryPath('space directory', () => ({ qs: '' })),
  directoryPath('space directory (archived)', () => ({ qs: '&archived=true', archived: true })),
  directoryPath('space search by name', (ctx) => ({ qs: `&q=${ctx.word}`, q: ctx.word })),
  directoryPath('my spaces', () => ({ qs: '&membership=mine', mine: true })),
  {
    name: 'space categories',
    route: { method: 'GET', url: '/api/v1/spaces/categories' },
    async check(ctx) {
      const a = await get(ctx, '/api/v1/spaces/categories');
      const expected = categoryCounts(ctx.world, ctx.viewer);
      if (a.status !== 200) return { mismatches: [`GET categories: ${show(a)}`], scenarios: 1 };
      const got: Record<string, number> = {};
      for (const item of a.body.items as Array<{ value: string; count: number }>)
        got[item.value] = item.count;
      const key = (r: Record<string, number>) => JSON.stringify(Object.entries(r).sort());
      return {
        mismatches: key(got) === key(expected) ? [] : [`GET categories: ${key(got)}, model ${key(expected)}`],
        scenarios: 1,
      };
    },
  },
  {
    name: 'space detail',
    route: { method: 'GET', url: '/api/v1/spaces/:handle' },
    async check(ctx) {
      const out: string[] = [];
      for (const space of ctx.world.spaces) {
        const url = `/api/v1/spaces/${space.handle}`;
        const a = await get(ctx, url);
        if (canSeeSpace(ctx.world, ctx.viewer, space)) {
          if (a.status !== 200) out.push(`GET ${url}: ${show(a)}, model 200`);
          else out.push(...spaceFacts(ctx, a.body as SpaceItem, `GET ${url}`));
        } else
          out.push(...(await hiddenLikeMissing(ctx, a, `/api/v1/spaces/${MISSING_SPACE}`, `GET ${url}`)));
      }
      return { mismatches: out, scenarios: ctx.world.spaces.length };
    },
  },
  {
    name: 'space members',
    route: { method: 'GET', url: '/api/v1/spaces/:handle/members' },
    async check(ctx) {
      const out: string[] = [];
      for (const space of ctx.world.spaces) out.push(...(await checkMembers(ctx, space)));
      return { mismatches: out, scenarios: ctx.world.spaces.length };
    },
  },
  {
    name: 'space members search',
    route: { method: 'GET', url: '/api/v1/spaces/:handle/members' },
    async check(ctx) {
      const out: string[] = [];
      for (const [s, space] of ctx.world.spaces.entries()) {
        const base = `/api/v1/spaces/${space.handle}/members?limit=100`;
        const missingBase = `/api/v1/spaces/${MISSING_SPACE}/members?limit=100`;
        // By part of a name: exactly the model's members whose name holds it.
        const byName = membersList(ctx.world, ctx.viewer, space);
        const q = ctx.fragment;
        out.push(
          ...(await checkPersonList(
            ctx,
            `${base}&q=${q}`,
            `${missingBase}&q=${q}`,
            byName.status === 'ok'
              ? {
                  status: 'ok',
                  people: byName.people.filter((h) => personOf(ctx.world, h).name.toLowerCase().includes(q)),
                }
              : byName,
            (m) => m.person.handle,
          )),
        );
        // By a fragment of the email of another member (one per space, in turn): at most those whose
        // email the viewer may see.
        const others = activeMembers(ctx.world, space).filter((p) => p.handle !== ctx.viewer.handle);
        const target = others[(s + ctx.world.people.indexOf(ctx.viewer)) % Math.max(others.length, 1)];
        if (!target) continue;
        const fragment = emailFragment(target);
        const url = `${base}&q=${encodeURIComponent(fragment)}`;
        out.push(
          ...(await checkPersonList(
            ctx,
            url,
            `${missingBase}&q=${encodeURIComponent(fragment)}`,
            byName.status === 'ok'
              ? {
                  status: 'ok',
                  required: [],
                  allowed: findableByEmail(ctx.world, ctx.viewer, fragment, activeMembers(ctx.world, space)),
                }
              : byName,
            (m) => m.person.handle,
          )),
        );
      }
      return { mismatches: out, scenarios: ctx.world.spaces.length };
    },
  },
  {
    name: 'space join requests',
    route: { method: 'GET', url: '/api/v1/spaces/:handle/join-requests' },
    async check(ctx) {
      const out: string[] = [];
      for (const space of ctx.world.spaces) {
        const url = `/api/v1/spaces/${space.handle}/join-requests?status=pending&limit=100`;
        const expected = joinRequestsList(ctx.world, ctx.viewer, space);
        const missingUrl = `/api/v1/spaces/${MISSING_SPACE}/join-requests?status=pending&limit=100`;
        out.push(...(await checkPersonList(ctx, url, missingUrl, expected, (item) => item.person.handle)));
      }
      return { mismatches: out, scenarios: ctx.world.spaces.length };
    },
  },
  {
    name: 'space invitations (managers)',
    route: { method: 'GET', url: '/api/v1/spaces/:handle/invitations' },
    async check(ctx) {
      const out: string[] = [];
      for (const space of ctx.world.spaces) {
        const url = `/api/v1/spaces/${space.handle}/invitations?status=pending&limit=100`;
        const missingUrl = `/api/v1/spaces/${MISSING_SPACE}/invitations?status=pending&limit=100`;
        const a = await get(ctx, url, 'mine');
        if (!canSeeSpace(ctx.world, ctx.viewer, space))
          out.push(...(await hiddenLikeMissing(ctx, a, missingUrl, `GET ${url}`)));
        else if (!managesSpace(ctx.world, ctx.viewer, space)) {
          if (a.status !== 403 && a.status !== 404) out.push(`GET ${url}: ${show(a)}, model 403/404`);
        } else if (a.status !== 200) out.push(`GET ${url}: ${show(a)}, model 200`);
        else {
          // Invited people (and addresses) are listed: the invitations that can still be used must be; the
          // ones a change made unusable, or of someone already in the space, may be.
          const got = sorted(
            (a.body.items as Array<{ person: { handle: string } | null; email: string | null }>).map(
              (i) => i.person?.handle ?? i.email ?? '?',
            ),
          );
          // An external manager sees the invitations they sent; employees who manage see them all.
          const mine = (by: string) => ctx.viewer.kind === 'member' || by === ctx.viewer.handle;
          const inApp = ctx.world.invitations.filter((i) => i.space === space.handle && mine(i.by));
          const emailed = ctx.world.emailInvitations.filter((e) => e.space === space.handle && mine(e.by));
          const allowed = [...inApp.map((i) => i.person), ...emailed.map((e) => e.email)];
          const required = [
            ...inApp.filter((i) => invitationUsable(ctx.world, i)).map((i) => i.person),
            ...emailed.filter((e) => emailInvitationUsable(ctx.world, e)).map((e) => e.email),
          ];
          if (!required.every((h) => got.includes(h)) || !got.every((h) => allowed.includes(h)))
            out.push(
              `GET ${url}: invited ${JSON.stringify(got)}, model ${JSON.stringify(sorted(required))} (at most ${JSON.stringify(sorted(allowed))})`,
            );
        }
      }
      return { mismatches: out, scenarios: ctx.world.spaces.length };
    },
  },
  {
    name: 'people directory',
    route: { method: 'GET', url: '/api/v1/people' },
    check: (ctx) => checkPeople(ctx, undefined),
  },
  {
    name: 'people search',
    route: { method: 'GET', url: '/api/v1/people' },
    check: (ctx) => checkPeople(ctx, ctx.word),
  },
  {
    name: 'people search by part of a name',
    route: { method: 'GET', url: '/api/v1/people' },
    check: (ctx) => checkPeople(ctx, ctx.fragment),
  },
  {
    name: 'people search by email',
    route: { method: 'GET', url: '/api/v1/people' },
    async check(ctx) {
      // For every other person: searching a fragment of their email finds at most the people whose email
      // the viewer may see; an external person never finds anyone else by an email.
      const out: string[] = [];
      const others = ctx.world.people.filter((p) => p.handle !== ctx.viewer.handle);
      for (const person of others) {
        const q = emailFragment(person);
        const url = `/api/v1/people?limit=100&q=${encodeURIComponent(q)}`;
        const a = await get(ctx, url);
        const allowed = findableByEmail(ctx.world, ctx.viewer, q, ctx.world.people);
        if (a.status !== 200) {
          out.push(`GET ${url}: ${show(a)}, model 200`);
          continue;
        }
        const got = sorted((a.body.items as Array<{ handle: string }>).map((p) => p.handle));
        if (!got.every((h) => allowed.includes(h)))
          out.push(
            `GET ${url}: found ${JSON.stringify(got)} by email, model at most ${JSON.stringify(allowed)}`,
          );
      }
      return { mismatches: out, scenarios: others.length };
    },
  },
  {
    name: 'person profile',
    route: { method: 'GET', url: '/api/v1/people/:handle' },
    async check(ctx) {
      const out: string[] = [];
      for (const person of ctx.world.people) {
        const url = `/api/v1/people/${person.handle}`;
        const a = await get(ctx, url);
        const expected = profile(ctx.world, ctx.viewer, person);
        if (expected === null) {
          out.push(...(await hiddenLikeMissing(ctx, a, `/api/v1/people/${MISSING_PERSON}`, `GET ${url}`)));
          continue;
        }
        if (a.status !== 200) {
          out.push(`GET ${url}: ${show(a)}, model 200`);
          continue;
        }
        if (a.body.email !== expected.email)
          out.push(`GET ${url}: email ${a.body.email}, model ${expected.email}`);
        const fields = sorted(
          (a.body.customFields as Array<{ key: string; value: string }>).map((f) => `${f.key}=${f.value}`),
        );
        if (!same(fields, expected.customFields))
          out.push(
            `GET ${url}: customFields ${JSON.stringify(fields)}, model ${JSON.stringify(expected.customFields)}`,
          );
      }
      return { mismatches: out, scenarios: ctx.world.people.length };
    },
  },
  {
    name: 'custom field definitions',
    route: { method: 'GET', url: '/api/v1/custom-fields' },
    async check(ctx) {
      const a = await get(ctx, '/api/v1/custom-fields');
      const expected = visibleFields(ctx.world, ctx.viewer);
      const got =
        a.status === 200 ? sorted((a.body.items as Array<{ key: string }>).map((f) => f.key)) : null;
      return {
        mismatches: same(got, expected) ? [] : [`GET /api/v1/custom-fields: ${show(a)}, model ${expected}`],
        scenarios: 1,
      };
    },
  },
  {
    name: 'my space invitations',
    route: { method: 'GET', url: '/api/v1/me/space-invitations' },
    async check(ctx) {
      const url = '/api/v1/me/space-invitations';
      const a = await get(ctx, url, 'invitations');
      // Only invitations the viewer could still accept: never one into a space that does not admit them
      // (an external person invited while a space was external, once it is internal), nor an archived one.
      const required = pendingInvitations(ctx.world, ctx.viewer);
      const allowed = possibleInvitations(ctx.world, ctx.viewer);
      if (a.status !== 200) return { mismatches: [`GET ${url}: ${show(a)}, model 200`], scenarios: 1 };
      const got = sorted((a.body.items as Array<{ space: { handle: string } }>).map((i) => i.space.handle));
      const fine = required.every((h) => got.includes(h)) && got.every((h) => allowed.includes(h));
      return {
        mismatches: fine
          ? []
          : [
              `GET ${url}: ${JSON.stringify(got)}, model ${JSON.stringify(required)} (at most ${JSON.stringify(allowed)})`,
            ],
        scenarios: 1,
      };
    },
  },
  {
    name: 'admin spaces overview',
    route: { method: 'GET', url: '/api/v1/admin/spaces' },
    async check(ctx) {
      const url = '/api/v1/admin/spaces?limit=100';
      const a = await get(ctx, url, 'site-admin');
      if (ctx.viewer.role !== 'admin') {
        return {
          mismatches: a.status === 403 || a.status === 404 ? [] : [`GET ${url}: ${show(a)}, model 403/404`],
          scenarios: 1,
        };
      }
      if (a.status !== 200) return { mismatches: [`GET ${url}: ${show(a)}, model 200`], scenarios: 1 };
      // Every space, secret ones included; whether archived ones are listed by default is left open.
      const got = sorted((a.body.items as SpaceItem[]).map((i) => i.handle));
      const live = ctx.world.spaces.filter((s) => !s.archived).map((s) => s.handle);
      const all = ctx.world.spaces.map((s) => s.handle);
      const fine = live.every((h) => got.includes(h)) && got.every((h) => all.includes(h));
      return {
        mismatches: fine
          ? []
          : [`GET ${url}: spaces ${JSON.stringify(got)}, model ⊇ ${JSON.stringify(live)}`],
        scenarios: 1,
      };
    },
  },
];

export const MISSING_SPACE = 'no-such-space-here';
export const MISSING_PERSON = 'no.such.person';

/**
 * A hidden thing answers exactly like a missing one: 404 and the same problem body (without requestId
 * and instance) as the same request for a handle that does not exist.
 */
async function hiddenLikeMissing(
  ctx: ReadContext,
  a: Answer,
  missingUrl: string,
  where: string,
): Promise<string[]> {
  if (a.status !== 404) return [`${where}: ${show(a)}, model 404`];
  let missing = ctx.missing.get(missingUrl);
  if (missing === undefined) {
    missing = problemShape((await call(ctx.app, ctx.session, 'GET', missingUrl)).body);
    ctx.missing.set(missingUrl, missing);
  }
  const shape = problemShape(a.body);
  return shape === missing ? [] : [`${where}: 404 body ${shape} differs from a missing one's ${missing}`];
}

function checkMembers(ctx: ReadContext, space: Space): Promise<string[]> {
  const url = `/api/v1/spaces/${space.handle}/members?limit=100`;
  const missingUrl = `/api/v1/spaces/${MISSING_SPACE}/members?limit=100`;
  return checkPersonList(
    ctx,
    url,
    missingUrl,
    membersList(ctx.world, ctx.viewer, space),
    (m) => m.person.handle,
  );
}

/** A list of people inside a space: 404 like a missing space, refused, or exactly the model's people. */
async function checkPersonList(
  ctx: ReadContext,
  url: string,
  missingUrl: string,
  expected: MembersView | PeopleListView,
  // biome-ignore lint/suspicious/noExplicitAny: list items are read for one field
  handleOf: (item: any) => string,
): Promise<string[]> {
  const a = await get(ctx, url);
  if (expected.status === 'not-found') return hiddenLikeMissing(ctx, a, missingUrl, `GET ${url}`);
  if (expected.status === 'forbidden')
    return a.status === 403 || a.status === 404 ? [] : [`GET ${url}: ${show(a)}, model 403/404`];
  if (a.status !== 200) return [`GET ${url}: ${show(a)}, model 200`];
  const got = sorted((a.body.items as unknown[]).map(handleOf));
  if ('people' in expected)
    return same(got, expected.people)
      ? []
      : [`GET ${url}: ${JSON.stringify(got)}, model ${JSON.stringify(expected.people)}`];
  const fine =
    expected.required.every((h) => got.includes(h)) && got.every((h) => expected.allowed.includes(h));
  return fine
    ? []
    : [
        `GET ${url}: ${JSON.stringify(got)}, model ${JSON.stringify(expected.required)} (at most ${JSON.stringify(expected.allowed)})`,
      ];
}

async function checkPeople(ctx: ReadContext, q: string | undefined) {
  const url = `/api/v1/people?limit=100${q ? `&q=${q}` : ''}`;
  const a = await get(ctx, url);
  const expected = visiblePeople(ctx.world, ctx.viewer, q);
  const got =
    a.status === 200 ? sorted((a.body.items as Array<{ handle: string }>).map((p) => p.handle)) : null;
  return {
    mismatches: same(got, expected) ? [] : [`GET ${url}: ${show(a)}, model ${JSON.stringify(expected)}`],
    scenarios: 1,
  };
}

/** What a deactivated person gets on every path: 401, nothing else. */
export async function checkDeactivated(ctx: ReadContext, paths: ReadPath[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    const url = path.route.url
      .replace(
        ':handle',
        path.name.startsWith('person') ? ctx.viewer.handle : (ctx.world.spaces[0]?.handle ?? 'x'),
      )
      .replace(/\?.*$/, '');
    const a = await get(ctx, url);
    if (a.status !== 401) out.push(`GET ${url} as deactivated ${ctx.viewer.handle}: ${show(a)}, model 401`);
  }
  return out;
}

export interface WorldCheck {
  app: TestApp;
  world: World;
  built: BuiltWorld;
  paths: ReadPath[];
  tally: Tally;
  /** Varies the search word per world. */
  seed: number;
}

export interface WorldCheckPath {
  name: string;
  route: RouteRef;
  check(app: TestApp, world: World, built: BuiltWorld): Promise<{ mismatches: string[]; scenarios: number }>;
}

/** Problem bodies and invitations without what differs on every call, and with the typed address masked. */
function answerShape(a: Answer, typed: string): string {
  const norm = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v)) return '<id>';
      if (/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(v)) return '<time>';
      return v.split(typed).join('<typed address>');
    }
    if (Array.isArray(v)) return v.map(norm);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v)
          .filter(([k]) => k !== 'requestId' && k !== 'instance')
          .sort(([x], [y]) => x.localeCompare(y))
          .map(([k, x]) => [k, norm(x)]),
      );
    return v;
  };
  return `${a.status} ${JSON.stringify(norm(a.body))}`;
}

/** Checks made once per world, after every viewer's reads: the public preview, then a probe that writes. */
export const WORLD_CHECKS: WorldCheckPath[] = [
  {
    name: 'space invitation preview (emailed links)',
    route: { method: 'POST', url: '/api/v1/space-invitations/preview' },
    async check(app, world) {
      // Every emailed invitation of the world, with the token its email carried. A link that can no longer
      // be used answers 400 token_invalid; above all, an internal space is never named to an address
      // outside the internal domains (the space became internal after the invitation was sent).
      const out: string[] = [];
      let scenarios = 0;
      for (const invitation of world.emailInvitations) {
        if (!invitation.token) continue;
        scenarios += 1;
        const a = await callPublic(app, 'POST', '/api/v1/space-invitations/preview', {
          token: invitation.token,
        });
        const where = `POST /api/v1/space-invitations/preview (invitation of ${invitation.email} to ${invitation.space})`;
        if (emailInvitationUsable(world, invitation)) {
          if (
            a.status !== 200 ||
            a.body?.space?.handle !== invitation.space ||
            a.body?.email !== invitation.email
          )
            out.push(`${where}: ${show(a)}, model 200 naming ${invitation.space}`);
        } else if (a.status !== 400 || a.body?.code !== 'token_invalid') {
          const space = world.spaces.find((x) => x.handle === invitation.space);
          const why =
            space?.audience === 'internal' && !invitation.internalDomain
              ? ' (names an internal space to an address outside the internal domains)'
              : '';
          out.push(`${where}: ${show(a)}, model 400 token_invalid${why}`);
        }
      }
      return { mismatches: out, scenarios };
    },
  },
  {
    name: 'invite by email, as an external manager',
    route: { method: 'POST', url: '/api/v1/spaces/:handle/invitations' },
    async check(app, world, built) {
      // An external admin of a community types an address: an employee they may not see, an address
      // nobody has, a deactivated employee. The three answers are the same (status and body, the typed
      // address aside): otherwise the form tells a customer who works at the company.
      const out: string[] = [];
      let scenarios = 0;
      for (const [s, space] of world.spaces.entries()) {
        if (space.audience !== 'external' || space.archived) continue;
        const manager = world.people.find(
          (p) => p.kind === 'external' && isActive(p) && roleIn(world, p, space) === 'admin',
        );
        const session = manager && built.sessions.get(manager.handle);
        if (!manager || !session) continue;
        const notIn = (p: Person) => !roleIn(world, p, space);
        const hidden = world.people.find(
          (p) => p.kind === 'member' && isActive(p) && !canSeePerson(world, manager, p),
        );
        const deactivated = [...world.people]
          .filter((p) => p.kind === 'member' && !isActive(p) && notIn(p))
          .sort(
            (a, b) => Number(canSeePerson(world, manager, a)) - Number(canSeePerson(world, manager, b)),
          )[0];
        const typed: Array<[string, string]> = [
          [`nobody.s${s}@example.test`, 'an unknown address'],
          ...(hidden ? [[hidden.email, `the hidden employee ${hidden.handle}`] as [string, string]] : []),
          ...(deactivated
            ? [[deactivated.email, `the deactivated employee ${deactivated.handle}`] as [string, string]]
            : []),
        ];
        if (typed.length < 2) continue;
        scenarios += 1;
        const url = `/api/v1/spaces/${space.handle}/invitations`;
        const answers: Array<{ who: string; shape: string; raw: Answer }> = [];
        for (const [email, who] of typed) {
          const raw = await call(app, session, 'POST', url, { email });
          answers.push({ who, shape: answerShape(raw, email), raw });
        }
        const [first, ...others] = answers;
        for (const other of others)
          if (first && other.shape !== first.shape)
            out.push(
              `${manager.handle}: POST ${url} {email}: ${other.who} answers ${show(other.raw)}, ${first.who} ${show(first.raw)}`,
            );
      }
      return { mismatches: out, scenarios };
    },
  },
];

/** Runs every read path for every person of the world; throws one error listing all mismatches. */
export async function checkWorld({ app, world, built, paths, tally, seed }: WorldCheck): Promise<void> {
  // Viewers are independent: their requests run side by side (it matters on PostgreSQL).
  const perViewer = await Promise.all(
    world.people.map(async (viewer, i) => {
      const session = built.sessions.get(viewer.handle);
      if (!session) throw new Error(`no session for ${viewer.handle}`);
      const ctx: ReadContext = {
        app,
        world,
        built,
        viewer,
        session,
        missing: new Map(),
        leaks: [],
        word: SEARCH_WORDS[(seed + i) % SEARCH_WORDS.length] ?? 'alpha',
        fragment: NAME_FRAGMENTS[(seed + i + 1) % NAME_FRAGMENTS.length] ?? 'lph',
      };
      if (!isActive(viewer)) {
        tally.add('deactivated viewer', paths.length);
        return checkDeactivated(ctx, paths);
      }
      const found: string[] = [];
      for (const path of paths) {
        const result = await path.check(ctx);
        tally.add(path.name, result.scenarios);
        found.push(...result.mismatches.map((m) => `${viewer.handle}: ${m}`));
      }
      return [...found, ...ctx.leaks.map((m) => `${viewer.handle}: ${m}`)];
    }),
  );
  const mismatches = perViewer.flat();
  // Then what is checked once per world, in order (the last one writes).
  for (const check of WORLD_CHECKS) {
    if (!hasRoute(app, check.route)) continue;
    const result = await check.check(app, world, built);
    tally.add(check.name, result.scenarios);
    mismatches.push(...result.mismatches);
  }
  if (mismatches.length > 0) {
    throw new Error(
      `${mismatches.length} access mismatch(es) with the reference model:\n${mismatches.join('\n')}`,
    );
  }
}
