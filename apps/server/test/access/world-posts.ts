import type { Session } from '../support/factories.ts';
import { multipartBody } from '../support/files-factories.ts';
import { buildRecord as buildRecordRow } from '../support/record-factories.ts';
import type { TestApp } from '../support/test-app.ts';
import { call, hasRoute } from './probe.ts';
import { spaceByHandle, type World } from './reference-model.ts';
import {
  canReadPost,
  commentMarker,
  fileMarker,
  mentionResolves,
  type Post,
  postMarker,
} from './reference-posts.ts';
import type { BuiltWorld } from './world-db.ts';

/**
 * Writes a world's posts through the real API while everyone is still active: each post by its author,
 * with a comment and a reaction by the same author, then every person bookmarks every post the API lets
 * them bookmark. What the API accepts here is checked against the model on the spot (a post its author
 * may not write, a mention that links someone who could not read the post, a bookmark of an unreadable
 * post): the world cannot be built wrongly without failing.
 */
export async function buildPosts(app: TestApp, world: World, built: BuiltWorld): Promise<string[]> {
  const problems: string[] = [];
  await buildRecord(app, world, built, problems);
  if (!hasRoute(app, { method: 'POST', url: '/api/v1/posts' })) return problems;
  for (const post of world.posts) {
    const id = await writePost(app, world, built, post, problems);
    if (id === undefined) continue;
    post.created = true;
    built.postIds.set(post.key, id);
    await converse(app, built, post, id, problems);
  }
  await collectFileUrls(app, world, built);
  if (hasRoute(app, { method: 'PUT', url: '/api/v1/posts/:id/bookmark' }))
    await bookmarkAll(app, world, built, problems);
  return problems;
}

/**
 * The world's record, shared by each chosen space's owner through the API: external spaces take it,
 * internal ones are refused (400), archived ones too (409). Without the records routes, no record.
 */
async function buildRecord(app: TestApp, world: World, built: BuiltWorld, problems: string[]) {
  if (!hasRoute(app, { method: 'PUT', url: '/api/v1/records/:id/shares/:spaceId' })) {
    world.recordShares = [];
    return;
  }
  const record = await buildRecordRow(app, { name: 'Record rec0zq' });
  built.recordId = record.id;
  world.recordCreated = true;
  const shared: string[] = [];
  for (const handle of world.recordShares) {
    const space = spaceByHandle(world, handle);
    const owner = world.memberships.find((m) => m.space === handle && m.role === 'owner');
    const session = owner && built.sessions.get(owner.person);
    if (!session) continue;
    const a = await call(
      app,
      session,
      'PUT',
      `/api/v1/records/${record.id}/shares/${built.spaceIds.get(handle)}`,
    );
    const expected = space.audience !== 'external' ? 400 : space.archived ? 409 : 200;
    if (a.status !== expected)
      problems.push(`sharing the record into ${handle}: ${a.status}, model ${expected}`);
    if (a.status === 200) shared.push(handle);
  }
  world.recordShares = shared;
}

function targetOf(built: BuiltWorld, post: Post): Record<string, unknown> {
  if (post.target.type === 'company') return { type: 'company' };
  if (post.target.type === 'space') return { type: 'space', id: built.spaceIds.get(post.target.space) };
  if (post.target.type === 'record') return { type: 'record', id: built.recordId };
  return { type: 'person', id: built.people.get(post.target.person)?.id };
}

async function writePost(
  app: TestApp,
  world: World,
  built: BuiltWorld,
  post: Post,
  problems: string[],
): Promise<string | undefined> {
  const session = built.sessions.get(post.author);
  if (!session) throw new Error(`no session for ${post.author}`);
  const mention = post.mention ? ` cc @${post.mention}` : '';
  const body = `Post ${postMarker(post)} about #${post.topic}${mention}`;
  const payload: Record<string, unknown> = { target: targetOf(built, post), body };
  const attachment = await uploadAttachment(app, session, post);
  if (attachment) payload.attachmentIds = [attachment];
  if (post.aboutRecord) payload.recordId = built.recordId;
  const a = await call(app, session, 'POST', '/api/v1/posts', payload);
  // An archived space takes no new posts.
  const archived = post.target.type === 'space' && spaceByHandle(world, post.target.space).archived;
  if (archived) {
    if (a.status !== 403 && a.status !== 409)
      problems.push(
        `${post.author} writing ${post.key} to archived ${JSON.stringify(post.target)}: ${a.status}, model 403/409`,
      );
    return undefined;
  }
  if (a.status !== 201) {
    problems.push(
      `${post.author} could not write ${post.key} to ${JSON.stringify(post.target)}: ${a.status} ${JSON.stringify(a.body).slice(0, 300)}`,
    );
    return undefined;
  }
  const html = String(a.body.bodyHtml ?? '');
  if (post.mention) {
    const linked = html.includes(`class="mention">@${post.mention}<`);
    post.mentionLinked = linked;
    const expected = mentionResolves(world, post);
    if (linked !== expected)
      problems.push(
        `${post.key}: the mention of ${post.mention} ${linked ? 'links' : 'does not link'}, model ${expected ? 'links' : 'plain text'}`,
      );
  }
  return String(a.body.id);
}

