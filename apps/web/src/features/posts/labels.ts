import type { PostKind, PraiseBadge, ReactionKind } from '@atrium/contracts';

export const REACTION_LABELS: Record<ReactionKind, { label: string; emoji: string }> = {
  like: { label: 'Like', emoji: '👍' },
  love: { label: 'Love', emoji: '❤️' },
  celebrate: { label: 'Celebrate', emoji: '🎉' },
  insightful: { label: 'Insightful', emoji: '💡' },
  thanks: { label: 'Thanks', emoji: '🙏' },
  funny: { label: 'Funny', emoji: '😄' },
};

export const BADGE_LABELS: Record<PraiseBadge, { label: string; emoji: string }> = {
  thank_you: { label: 'Thank you', emoji: '🙏' },
  team_player: { label: 'Team player', emoji: '🤝' },
  above_and_beyond: { label: 'Above and beyond', emoji: '🚀' },
  great_idea: { label: 'Great idea', emoji: '💡' },
  customer_hero: { label: 'Customer hero', emoji: '🦸' },
  mentor: { label: 'Mentor', emoji: '🧭' },
};

export const KIND_LABELS: Record<PostKind, string> = {
  update: 'Update',
  question: 'Question',
  poll: 'Poll',
  praise: 'Praise',
  announcement: 'Announcement',
};

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

/** "5 minutes ago", "yesterday"; older than a week: the date. */
export function timeAgo(iso: string, now = Date.now()): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  let value = Math.round((then - now) / 1000);
  if (Math.abs(value) < 10) return 'just now';
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return relative.format(value, unit);
    value = Math.round(value / size);
  }
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(then));
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** What a post shows for an author the viewer may not see (the server sends null). */
export const UNKNOWN_AUTHOR = 'Someone outside your spaces';

export const authorName = (author: { name: string } | null): string => author?.name ?? UNKNOWN_AUTHOR;
