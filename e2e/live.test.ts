import { type APIRequestContext, type Page, request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn } from './support/browser.ts';
import { journeyHarness } from './support/harness.ts';
import { DEMO_PASSWORD } from './support/server.ts';

const h = journeyHarness();

interface ApiSession {
  api: APIRequestContext;
  csrf: string;
  me: { person: { id: string; name: string; handle: string } };
}

/** A signed-in API client (cookies plus the CSRF header) for what the other person does. */
async function apiSignIn(email: string): Promise<ApiSession> {
  const api = await request.newContext({ baseURL: h.server.url });
  const res = await api.post('/api/v1/auth/sign-in', { data: { email, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  const me = await res.json();
  return { api, csrf: me.csrfToken, me };
}

async function call(session: ApiSession, method: string, path: string, data?: unknown) {
  const res = await session.api.fetch(path, {
    method,
    headers: { 'x-csrf-token': session.csrf },
    ...(data === undefined ? {} : { data }),
  });
  if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()} ${await res.text()}`);
  return res.status() === 204 ? undefined : res.json();
}

/**
 * Resolves once the page's live socket confirms a subscription to the channel: until then a post
 * would reach nobody. Attach before the page opens its socket (before signing in).
 */
function watchSubscriptions(page: Page): (channel: string) => Promise<void> {
  const confirmed = new Set<string>();
  const waiting = new Map<string, Array<() => void>>();
  page.on('websocket', (socket) => {
    socket.on('framereceived', ({ payload }) => {
      let frame: { type?: string; channel?: string };
      try {
        frame = JSON.parse(String(payload));
      } catch {
        return;
      }
      if (frame.type !== 'subscribed' || typeof frame.channel !== 'string') return;
      confirmed.add(frame.channel);
      for (const resolve of waiting.get(frame.channel) ?? []) resolve();
      waiting.delete(frame.channel);
    });
  });
  return (channel) =>
    confirmed.has(channel)
      ? Promise.resolve()
      : new Promise((resolve) => waiting.set(channel, [...(waiting.get(channel) ?? []), resolve]));
}

const bellLabel = (unread: number) => (unread > 0 ? `Notifications, ${unread} unread` : 'Notifications');

describe('live journey', () => {
  it('a space feed shows "1 new post" as it is written, a mention raises the badge, and the notification center marks it read', async () => {
    const stamp = Date.now().toString(36);
    // A creates an open space and B joins it: both read its feed.
    const author = await apiSignIn('admin@demo.atrium.test');
    const reader = await apiSignIn('member@demo.atrium.test');
    const name = `Live Room ${stamp}`;
    const space = (await call(author, 'POST', '/api/v1/spaces', {
      name,
      audience: 'internal',
      visibility: 'open',
    })) as { id: string; handle: string };
    await call(reader, 'POST', `/api/v1/spaces/${space.handle}/join`);

    // B opens the space feed in a browser and waits for the live subscription to it.
    const page = await h.newPage();
    const subscribed = watchSubscriptions(page);
    await signIn(page, h.server.url, 'member@demo.atrium.test', DEMO_PASSWORD);
    await page.goto(`${h.server.url}/spaces/${space.handle}/feed`);
    await page.locator(`section[aria-label="Posts in ${name}"][aria-busy="false"]`).waitFor();
    await subscribed(`space:${space.id}`);

    // A posts: B is told there is one new post, and sees it after asking for it.
    const first = `Standup moved to 10:30 ${stamp}`;
    await call(author, 'POST', '/api/v1/posts', { target: { type: 'space', id: space.id }, body: first });
    const newPosts = page.getByRole('button', { name: '1 new post' });
    await newPosts.waitFor();
    expect(await page.getByText(first).count()).toBe(0);
    await newPosts.click();
    await page.getByRole('article').filter({ hasText: first }).waitFor();
    await newPosts.waitFor({ state: 'detached' });

    // A mentions B: B's badge goes up by one without reloading.
    const before = ((await call(reader, 'GET', '/api/v1/notifications/unread-count')) as { unread: number })
      .unread;
    await page.getByRole('link', { name: bellLabel(before), exact: true }).waitFor();
    const mention = `@${reader.me.person.handle} can you take the notes? ${stamp}`;
    await call(author, 'POST', '/api/v1/posts', { target: { type: 'space', id: space.id }, body: mention });
    await page.getByRole('link', { name: bellLabel(before + 1), exact: true }).waitFor();

    // B opens the notification center, finds the mention and marks it read.
    await page.getByRole('link', { name: bellLabel(before + 1), exact: true }).click();
    await page.waitForURL('**/notifications');
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    const item = page
      .getByRole('main')
      .getByRole('listitem')
      .filter({ hasText: author.me.person.name })
      .filter({ hasText: /mentioned you/i })
      .first();
    await item.waitFor();
    await item.getByRole('button', { name: /^Mark read/ }).click();
    await item.getByRole('button', { name: /^Mark read/ }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: bellLabel(before), exact: true }).waitFor();
    const after = (await call(reader, 'GET', '/api/v1/notifications/unread-count')) as { unread: number };
    expect(after.unread).toBe(before);

    await Promise.all([page.context().close(), author.api.dispose(), reader.api.dispose()]);
  });
});