async function converse(app: TestApp, built: BuiltWorld, post: Post, id: string, problems: string[]) {
  const session = built.sessions.get(post.author);
  if (!session) return;
  if (hasRoute(app, { method: 'POST', url: '/api/v1/posts/:id/comments' })) {
    const c = await call(app, session, 'POST', `/api/v1/posts/${id}/comments`, {
      body: `Comment ${commentMarker(post)}`,
    });
    if (c.status !== 201) problems.push(`${post.author} could not comment on ${post.key}: ${c.status}`);
  }
  if (hasRoute(app, { method: 'PUT', url: '/api/v1/posts/:id/reactions/:kind' })) {
    const r = await call(app, session, 'PUT', `/api/v1/posts/${id}/reactions/like`);
    if (r.status >= 300) problems.push(`${post.author} could not react to ${post.key}: ${r.status}`);
  }
}

async function bookmarkAll(app: TestApp, world: World, built: BuiltWorld, problems: string[]) {
  for (const person of world.people) {
    const session = built.sessions.get(person.handle);
    if (!session) continue;
    // Everyone is active while the world is built.
    const asActive = { ...person, status: 'active' as const };
    for (const post of world.posts) {
      const id = built.postIds.get(post.key);
      if (!id) continue;
      const a = await call(app, session, 'PUT', `/api/v1/posts/${id}/bookmark`);
      const ok = a.status >= 200 && a.status < 300;
      const expected = canReadPost(world, asActive, post);
      if (ok !== expected)
        problems.push(
          `${person.handle} bookmarking ${post.key}: ${a.status}, model ${expected ? '2xx' : '404'}`,
        );
      if (ok) post.bookmarkedBy = [...(post.bookmarkedBy ?? []), person.handle];
    }
  }
}

let uploads = 0;

/** A small text attachment holding the post's file marker (own client addresses: uploads are rate limited per IP). */
async function uploadAttachment(app: TestApp, session: Session, post: Post): Promise<string | undefined> {
  if (!hasRoute(app, { method: 'POST', url: '/api/v1/files' })) return undefined;
  const body = multipartBody([
    {
      field: 'file',
      filename: `notes-${post.key}.txt`,
      contentType: 'text/plain',
      data: `Attachment ${fileMarker(post)}`,
    },
  ]);
  const n = ++uploads;
  const res = await app.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    remoteAddress: `192.168.${(n >> 8) & 255}.${n & 255}`,
    headers: { ...session.headers, 'content-type': body.contentType },
    payload: body.payload,
  });
  if (res.statusCode !== 201)
    throw new Error(`uploading the attachment of ${post.key}: ${res.statusCode} ${res.body}`);
  return String(res.json().id);
}

/** Every person keeps the signed attachment URLs they are shown now, to try them after the changes. */
async function collectFileUrls(app: TestApp, world: World, built: BuiltWorld) {
  for (const person of world.people) {
    const session = built.sessions.get(person.handle);
    if (!session) continue;
    const urls = new Map<string, string>();
    for (const post of world.posts) {
      const id = built.postIds.get(post.key);
      if (!id) continue;
      const a = await call(app, session, 'GET', `/api/v1/posts/${id}`);
      const url = a.status === 200 ? a.body?.attachments?.[0]?.url : undefined;
      if (typeof url === 'string') urls.set(post.key, url);
    }
    built.fileUrls.set(person.handle, urls);
  }
}
