/** What a person can be notified about. */
export const NOTIFICATION_TYPES = [
  'mention',
  'reply',
  'reaction',
  'new_follower',
  'invitation',
  'join_request',
  'request_approved',
  'answer',
  'answer_accepted',
  'praise',
  'announcement',
  'poll_closed',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** How a type (optionally in one space) reaches a person. */
export const NOTIFICATION_DELIVERIES = ['in_app', 'email_immediate', 'email_digest', 'off'] as const;
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number];

/** The default when a person has set nothing for a type. */
export const DEFAULT_NOTIFICATION_DELIVERY: Record<NotificationType, NotificationDelivery> = {
  mention: 'email_immediate',
  reply: 'email_digest',
  reaction: 'in_app',
  new_follower: 'in_app',
  invitation: 'email_immediate',
  join_request: 'email_immediate',
  request_approved: 'email_immediate',
  answer: 'email_immediate',
  answer_accepted: 'email_digest',
  praise: 'email_immediate',
  announcement: 'email_digest',
  poll_closed: 'in_app',
};

export const DIGEST_FREQUENCIES = ['off', 'daily', 'weekly'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

export const NOTIFICATION_LIMITS = {
  pageSize: { default: 25, max: 100 },
  /** Actors named on a grouped notification ("Ana and 4 others"). */
  actorsShown: 3,
  /** Reactions on one post are folded into one notification for this long. */
  reactionBatchMs: 10 * 60_000,
  statusMessage: 140,
} as const;
