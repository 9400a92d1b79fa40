import { NOTIFICATION_TYPES, type NotificationType } from '@atrium/contracts';
import { hmac, safeEqual } from '../../platform/auth/secrets.ts';

/** What an unsubscribe link turns off: emails of one notification type, the digest, or every email. */
export type UnsubscribeScope = NotificationType | 'digest' | 'all';

// Part of the signed text: changing the format (or what a scope means) bumps it and old links stop working.
const VERSION = 'u1';
const ID = /^[A-Za-z0-9-]{1,64}$/;

export function isUnsubscribeScope(value: string): value is UnsubscribeScope {
  return value === 'digest' || value === 'all' || (NOTIFICATION_TYPES as readonly string[]).includes(value);
}

const signature = (secret: string, personId: string, scope: UnsubscribeScope) =>
  hmac(secret, `unsubscribe:${VERSION}:${personId}:${scope}`);

/**
 * A link token that needs no session and never expires: `u1.<person id>.<scope>.<HMAC>`. The HMAC is
 * keyed with the session secret, so rotating that secret invalidates every outstanding link.
 */
export function unsubscribeToken(secret: string, personId: string, scope: UnsubscribeScope): string {
  return `${VERSION}.${personId}.${scope}.${signature(secret, personId, scope)}`;
}

/** The person and scope a token names, or null when it is malformed, forged or from another secret. */
export function readUnsubscribeToken(
  secret: string,
  token: string,
): { personId: string; scope: UnsubscribeScope } | null {
  const parts = token.split('.');
  if (parts.length !== 4) return null;
  const [version, personId, scope, sent] = parts;
  if (version !== VERSION || !personId || !ID.test(personId) || !scope || !sent) return null;
  if (!isUnsubscribeScope(scope)) return null;
  if (!safeEqual(sent, signature(secret, personId, scope))) return null;
  return { personId, scope };
}
