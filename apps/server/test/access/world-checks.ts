import type { TestApp } from '../support/test-app.ts';
import { LIVE_DELIVERIES } from './live-deliveries.ts';
import { type Answer, call, callPublic, hasRoute, type RouteRef, type Tally } from './probe.ts';
import { checkDeactivated, type ReadContext, type ReadPath, show } from './read-support.ts';
import { emailInvitationUsable } from './reference-invitations.ts';
import { canSeePerson, isActive, type Person, roleIn, type World } from './reference-model.ts';
import type { BuiltWorld } from './world-db.ts';
import { NAME_FRAGMENTS, SEARCH_WORDS } from './worlds.ts';

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
  LIVE_DELIVERIES,
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
