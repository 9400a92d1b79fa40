import { describe, expect, it } from 'vitest';
import { signIn } from './support/browser.ts';
import { journeyHarness } from './support/harness.ts';
import { DEMO_PASSWORD } from './support/server.ts';

const h = journeyHarness();

describe('browser journeys', () => {
  it('the demo admin signs in and sees the app; a wrong password shows an error', async () => {
    const page = await h.newPage();
    await page.goto(`${h.server.url}/sign-in`);
    await page.getByLabel('Email').fill('admin@demo.atrium.test');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').first().waitFor();
    expect(await page.getByRole('alert').first().textContent()).toMatch(/not correct|invalid/i);
    await signIn(page, h.server.url, 'admin@demo.atrium.test', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Admin' }).first().waitFor();
    await page.context().close();
  });

  it('a member edits their profile and sees the change', async () => {
    const page = await h.newPage();
    await signIn(page, h.server.url, 'member@demo.atrium.test', DEMO_PASSWORD);
    const me = await (await page.request.get(`${h.server.url}/api/v1/me`)).json();
    await page.goto(`${h.server.url}/people/${me.person.handle}`);
    await page.getByRole('link', { name: 'Edit profile' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Principal Platform Engineer');
    await page.getByLabel('Bio').fill('I keep the lights on and the builds green.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(`**/people/${me.person.handle}`);
    await page.getByText('Principal Platform Engineer').first().waitFor();
    await page.getByText('I keep the lights on and the builds green.').waitFor();
    await page.context().close();
  });

  it('a member finds someone in the directory and opens their page', async () => {
    const page = await h.newPage();
    await signIn(page, h.server.url, 'member@demo.atrium.test', DEMO_PASSWORD);
    const list = await (
      await page.request.get(`${h.server.url}/api/v1/people?department=Finance&limit=5`)
    ).json();
    const target = list.items[2] as { name: string; handle: string };
    await page.goto(`${h.server.url}/people`);
    await page.getByLabel('Search people').fill(target.name);
    const result = page.getByRole('link', { name: target.name }).first();
    await result.click();
    await page.waitForURL(`**/people/${target.handle}`);
    await page.getByRole('heading', { name: target.name }).first().waitFor();
    await page.context().close();
  });

  it('an admin invites a person, who accepts through the link in the email and is signed in', async () => {
    const admin = await h.newPage();
    await signIn(admin, h.server.url, 'admin@demo.atrium.test', DEMO_PASSWORD);
    await admin.goto(`${h.server.url}/admin/invitations`);
    const email = `new.hire.${Date.now()}@demo.atrium.test`;
    await admin.getByLabel('Email').fill(email);
    await admin.getByRole('button', { name: 'Invite' }).click();
    await admin.getByText(`Invitation sent to ${email}`).waitFor();

    const mail = await h.smtp.nextTo(email, 15_000);
    const link = mail.text.match(/https?:\/\/\S+\/invitations\/accept#token=\S+/)?.[0];
    expect(link).toBeDefined();
    const invitee = await h.newPage();
    await invitee.goto(link ?? '');
    await invitee.getByLabel('Name').fill('Noor Haddad');
    await invitee.getByLabel('Password').fill('a strong new password');
    await invitee.getByRole('button', { name: 'Accept invitation' }).click();
    await invitee.waitForURL((url) => !url.pathname.startsWith('/invitations'));
    const me = await (await invitee.request.get(`${h.server.url}/api/v1/me`)).json();
    expect(me.person.name).toBe('Noor Haddad');
    expect(me.person.kind).toBe('member');

    // The link works once.
    const again = await h.newPage();
    await again.goto(link ?? '');
    await again.getByRole('alert').first().waitFor();
    await Promise.all([admin.context().close(), invitee.context().close(), again.context().close()]);
  });
});
