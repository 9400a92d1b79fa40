import { LIMITS } from '@atrium/contracts';
import type { Static } from 'typebox';
import type { Viewer } from '../../../platform/access/people.ts';
import type { Membership } from '../../../platform/access/spaces.ts';
import type { PostsTable } from '../../../platform/db/schema-conversation.ts';
import { badRequest, forbidden } from '../../../platform/http/errors.ts';
import type { KindColumns, KindInput, KindTarget } from './kind-details.ts';
import type { AnnouncementInput, PollInput, PraiseInput } from './kinds.schema.ts';

/**
 * The pure rules of the post kinds: which part goes with which kind, poll options, praise recipients
 * as a list, who may announce and who sees the acknowledgements. Checks that need the database
 * (recipients) live in praise-recipients.ts.
 */

const invalid = (path: string, detail: string) => badRequest(detail, [{ path, message: detail }]);

const PART_OF_KIND = { poll: 'poll', praise: 'praise', announcement: 'announcement' } as const;
type KindPart = keyof typeof PART_OF_KIND;

/** A kind's part is allowed only with that kind; polls and praise cannot go without theirs. */
export function assertPartsMatchKind(input: KindInput): void {
  for (const part of Object.keys(PART_OF_KIND) as KindPart[]) {
    if (input[part] !== undefined && input.kind !== part) {
      throw invalid(`body/${part}`, `A ${part} part is only allowed on a ${part} post.`);
    }
  }
  if (input.kind === 'poll' && input.poll === undefined)
    throw invalid('body/poll', 'A poll needs its options.');
  if (input.kind === 'praise' && input.praise === undefined)
    throw invalid('body/praise', 'Praise needs its recipients and a badge.');
}

/** The key under which two option labels count as the same answer. */
const sameAnswerKey = (label: string) => label.toLowerCase();

/** Trimmed, NFC labels; blank, duplicate (ignoring case) or too few/many options are refused. */
export function pollOptionLabels(poll: Static<typeof PollInput>): string[] {
  const labels = poll.options.map((option) => option.normalize('NFC').trim());
  const { min, max } = LIMITS.pollOptions;
  if (labels.length < min || labels.length > max) {
    throw invalid('body/poll/options', `A poll has between ${min} and ${max} options.`);
  }
  const seen = new Set<string>();
  labels.forEach((label, index) => {
    if (label === '') throw invalid(`body/poll/options/${index}`, 'Poll options cannot be blank.');
    const key = sameAnswerKey(label);
    if (seen.has(key)) {
      throw invalid(`body/poll/options/${index}`, `The option "${label}" appears twice.`);
    }
    seen.add(key);
  });
  return labels;
}

/** A moment that must lie ahead, as the canonical ISO text the database compares. */
export function futureInstant(value: string, path: string, what: string, now = Date.now()): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw invalid(path, `${what} is not a valid date and time.`);
  if (ms <= now) throw invalid(path, `${what} must be in the future.`);
  return new Date(ms).toISOString();
}

export const pollClosesAt = (poll: Static<typeof PollInput>, now = Date.now()): string | null =>
  poll.closesAt === undefined ? null : futureInstant(poll.closesAt, 'body/poll/closesAt', 'closesAt', now);

/** Distinct recipients within the limit, never the author. Who they are is checked against the database. */
export function praiseRecipientIds(author: Pick<Viewer, 'id'>, praise: Static<typeof PraiseInput>): string[] {
  const ids = praise.recipientIds;
  if (ids.length < 1 || ids.length > LIMITS.praiseRecipients) {
    throw invalid('body/praise/recipientIds', `Praise goes to 1 to ${LIMITS.praiseRecipients} people.`);
  }
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    const path = `body/praise/recipientIds/${index}`;
    if (seen.has(id)) throw invalid(path, `${id} is named twice.`);
    if (id === author.id) throw invalid(path, 'You cannot praise yourself.');
    seen.add(id);
  });
  return ids;
}

/**
 * Announcements go to the company feed (site admins) or a space (its owners and admins; site admins
 * too, as they administer everything). Profiles and records have no announcements.
 */
export function assertMayAnnounce(actor: Viewer, target: KindTarget): void {
  if (target.type !== 'company' && target.type !== 'space') {
    throw invalid('body/kind', 'Announcements are made in the company feed or in a space.');
  }
  if (actor.role === 'admin') return;
  const role = target.membership?.role;
  if (target.type === 'space' && (role === 'owner' || role === 'admin')) return;
  throw forbidden(
    target.type === 'company'
      ? 'Only site admins make announcements in the company feed.'
      : 'Only owners and admins of this space make announcements in it.',
  );
}

export function announcementColumns(
  announcement: Static<typeof AnnouncementInput>,
  now = Date.now(),
): Pick<KindColumns, 'requires_ack' | 'pinned_until'> {
  const pinnedUntil =
    announcement.pinnedUntil === undefined
      ? null
      : futureInstant(announcement.pinnedUntil, 'body/announcement/pinnedUntil', 'pinnedUntil', now);
  return { requires_ack: announcement.requiresAck === true ? 1 : 0, pinned_until: pinnedUntil };
}

/** Who acknowledged is for the announcement's author, the admins of its space and site admins. */
export function mayListAcknowledgements(
  viewer: Viewer,
  post: Pick<PostsTable, 'author_id'>,
  membership: Membership | undefined,
): boolean {
  if (post.author_id === viewer.id || viewer.role === 'admin') return true;
  return membership?.role === 'owner' || membership?.role === 'admin';
}
