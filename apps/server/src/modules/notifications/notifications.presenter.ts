import { NOTIFICATION_LIMITS, type NotificationType } from '@atrium/contracts';
import { excerpt as cut } from '../../platform/content/index.ts';
import type { NotificationsTable } from '../../platform/db/schema-live.ts';
import type { PersonSummary } from '../people/people.presenter.ts';

/** A notification as the API (and the emails) show it to its recipient. */
export interface PresentedNotification {
  id: string;
  type: NotificationType;
  createdAt: string;
  updatedAt: string;
  readAt: string | null;
  /** At most NOTIFICATION_LIMITS.actorsShown, only people the recipient may see, newest first. */
  actors: PersonSummary[];
  actorCount: number;
  /** A plain sentence, e.g. "Ana Ruiz and 4 others reacted to your post". */
  text: string;
  /** A web path. */
  url: string;
  excerpt: string | null;
  space: { id: string; name: string } | null;
  postId: string | null;
}

/** What the reads found for one notification, already limited to what its recipient may see. */
export interface NotificationParts {
  actors: PersonSummary[];
  space: { id: string; name: string; handle: string } | undefined;
  /** Plain text of the comment (live and shown to the recipient) or else of the post it is about. */
  body: string | undefined;
}

export const EXCERPT_CHARS = 160;

export function dataOf(row: Pick<NotificationsTable, 'data'>): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(row.data);
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export const commentIdOf = (row: Pick<NotificationsTable, 'data'>): string | undefined => {
  const id = dataOf(row).commentId;
  return typeof id === 'string' ? id : undefined;
};

export function presentNotification(
  row: NotificationsTable,
  parts: NotificationParts,
): PresentedNotification {
  const actors = parts.actors.slice(0, NOTIFICATION_LIMITS.actorsShown);
  return {
    id: row.id,
    type: row.type,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    readAt: row.read_at,
    actors,
    actorCount: Number(row.actor_count),
    text: sentenceOf(row, parts),
    url: urlOf(row, parts),
    excerpt: parts.body === undefined || parts.body.trim() === '' ? null : cut(parts.body, EXCERPT_CHARS),
    space: parts.space ? { id: parts.space.id, name: parts.space.name } : null,
    postId: row.post_id,
  };
}

/**
 * "Ana Ruiz", "Ana Ruiz and Ben Li", "Ana Ruiz and 4 others"; only names the recipient may see, the
 * rest counted ("Someone", "3 people" when none is visible).
 */
export function actorPhrase(names: readonly string[], count: number): string {
  const total = Math.max(count, names.length);
  const [first, second] = names;
  if (first === undefined) return total <= 1 ? 'Someone' : `${total} people`;
  if (total <= 1) return first;
  if (total === 2 && second !== undefined) return `${first} and ${second}`;
  const others = total - 1;
  return `${first} and ${others} ${others === 1 ? 'other' : 'others'}`;
}

function sentenceOf(row: NotificationsTable, parts: NotificationParts): string {
  const data = dataOf(row);
  const who = actorPhrase(
    parts.actors.map((a) => a.name),
    Number(row.actor_count),
  );
  const spaceName = parts.space?.name ?? 'a space';
  const onComment = commentIdOf(row) !== undefined;
  switch (row.type) {
    case 'mention':
      return `${who} mentioned you in ${onComment ? 'a comment' : 'a post'}`;
    case 'reply':
      return `${who} replied to your ${data.onComment === true ? 'comment' : 'post'}`;
    case 'reaction':
      return `${who} reacted to your post`;
    case 'new_follower':
      return `${who} started following you`;
    case 'invitation':
      return parts.actors.length > 0
        ? `${who} invited you to join ${spaceName}`
        : `You were invited to join ${spaceName}`;
    case 'join_request':
      return `${who} asked to join ${spaceName}`;
    case 'request_approved':
      return `Your request to join ${spaceName} was approved`;
    case 'answer':
      return `${who} answered your question`;
    case 'answer_accepted':
      return `${who} accepted your answer`;
    case 'praise':
      return `${who} praised you`;
    case 'announcement':
      return parts.space ? `${who} posted an announcement in ${spaceName}` : `${who} posted an announcement`;
    case 'poll_closed':
      return data.role === 'author' ? 'Your poll has closed' : 'A poll you voted in has closed';
  }
}

function urlOf(row: NotificationsTable, parts: NotificationParts): string {
  if (row.post_id !== null) {
    const commentId = commentIdOf(row);
    const post = `/posts/${encodeURIComponent(row.post_id)}`;
    return commentId === undefined ? post : `${post}#comment-${encodeURIComponent(commentId)}`;
  }
  const space = parts.space ? `/spaces/${encodeURIComponent(parts.space.handle)}` : undefined;
  switch (row.type) {
    case 'new_follower': {
      const [follower] = parts.actors;
      return follower ? `/people/${encodeURIComponent(follower.handle)}` : '/people';
    }
    case 'join_request':
      return space ? `${space}/requests` : '/spaces';
    case 'request_approved':
      return space ?? '/spaces';
    default:
      // Invitations are answered from the spaces page.
      return '/spaces';
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain text of sanitized body HTML, for excerpts (escaped again by whoever renders it). */
export function plainTextOf(html: string): string {
  return html
    .replace(/<(br|\/p|\/li|\/h\d|\/blockquote|\/pre)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
      if (entity.startsWith('#x') || entity.startsWith('#X'))
        return safeCodePoint(Number.parseInt(entity.slice(2), 16), whole);
      if (entity.startsWith('#')) return safeCodePoint(Number.parseInt(entity.slice(1), 10), whole);
      return ENTITIES[entity.toLowerCase()] ?? whole;
    })
    .trim();
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}
