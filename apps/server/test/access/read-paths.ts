import {
  checkMembers,
  checkPeople,
  checkPersonList,
  directoryPath,
  get,
  hiddenLikeMissing,
  MISSING_PERSON,
  MISSING_SPACE,
  type ReadPath,
  type SpaceItem,
  same,
  show,
  sorted,
  spaceFacts,
} from './read-support.ts';
import {
  emailInvitationUsable,
  findableByEmail,
  invitationUsable,
  joinRequestsList,
  managesSpace,
  pendingInvitations,
  possibleInvitations,
} from './reference-invitations.ts';
import {
  activeMembers,
  canSeeSpace,
  categoryCounts,
  membersList,
  personByHandle as personOf,
  profile,
  visibleFields,
} from './reference-model.ts';
import { emailFragment } from './worlds.ts';

/**
 * Every read path under test: what the real API answers to one viewer, compared with the reference
 * model. Each comparison is one scenario (one viewer × one read path × one world). A mismatch is a
 * sentence naming the viewer, the request, what the model expected and what came back.
 */

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
