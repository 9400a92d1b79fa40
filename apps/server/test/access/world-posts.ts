import type { TestApp } from '../support/test-app.ts';
import { call, hasRoute } from './probe.ts';
import { spaceByHandle, type World } from './reference-model.ts';
import { canReadPost, commentMarker, mentionResolves, type Post, postMarker } from './reference-posts.ts';
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
  if (!hasRoute(app, { method: 'POST', url: '/api/v1/posts' })) return problems;
  for (const post of world.posts) {
    const id = await writePost(app, world, built, post, problems);
    if (id === undefined) continue;
    post.created = true;
    built.postIds.set(post.key, id);
    await converse(app, built, post, id, problems);
  }
  if (hasRoute(app, { method: 'PUT', url: '/api/v1/posts/:id/bookmark' }))
    await bookmarkAll(app, world, built, problems);
  return problems;
}

function targetOf(built: BuiltWorld, post: Post): Record<string, unknown> {
  if (post.target.type === 'company') return { type: 'company' };
  if (post.target.type === 'space') return { type: 'space', id: built.spaceIds.get(post.target.space) };
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
  const a = await call(app, session, 'POST', '/api/v1/posts', { target: targetOf(built, post), body });
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
