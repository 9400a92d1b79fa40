import type { NotificationType } from '@atrium/contracts';
import { escapeHtml } from '../../platform/mail/render.ts';
import type { UnsubscribeScope } from './unsubscribe-tokens.ts';

/** One notification as an email shows it: built at send time from what the recipient may read now. */
export interface EmailItem {
  type: NotificationType;
  /** A plain sentence, e.g. "Ana Ruiz mentioned you". */
  text: string;
  /** Web path, e.g. /posts/<id>#comment-<id>. */
  url: string;
  excerpt: string | null;
  spaceName: string | null;
}

export interface EmailLinks {
  publicUrl: string;
  /** A signed token for each scope the email offers to turn off. */
  tokenFor: (scope: UnsubscribeScope) => string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

const TYPE_LABELS: Record<NotificationType, string> = {
  mention: 'mentions',
  reply: 'replies',
  reaction: 'reactions',
  new_follower: 'new followers',
  invitation: 'invitations',
  join_request: 'join requests',
  request_approved: 'approved requests',
  answer: 'answers to your questions',
  answer_accepted: 'accepted answers',
  praise: 'praise',
  announcement: 'announcements',
  poll_closed: 'closed polls',
};

const SUBJECT_MAX = 140;
/** A digest names this many items; the rest are counted. */
export const DIGEST_SHOWN = 50;

/** One header line, no longer than a subject should be. */
export function singleLine(value: string, max = SUBJECT_MAX): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}

const absolute = (publicUrl: string, path: string) =>
  `${publicUrl}${path.startsWith('/') ? path : `/${path}`}`;
const pageLink = (links: EmailLinks, scope: UnsubscribeScope) =>
  `${links.publicUrl}/unsubscribe?token=${encodeURIComponent(links.tokenFor(scope))}`;
const oneClickLink = (links: EmailLinks, scope: UnsubscribeScope) =>
  `${links.publicUrl}/api/v1/unsubscribe?token=${encodeURIComponent(links.tokenFor(scope))}`;

interface FooterLink {
  label: string;
  url: string;
}

function footerLinks(links: EmailLinks, scopes: UnsubscribeScope[]): FooterLink[] {
  const labelOf = (scope: UnsubscribeScope) =>
    scope === 'all'
      ? 'Unsubscribe from all Atrium emails'
      : scope === 'digest'
        ? 'Stop digest emails'
        : `Stop emails about ${TYPE_LABELS[scope]}`;
  return [
    ...scopes.map((scope) => ({ label: labelOf(scope), url: pageLink(links, scope) })),
    { label: 'Notification settings', url: `${links.publicUrl}/settings` },
  ];
}

function itemText(item: EmailItem, publicUrl: string): string[] {
  const lines = [item.spaceName ? `${item.text} (in ${item.spaceName})` : item.text];
  if (item.excerpt) lines.push(`  “${item.excerpt}”`);
  lines.push(`  ${absolute(publicUrl, item.url)}`);
  return lines;
}

function itemHtml(item: EmailItem, publicUrl: string): string {
  const space = item.spaceName ? ` <span style="color:#52606d">in ${escapeHtml(item.spaceName)}</span>` : '';
  const excerpt = item.excerpt ? `<br><span style="color:#52606d">“${escapeHtml(item.excerpt)}”</span>` : '';
  return `<li style="margin:0 0 12px"><a href="${escapeHtml(absolute(publicUrl, item.url))}" style="color:#2747b3">${escapeHtml(item.text)}</a>${space}${excerpt}</li>`;
}

function compose(input: {
  subject: string;
  heading: string;
  items: EmailItem[];
  more: number;
  reason: string;
  links: EmailLinks;
  /** Offered in the footer; the first one is the one-click List-Unsubscribe target. */
  scopes: [UnsubscribeScope, ...UnsubscribeScope[]];
}): RenderedEmail {
  const { publicUrl } = input.links;
  const footer = footerLinks(input.links, input.scopes);
  const moreLine = input.more > 0 ? `…and ${input.more} more in Atrium: ${publicUrl}/notifications` : null;
  const text = [
    input.heading,
    '',
    ...input.items.flatMap((item) => [...itemText(item, publicUrl), '']),
    ...(moreLine ? [moreLine, ''] : []),
    '--',
    input.reason,
    ...footer.map((link) => `${link.label}: ${link.url}`),
  ].join('\n');
  const more =
    input.more > 0
      ? `<p><a href="${escapeHtml(`${publicUrl}/notifications`)}" style="color:#2747b3">…and ${input.more} more in Atrium</a></p>`
      : '';
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1f2933;max-width:560px">
<h1 style="font-size:20px">${escapeHtml(input.heading)}</h1>
<ul style="padding-left:18px">
${input.items.map((item) => itemHtml(item, publicUrl)).join('\n')}
</ul>
${more}
<hr style="border:none;border-top:1px solid #d9e2ec">
<p style="color:#52606d;font-size:13px">${escapeHtml(input.reason)}<br>
${footer.map((link) => `<a href="${escapeHtml(link.url)}" style="color:#52606d">${escapeHtml(link.label)}</a>`).join(' · ')}</p>
</body></html>`;
  return {
    subject: singleLine(input.subject),
    text,
    html,
    headers: {
      'List-Unsubscribe': `<${oneClickLink(input.links, input.scopes[0])}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'Auto-Submitted': 'auto-generated',
    },
  };
}

/** The immediate email for one or several notifications (several after quiet hours end). */
export function immediateEmail(items: readonly EmailItem[], links: EmailLinks): RenderedEmail | null {
  const first = items[0];
  if (!first) return null;
  const types = [...new Set(items.map((item) => item.type))];
  const single = types.length === 1 ? types[0] : undefined;
  // One type: its link is the one-click target. Mixed: per-type links in the footer, "all" in the header.
  const scopes: [UnsubscribeScope, ...UnsubscribeScope[]] = single ? [single, 'all'] : ['all', ...types];
  const shown = items.slice(0, DIGEST_SHOWN);
  return compose({
    subject: items.length === 1 ? first.text : `${items.length} new notifications in Atrium`,
    heading: items.length === 1 ? first.text : `You have ${items.length} new notifications`,
    items: shown,
    more: items.length - shown.length,
    reason: single
      ? `You get this email because your Atrium settings send ${TYPE_LABELS[single]} by email.`
      : 'You get this email because your Atrium settings send these notifications by email.',
    links,
    scopes,
  });
}

/** The daily or weekly digest. */
export function digestEmail(
  items: readonly EmailItem[],
  frequency: 'daily' | 'weekly',
  links: EmailLinks,
): RenderedEmail | null {
  if (items.length === 0) return null;
  const shown = items.slice(0, DIGEST_SHOWN);
  const noun = items.length === 1 ? 'notification' : 'notifications';
  return compose({
    subject: `Your ${frequency} Atrium digest: ${items.length} new ${noun}`,
    heading: `Your ${frequency} digest`,
    items: shown,
    more: items.length - shown.length,
    reason: `You get this ${frequency} digest of unread notifications because of your Atrium settings.`,
    links,
    scopes: ['digest', 'all'],
  });
}
