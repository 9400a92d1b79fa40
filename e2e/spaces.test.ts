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

/** A signed-in API client (cookies plus the CSRF header) for setting the scene. */
async function apiSignIn(email: string, password: string): Promise<ApiSession> {
  const api = await request.newContext({ baseURL: h.server.url });
  const res = await api.post('/api/v1/auth/sign-in', { data: { email, password } });
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

/** Every page of a list endpoint, read from the browser's own session. */
async function allItems<T>(page: Page, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const url: string = `${h.server.url}${path}${separator}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res: Awaited<ReturnType<APIRequestContext['get']>> = await page.request.get(url);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { items: T[]; nextCursor: string | null };
    items.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return items;
}

describe('spaces journeys', () => {
  it('a member creates a private space, another asks to join, the owner approves, the requester sees the members', async () => {
    const owner = await h.newPage();
    await signIn(owner, h.server.url, 'admin@demo.atrium.test', DEMO_PASSWORD);
    await owner.getByRole('link', { name: 'Spaces', exact: true }).first().click();
    await owner.waitForURL('**/spaces');
    await owner.getByRole('link', { name: 'Create space' }).click();
    const name = `Design Guild ${Date.now()}`;
    await owner.getByRole('textbox', { name: /^Name/ }).fill(name);
    await owner.getByLabel('Description').fill('Critiques and shared patterns.');
    await owner.getByLabel('Private', { exact: true }).check();
    await owner.getByRole('button', { name: 'Create space' }).click();
    await owner.getByRole('heading', { name, level: 1 }).waitFor();
    const handle = new URL(owner.url()).pathname.split('/')[2] ?? '';
    expect(handle).not.toBe('');
    const ownerMe = await (await owner.request.get(`${h.server.url}/api/v1/me`)).json();

    const requester = await h.newPage();
    await signIn(requester, h.server.url, 'member@demo.atrium.test', DEMO_PASSWORD);
    const requesterMe = await (await requester.request.get(`${h.server.url}/api/v1/me`)).json();
    await requester.goto(`${h.server.url}/spaces?q=${encodeURIComponent(name)}`);
    await requester.getByRole('link', { name }).click();
    await requester.getByRole('heading', { name, level: 1 }).waitFor();
    // Not a member of a private space: no Members tab yet.
    expect(await requester.getByRole('link', { name: 'Members' }).count()).toBe(0);
    await requester.getByRole('button', { name: 'Request to join' }).click();
    await requester.getByText('Requested', { exact: true }).waitFor();

    await owner.getByRole('link', { name: 'Requests' }).click();
    await owner.getByRole('button', { name: `Approve ${requesterMe.person.name}` }).click();
    await owner.getByText('No pending requests').waitFor();

    await requester.goto(`${h.server.url}/spaces/${handle}/members`);
    await requester.getByRole('heading', { name: 'Members' }).waitFor();
    const list = requester
      .getByRole('list')
      .filter({ has: requester.getByRole('link', { name: ownerMe.person.name }) });
    await list.first().waitFor();
    await requester.getByRole('link', { name: requesterMe.person.name }).first().waitFor();
    await Promise.all([owner.context().close(), requester.context().close()]);
  });

  it('an external person invited by email signs up and sees only their community and its people', async () => {
    // The community's owner (the head of Support) resets their password by email and makes the demo admin an admin.
    const admin = await apiSignIn('admin@demo.atrium.test', DEMO_PASSWORD);
    const members = (await call(admin, 'GET', '/api/v1/spaces/customer-community/members?role=owner')) as {
      items: Array<{ person: { handle: string }; role: string }>;
    };
    const ownerHandle = members.items.find((m) => m.role === 'owner')?.person.handle;
    expect(ownerHandle).toBeDefined();
    const ownerProfile = await call(admin, 'GET', `/api/v1/people/${ownerHandle}`);
    const ownerEmail = ownerProfile.email as string;
    await call(admin, 'POST', '/api/v1/auth/password-reset', { email: ownerEmail });
    const resetMail = await h.smtp.nextTo(ownerEmail, 15_000);
    const resetToken = resetMail.text.match(/reset-password#token=([^\s>)"]+)/)?.[1];
    expect(resetToken).toBeDefined();
    const ownerPassword = 'owner password for the e2e run';
    await call(admin, 'POST', '/api/v1/auth/password-reset/confirm', {
      token: resetToken,
      password: ownerPassword,
    });
    const spaceOwner = await apiSignIn(ownerEmail, ownerPassword);
    const space = await call(admin, 'GET', '/api/v1/spaces/customer-community');
    if (!space.membership) await call(admin, 'POST', '/api/v1/spaces/customer-community/join');
    await call(spaceOwner, 'PUT', `/api/v1/spaces/customer-community/members/${admin.me.person.id}`, {
      role: 'admin',
    });

    // The demo admin invites a customer by email from the Invitations tab.
    const inviter = await h.newPage();
    await signIn(inviter, h.server.url, 'admin@demo.atrium.test', DEMO_PASSWORD);
    await inviter.goto(`${h.server.url}/spaces/customer-community/invitations`);
    const email = `pat.customer.${Date.now()}@example.com`;
    await inviter.getByRole('textbox', { name: 'Email' }).fill(email);
    await inviter.getByRole('button', { name: 'Send invitation' }).click();
    await inviter.getByText(`Invitation sent to ${email}`).waitFor();
    await inviter.getByText(email, { exact: true }).waitFor();

    const mail = await h.smtp.nextTo(email, 15_000);
    const link = mail.text.match(/https?:\/\/\S+\/spaces\/invitations\/accept#token=[^\s>)"]+/)?.[0];
    expect(link).toBeDefined();
    const external = await h.newPage();
    await external.goto(link ?? '');
    await external.getByText('Customer Community').first().waitFor();
    await external.getByLabel('Name').fill('Pat Customer');
    await external.getByLabel('Password').fill('a strong customer password');
    await external.getByRole('button', { name: 'Accept invitation' }).click();
    await external.waitForURL('**/spaces/customer-community');
    await external.getByRole('heading', { name: 'Customer Community', level: 1 }).waitFor();
    const me = await (await external.request.get(`${h.server.url}/api/v1/me`)).json();
    expect(me.person.kind).toBe('external');

    // The directory lists their community and nothing internal.
    await external.getByRole('link', { name: 'Spaces', exact: true }).first().click();
    await external.waitForURL('**/spaces');
    await external.getByRole('link', { name: 'Customer Community' }).first().waitFor();
    expect(await external.getByRole('link', { name: 'Create space' }).count()).toBe(0);
    const visible = await external.locator('main').textContent();
    for (const internal of [
      'All Company',
      'Engineering',
      'Project Falcon',
      'Partner Network',
      'Beta Program',
    ]) {
      expect(visible).not.toContain(internal);
    }
    const spaces = await allItems<{ handle: string; audience: string }>(external, '/api/v1/spaces');
    expect(spaces.every((s) => s.audience === 'external')).toBe(true);
    expect(spaces.map((s) => s.handle)).toContain('customer-community');

    // The people directory shows only people who share a space with them.
    const coMembers = await allItems<{ person: { id: string } }>(
      external,
      '/api/v1/spaces/customer-community/members',
    );
    const allowed = new Set(coMembers.map((m) => m.person.id));
    const people = await allItems<{ id: string; name: string }>(external, '/api/v1/people');
    expect(people.length).toBeGreaterThan(0);
    for (const person of people) expect(allowed.has(person.id)).toBe(true);
    await external.getByRole('link', { name: 'People', exact: true }).first().click();
    await external.waitForURL('**/people');
    await external.locator('.people-list-item').first().waitFor();
    const shown = await external.locator('.people-list-item .person-line-name a').allInnerTexts();
    const names = new Set(people.map((p) => p.name));
    for (const shownName of shown) expect(names.has(shownName)).toBe(true);
    expect(shown).not.toContain('Admin');

    await Promise.all([
      inviter.context().close(),
      external.context().close(),
      admin.api.dispose(),
      spaceOwner.api.dispose(),
    ]);
  });
});
