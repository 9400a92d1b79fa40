import type { LiveServerFrame } from '@atrium/contracts';
import {
  connect,
  type LiveSocket,
  refusedUpgrade,
  SITE_ORIGIN,
  settle,
  subscribe,
} from '../live/live-support.ts';
import type { CapturedMail, SmtpSink } from '../support/smtp-sink.ts';
import type { TestApp } from '../support/test-app.ts';
import { call, nextAddress, type Tally } from './probe.ts';
import { leaksIn } from './read-support.ts';
import { possibleInvitations } from './reference-invitations.ts';
import {
  canReadSpace,
  canSeePerson,
  canSeeSpace,
  isActive,
  type Person,
  type World,
} from './reference-model.ts';
import { canReadPost, canReadRecord, type Post } from './reference-posts.ts';
import type { BuiltWorld } from './world-db.ts';

/**
 * The live read paths of a world (ACCESS-MODEL.md invariants 1 and 3): every person's socket subscribes
 * to every channel the world has, and each answer is compared with the model; every frame that arrives
 * is then checked against the model as it stands when it is sent, and scanned like any API answer.
 * Emails are scanned the same way, against the model as it stood when they were sent.
 */

type EventFrame = Extract<LiveServerFrame, { type: 'event' }>;

export interface LiveWorld {
  sockets: Map<string, LiveSocket>;
  /** Person handle → channel → post key (for post channels) of the channels the socket was granted. */
  granted: Map<string, Set<string>>;
  /** How many frames of each socket were already checked. */
  checked: Map<string, number>;
  /** How many emails of the sink were already checked. */
  mailsChecked: number;
}

type Verdict = 'ok' | 'not_found' | 'forbidden';

/** What the model says a subscription to each channel of the world answers, for one viewer. */
function channelsOf(world: World, built: BuiltWorld, viewer: Person): Array<[string, Verdict]> {
  const out: Array<[string, Verdict]> = [['company', viewer.kind === 'member' ? 'ok' : 'forbidden']];
  for (const space of world.spaces) {
    const id = built.spaceIds.get(space.handle);
    if (!id) continue;
    const verdict = !canSeeSpace(world, viewer, space)
      ? 'not_found'
      : canReadSpace(world, viewer, space)
        ? 'ok'
        : 'forbidden';
    out.push([`space:${id}`, verdict]);
  }
  for (const post of world.posts) {
    const id = built.postIds.get(post.key);
    if (id) out.push([`post:${id}`, canReadPost(world, viewer, post) ? 'ok' : 'not_found']);
  }
  if (built.recordId)
    out.push([`record:${built.recordId}`, canReadRecord(world, viewer) ? 'ok' : 'not_found']);
  for (const person of world.people) {
    const id = built.people.get(person.handle)?.id;
    if (id) out.push([`person:${id}`, canSeePerson(world, viewer, person) ? 'ok' : 'not_found']);
  }
  return out;
}

/** Opens a socket per active person (a deactivated one is refused with 401) and subscribes to everything. */
export async function openWorldSockets(
  world: World,
  built: BuiltWorld,
  url: string,
  tally: Tally,
  sink: SmtpSink,
): Promise<{ live: LiveWorld; mismatches: string[] }> {
  // Emails of earlier worlds went to people of the same addresses: only this world's are checked.
  const live: LiveWorld = {
    sockets: new Map(),
    granted: new Map(),
    checked: new Map(),
    mailsChecked: sink.messages.length,
  };
  const mismatches: string[] = [];
  // Viewers side by side; each one's subscriptions too (answers are matched by ref).
  await Promise.all(
    world.people.map(async (viewer) => {
      const session = built.sessions.get(viewer.handle);
      if (!session) return;
      // A fresh client address now and then, as `call` does: the per-address ceiling is not under test.
      const headers = {
        cookie: session.headers.cookie,
        origin: SITE_ORIGIN,
        'x-forwarded-for': nextAddress(),
      };
      if (!isActive(viewer)) {
        const refused = await refusedUpgrade(url, headers).catch(() => ({ status: 101 }));
        if (refused.status !== 401)
          mismatches.push(
            `${viewer.handle}: stream upgrade as a deactivated person: ${refused.status}, model 401`,
          );
        tally.add('live: upgrade', 1);
        return;
      }
      const socket = await connect(url, headers);
      live.sockets.set(viewer.handle, socket);
      const granted = new Set<string>();
      const expected = channelsOf(world, built, viewer);
      const answers = await Promise.all(expected.map(([channel]) => subscribe(socket, channel)));
      expected.forEach(([channel, verdict], i) => {
        const answer = answers[i];
        const got =
          answer?.type === 'subscribed' ? 'ok' : answer?.type === 'error' ? answer.code : answer?.type;
        if (got === 'ok') granted.add(channel);
        if (got !== verdict)
          mismatches.push(`${viewer.handle}: subscribe ${channel}: ${got}, model ${verdict}`);
      });
      tally.add('live: subscribe', expected.length);
      live.granted.set(viewer.handle, granted);
    }),
  );
  return { live, mismatches };
}

