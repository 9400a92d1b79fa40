import type { PersonKind, SiteRole, TokenScope } from '@atrium/contracts';

/** Who is acting on a request: the person, and how they proved it. */
export interface Actor {
  id: string;
  kind: PersonKind;
  role: SiteRole;
  name: string;
  handle: string;
  email: string;
  via: 'session' | 'token';
  sessionId?: string;
  /** The raw session secret, kept in memory only to derive the CSRF token. */
  sessionToken?: string;
  tokenId?: string;
  scopes: readonly TokenScope[];
}

/** What a route demands; every route declares one (a test walks the route table to prove it). */
export type AuthRequirement = 'public' | 'user' | 'member' | 'admin';
