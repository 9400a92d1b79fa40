import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn } from './support/browser.ts';
import { journeyHarness } from './support/harness.ts';
import { DEMO_PASSWORD } from './support/server.ts';

const h = journeyHarness();

/** The post (an article) whose text contains `text`. */
function postCard(page: Page, text: string): Locator {
  return page.getByRole('article').filter({ hasText: text });
}

describe('conversation journey', () => {
  it('a member posts into a space with a topic and a mention, reacts, comments and replies; others see it or not', async () => {
    const stamp = Date.now().toString(36);
    const topic = `launch${stamp}`;
    const text = `Parser ships on Friday ${stamp}`;

    const member = await h.newPage();
    await signIn(member, h.server.url, 'member@demo.atrium.test', DEMO_PASSWORD);
    await member.goto(`${h.server.url}/`);
    await member.getByRole('heading', { name: 'Home', level: 1 }).waitFor();

    // Write the post into the Engineering space: a mention chosen from the suggestions, and a new topic.
    await member.getByLabel('Post to').selectOption({ label: 'Engineering' });
    const box = member.getByRole('textbox', { name: 'Message' });
    await box.click();
    await box.pressSequentially(`${text}, thanks @amara.oka`);
    await member.getByRole('option', { name: /Amara Okafor/ }).click();
    await box.pressSequentially(`for the review #${topic} `);
    expect(await box.inputValue()).toContain('@amara.okafor ');
    await member.getByRole('button', { name: 'Post', exact: true }).click();
    await member.getByRole('link', { name: 'View your post' }).waitFor();
    expect(await box.inputValue()).toBe('');

    // It shows in the home feed, with the mention and the topic as links.
    const card = postCard(member, text);
    await card.waitFor();
    await card.getByRole('link', { name: '@amara.okafor' }).waitFor();
    await card.getByRole('link', { name: `#${topic}` }).waitFor();
    await card.getByRole('link', { name: 'Engineering' }).waitFor();

    // React with a like: the count appears as a pressed toggle.
    await card.getByRole('button', { name: 'React' }).click();
    await card.getByRole('button', { name: 'Like', exact: true }).click();
    const like = card.getByRole('button', { name: 'Like: 1' });
    await like.waitFor();
    expect(await like.getAttribute('aria-pressed')).toBe('true');

    // The topic page lists it.
    await card.getByRole('link', { name: `#${topic}` }).click();
    await member.getByRole('heading', { name: `#${topic}`, level: 1 }).waitFor();
    await postCard(member, text).waitFor();

    // Post detail: comment, then reply to the comment.
    await postCard(member, text).getByRole('link', { name: 'Comment' }).click();
    await member.waitForURL('**/posts/**');
    const postUrl = new URL(member.url());
    postUrl.hash = '';
    await member.getByRole('heading', { name: /^Comments/ }).waitFor();
    await member.getByRole('textbox', { name: 'Write a comment' }).fill('Release notes are in the wiki.');
    await member.getByRole('button', { name: 'Comment', exact: true }).click();
    const comment = member.getByRole('article').filter({ hasText: 'Release notes are in the wiki.' });
    await comment.waitFor();
    await comment.getByRole('button', { name: /^Reply/ }).click();
    await member.getByRole('textbox', { name: /^Reply to/ }).fill('And the migration guide too.');
    await member.getByRole('button', { name: 'Reply', exact: true }).click();
    const replies = member.getByRole('list', { name: /^Replies to/ });
    await replies.getByText('And the migration guide too.').waitFor();

    // Another employee sees the post, its reaction and the thread.
    const admin = await h.newPage();
    await signIn(admin, h.server.url, 'admin@demo.atrium.test', DEMO_PASSWORD);
    await admin.goto(postUrl.toString());
    await postCard(admin, text).waitFor();
    await postCard(admin, text).getByRole('button', { name: 'Like: 1' }).waitFor();
    await admin.getByText('Release notes are in the wiki.').waitFor();
    await admin.getByText('And the migration guide too.').waitFor();

    // An external person cannot see a post in an internal space: the same answer as a missing post.
    const customer = await h.newPage();
    await signIn(customer, h.server.url, 'customer@demo.atrium.test', DEMO_PASSWORD);
    await customer.goto(postUrl.toString());
    await customer.getByText('Post not found').waitFor();
    expect(await customer.getByText(text).count()).toBe(0);
    const api = await customer.request.get(
      `${h.server.url}/api/v1/posts${postUrl.pathname.slice('/posts'.length)}`,
    );
    expect(api.status()).toBe(404);
    await customer.goto(`${h.server.url}/`);
    await customer.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    // Wait for the feed to finish loading before checking what it does not contain.
    await customer.locator('section[aria-label="Home feed"][aria-busy="false"]').waitFor();
    expect(await customer.getByText(text).count()).toBe(0);

    await Promise.all([member.context().close(), admin.context().close(), customer.context().close()]);
  });
});
