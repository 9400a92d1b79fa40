/**
 * The event catalogue: every state change records one of these in the outbox, in the same transaction.
 * The same names are the webhook event list and the real-time protocol.
 */
export const EVENT_NAMES = [
  'person.invited',
  'person.invitation_revoked',
  'person.joined',
  'person.updated',
  'person.deactivated',
  'person.reactivated',
  'person.role_changed',
  'person.followed',
  'person.unfollowed',
  'auth.signed_in',
  'auth.signed_out',
  'auth.session_revoked',
  'auth.token_created',
  'auth.token_revoked',
  'auth.password_reset_requested',
  'auth.password_changed',
  'admin.internal_domain_added',
  'admin.internal_domain_removed',
  'admin.custom_field_changed',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];
