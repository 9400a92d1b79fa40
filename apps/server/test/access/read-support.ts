import type { Session } from '../support/factories.ts';
import type { TestApp } from '../support/test-app.ts';
import { type Answer, call, problemShape, type RouteRef } from './probe.ts';
import { type PeopleListView, possibleInvitations } from './reference-invitations.ts';
import {
  canSeePerson,
  canSeeSpace,
  type MembersView,
  memberCount,
  membersList,
  type Person,
  roleIn,
  type Space,
  visiblePeople,
  visibleSpaces,
  type World,
} from './reference-model.ts';
import { canReadPost, canReadRecord, commentMarker, fileMarker, postMarker } from './reference-posts.ts';
import type { BuiltWorld } from './world-db.ts';

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

export const sorted = (xs: string[]) => [...xs].sort();

/**
 * GET as the viewer, and scan every successful answer for what the viewer must never receive, whatever
 * the path: the id, handle, name or email of a person they may not see; the id, handle or name of a
 * space they may not see (except, in their own invitations, the space they are invited to); and, for
 * an external viewer, anyone else's email and any internal-only profile field.
 */
export async function get(
  ctx: ReadContext,
  url: string,
  scope: 'mine' | 'invitations' | 'site-admin' = 'mine',
): Promise<Answer> {
  const a = await call(ctx.app, ctx.session, 'GET', url);
  // A site admin's overview of every space is the one audited exception (ACCESS-MODEL.md, site roles).
  if (a.status < 200 || a.status >= 300 || (scope === 'site-admin' && ctx.viewer.role === 'admin')) return a;
  const invited = scope === 'invitations' ? possibleInvitations(ctx.world, ctx.viewer) : [];
  const text = JSON.stringify(a.body);
  for (const leak of leaksIn(ctx.world, ctx.built, ctx.viewer, text, invited))
    ctx.leaks.push(`GET ${url}: leaks ${leak}`);
  return a;
}
/**
 * What a text shown to the viewer (an answer, an email, a live frame) must never contain: the id, handle,
 * name or email of a person they may not see; the id, handle or name of a space they may not see (except
 * spaces they are invited to); for an external viewer, anyone else's email and any internal-only profile
 * field; and the text, comment, attachment or id of a post they may not read, or the unreadable record.
 */
export function leaksIn(
  world: World,
  built: BuiltWorld,
  viewer: Person,
  text: string,
  invited: readonly string[] = [],
): string[] {
  const out: string[] = [];
  const found = (what: string, needle: string | undefined) => {
    if (needle && text.includes(needle)) out.push(`${what} (${needle})`);
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
  for (const post of world.posts) {
    if (!post.created || canReadPost(world, viewer, post)) continue;
    found(`unreadable ${post.key}`, postMarker(post));
    found(`the comment of unreadable ${post.key}`, commentMarker(post));
    found(`the attachment of unreadable ${post.key}`, fileMarker(post));
    found(`unreadable ${post.key}`, built.postIds.get(post.key));
  }
  if (built.recordId && !canReadRecord(world, viewer)) {
    found('the unreadable record', built.recordId);
    found('the unreadable record', 'rec0zq');
  }
  for (const space of world.spaces) {
    if (canSeeSpace(world, viewer, space) || invited.includes(space.handle)) continue;
    found(`hidden space ${space.handle}`, built.spaceIds.get(space.handle));
    found(`hidden space ${space.handle}`, `"${space.handle}"`);
    found(`hidden space ${space.handle}`, space.name);
  }
  return out;
}

export const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
export const show = (a: Answer) => `${a.status} ${JSON.stringify(a.body).slice(0, 400)}`;

export interface SpaceItem {
  handle: string;
  memberCount: number | null;
  membership: { role: string } | null;
}

/** Compares one listed or detailed space with the model: count and own role. */
export function spaceFacts(ctx: ReadContext, item: SpaceItem, where: string): string[] {
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

export function directoryPath(
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

export const MISSING_SPACE = 'no-such-space-here';
export const MISSING_PERSON = 'no.such.person';

/**
 * A hidden thing answers exactly like a missing one: 404 and the same problem body (without requestId
 * and instance) as the same request for a handle that does not exist.
 */
export async function hiddenLikeMissing(
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

export function checkMembers(ctx: ReadContext, space: Space): Promise<string[]> {
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
export async function checkPersonList(
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

export async function checkPeople(ctx: ReadContext, q: string | undefined) {
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
