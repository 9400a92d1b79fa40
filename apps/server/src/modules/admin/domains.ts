import { LIMITS } from '@atrium/contracts';

// One DNS label: letters, digits and inner hyphens, 1..63 characters. Bounded, so no catastrophic backtracking.
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * A bare domain name in the one stored form (lower case), or undefined when the input is anything else:
 * a scheme, a path, a port, a wildcard, an address, a trailing dot or a single label.
 */
export function normalizeDomain(input: string): string | undefined {
  const domain = input.toLowerCase();
  if (domain.length === 0 || domain.length > LIMITS.domain) return undefined;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return undefined;
  // The top-level label is never all digits, which also rules out IPv4 addresses.
  if (/^[0-9]+$/.test(labels.at(-1) ?? '')) return undefined;
  return domain;
}

/**
 * The domain of an (already normalized) email: everything after the last "@". Internal-domain checks compare
 * it for exact equality, never by suffix, so `evil-example.com` and `example.com.evil.io` are not `example.com`.
 */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}
