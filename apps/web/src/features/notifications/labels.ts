import type { DigestFrequency, NotificationDelivery, NotificationType } from './types.ts';

export const TYPE_LABELS: Record<NotificationType, { label: string; description: string }> = {
  mention: { label: 'Mentions', description: 'Someone mentions you in a post or comment.' },
  reply: { label: 'Replies', description: 'Someone comments on your post or replies to your comment.' },
  reaction: { label: 'Reactions', description: 'People react to your posts (grouped).' },
  new_follower: { label: 'New followers', description: 'Someone starts following you.' },
  invitation: { label: 'Invitations', description: 'You are invited to a space.' },
  join_request: { label: 'Join requests', description: 'Someone asks to join a space you manage.' },
  request_approved: { label: 'Requests approved', description: 'Your request to join a space is approved.' },
  answer: { label: 'Answers', description: 'Someone answers your question.' },
  answer_accepted: { label: 'Accepted answers', description: 'Your answer is accepted.' },
  praise: { label: 'Praise', description: 'Someone praises you.' },
  announcement: { label: 'Announcements', description: 'An announcement is posted where you read.' },
  poll_closed: { label: 'Closed polls', description: 'A poll you voted in or created closes.' },
};

export const DELIVERY_LABELS: Record<NotificationDelivery, string> = {
  in_app: 'In Atrium',
  email_immediate: 'Email at once',
  email_digest: 'Email digest',
  off: 'Off',
};

export const DIGEST_LABELS: Record<DigestFrequency, string> = {
  off: 'No digest',
  daily: 'Daily',
  weekly: 'Weekly',
};

/** ISO weekdays, Monday first. */
export const WEEKDAYS: Array<{ value: number; label: string }> = [
  { value: 1, label: 'Monday' },
  { value: 2, label: 'Tuesday' },
  { value: 3, label: 'Wednesday' },
  { value: 4, label: 'Thursday' },
  { value: 5, label: 'Friday' },
  { value: 6, label: 'Saturday' },
  { value: 7, label: 'Sunday' },
];

/** "Ana, Ben and 3 others": the actors behind a grouped notification, for the avatars' label. */
export function actorsLabel(names: string[], total: number): string {
  const others = total - names.length;
  if (names.length === 0) return others > 0 ? `${others} ${others === 1 ? 'person' : 'people'}` : '';
  const listed = names.join(', ');
  return others > 0 ? `${listed} and ${others} ${others === 1 ? 'other' : 'others'}` : listed;
}
