import type { PersonSummary } from '../../../lib/types.ts';
import type { CreatePostInput, PostKind, PostTargetInput, PraiseBadge } from '../types.ts';

export interface PollDraft {
  options: string[];
  multiple: boolean;
  /** A datetime-local value, or ''. */
  closesAt: string;
}

export interface PraiseDraft {
  recipients: PersonSummary[];
  badge: PraiseBadge;
}

export interface AnnouncementDraft {
  /** A date value (yyyy-mm-dd), or ''. */
  pinnedUntil: string;
  requiresAck: boolean;
}

export interface Draft {
  kind: PostKind;
  body: string;
  poll: PollDraft;
  praise: PraiseDraft;
  announcement: AnnouncementDraft;
}

export const emptyDraft = (): Draft => ({
  kind: 'update',
  body: '',
  poll: { options: ['', ''], multiple: false, closesAt: '' },
  praise: { recipients: [], badge: 'thank_you' },
  announcement: { pinnedUntil: '', requiresAck: false },
});

/** A local date-time from an <input type="datetime-local"> as an ISO instant. */
function localToIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The end of the chosen day, local time: "pinned until Friday" includes Friday. */
function endOfDayIso(value: string): string | undefined {
  return value ? localToIso(`${value}T23:59:59`) : undefined;
}

/** The request body for POST /api/v1/posts. */
export function createRequest(
  draft: Draft,
  target: PostTargetInput,
  attachmentIds: string[],
): CreatePostInput {
  const request: CreatePostInput = { target, kind: draft.kind, body: draft.body };
  if (attachmentIds.length > 0) request.attachmentIds = attachmentIds;
  if (draft.kind === 'poll') {
    const closesAt = localToIso(draft.poll.closesAt);
    request.poll = {
      options: draft.poll.options.map((option) => option.trim()),
      multiple: draft.poll.multiple,
      ...(closesAt ? { closesAt } : {}),
    };
  } else if (draft.kind === 'praise') {
    request.praise = {
      recipientIds: draft.praise.recipients.map((person) => person.id),
      badge: draft.praise.badge,
    };
  } else if (draft.kind === 'announcement') {
    const pinnedUntil = endOfDayIso(draft.announcement.pinnedUntil);
    request.announcement = {
      requiresAck: draft.announcement.requiresAck,
      ...(pinnedUntil ? { pinnedUntil } : {}),
    };
  }
  return request;
}

/** The field names the API may blame, and their labels on screen. */
export const COMPOSER_FIELDS = {
  body: 'Message',
  target: 'Post to',
  attachmentIds: 'Attachments',
  poll: 'Poll',
  praise: 'Praise',
  announcement: 'Announcement',
  kind: 'Kind',
};