const postOf = (world: World, built: BuiltWorld, id: unknown): Post | undefined => {
  for (const post of world.posts) if (built.postIds.get(post.key) === id) return post;
  return undefined;
};

/**
 * Checks every frame that arrived since the last check against the model as it stands now (deliveries
 * are filtered when they are sent, and the caller settles the gateway right after each phase): an event
 * about a post only for someone who may read it, presence only of someone they may see, nothing at all
 * leaked; `expectComments` lists posts that just got a comment, which every socket still granted the
 * post's channel must have received.
 */
export async function checkDeliveries(
  app: TestApp,
  world: World,
  built: BuiltWorld,
  live: LiveWorld,
  tally: Tally,
  expectComments: readonly Post[],
): Promise<string[]> {
  await settle(app, ...[...live.sockets.values()]);
  const out: string[] = [];
  for (const viewer of world.people) {
    const socket = live.sockets.get(viewer.handle);
    if (!socket) continue;
    const from = live.checked.get(viewer.handle) ?? 0;
    const frames = socket.frames.slice(from);
    live.checked.set(viewer.handle, socket.frames.length);
    const granted = live.granted.get(viewer.handle) ?? new Set<string>();
    for (const frame of frames) {
      if (frame.type === 'unsubscribed') granted.delete(frame.channel);
      if (frame.type !== 'event') continue;
      tally.add('live: delivery', 1);
      out.push(...checkEvent(world, built, viewer, frame));
    }
    if (!isActive(viewer)) {
      // Deactivated since the sockets opened: the socket must be closed, and nothing was sent after.
      if (socket.ws.readyState !== socket.ws.CLOSED)
        out.push(`${viewer.handle}: socket still open after deactivation`);
      continue;
    }
    const events = frames.filter((f): f is EventFrame => f.type === 'event');
    for (const post of expectComments) {
      const id = built.postIds.get(post.key);
      if (!id || !granted.has(`post:${id}`) || !canReadPost(world, viewer, post)) continue;
      tally.add('live: expected delivery', 1);
      if (!events.some((e) => e.name === 'comment.created' && e.data.postId === id))
        out.push(`${viewer.handle}: no comment.created for readable ${post.key} on post:${id}`);
    }
  }
  return out;
}

function checkEvent(world: World, built: BuiltWorld, viewer: Person, frame: EventFrame): string[] {
  const out: string[] = [];
  const where = `${viewer.handle}: live ${frame.name} on ${frame.channel}`;
  if (!isActive(viewer)) out.push(`${where}: delivered to a deactivated person`);
  const postId = frame.data.postId;
  if (postId !== undefined) {
    const post = postOf(world, built, postId);
    if (!post) out.push(`${where}: about an unknown post ${String(postId)}`);
    else if (!canReadPost(world, viewer, post)) out.push(`${where}: about unreadable ${post.key}`);
  }
  for (const leak of leaksIn(world, built, viewer, JSON.stringify(frame), possibleInvitations(world, viewer)))
    out.push(`${where}: leaks ${leak}`);
  return out;
}

/** Every email a world person received since the last check, scanned against the model as it is now. */
export function checkEmails(world: World, built: BuiltWorld, live: LiveWorld, sink: SmtpSink, tally: Tally) {
  const out: string[] = [];
  const fresh: CapturedMail[] = sink.messages.slice(live.mailsChecked);
  live.mailsChecked = sink.messages.length;
  for (const mail of fresh) {
    const viewer = world.people.find((p) => mail.to.includes(p.email.toLowerCase()));
    if (!viewer) continue;
    tally.add('email', 1);
    if (!isActive(viewer)) out.push(`${viewer.handle}: email "${mail.subject}" sent while deactivated`);
    const text = `${mail.subject}\n${mail.text}\n${mail.html}`;
    // An invitation names its space when it is sent, even if it is voided later.
    const invited = [
      ...possibleInvitations(world, viewer),
      ...world.invitations.filter((i) => i.person === viewer.handle).map((i) => i.space),
    ];
    for (const leak of leaksIn(world, built, viewer, text, invited))
      out.push(`${viewer.handle}: email "${mail.subject}" leaks ${leak}`);
  }
  return out;
}

/** After the changes: each post's author (still active, still a reader) comments on it once more. */
export async function commentAgain(app: TestApp, world: World, built: BuiltWorld): Promise<Post[]> {
  const commented: Post[] = [];
  for (const post of world.posts) {
    const id = built.postIds.get(post.key);
    const author = world.people.find((p) => p.handle === post.author);
    const session = built.sessions.get(post.author);
    if (!id || !author || !session || !canReadPost(world, author, post)) continue;
    const a = await call(app, session, 'POST', `/api/v1/posts/${id}/comments`, { body: `again ${post.key}` });
    if (a.status === 201) commented.push(post);
  }
  return commented;
}

export async function closeWorldSockets(live: LiveWorld): Promise<void> {
  await Promise.all([...live.sockets.values()].map((s) => s.close()));
}
