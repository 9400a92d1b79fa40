import type { ReactNode } from 'react';
import type { PersonSummary } from '../../lib/types.ts';
import { PRESENCE_LABELS } from './labels.ts';
import './presence.css';

type Presence = PersonSummary['presence'];

/**
 * A mark on the corner of an avatar: a filled dot (online), a half-filled one (away), a ring
 * (offline); the shape and a text alternative carry the meaning, never the colour alone.
 * Nothing when the presence is not shown to the viewer.
 */
export function PresenceDot({ presence, announce = true }: { presence: Presence; announce?: boolean }) {
  if (!presence) return null;
  return (
    <span
      className={`presence-dot is-${presence}`}
      title={PRESENCE_LABELS[presence]}
      aria-hidden={announce ? undefined : true}
    >
      {announce ? <span className="visually-hidden">{PRESENCE_LABELS[presence]}</span> : null}
    </span>
  );
}

interface WithPresenceProps {
  presence: Presence;
  /** False when the caller says the presence in words itself (e.g. after the name). */
  announce?: boolean;
  children: ReactNode;
}

/** An avatar with the person's presence on its corner. */
export function WithPresence({ presence, announce = true, children }: WithPresenceProps) {
  if (!presence) return children;
  return (
    <span className="with-presence">
      {children}
      <PresenceDot presence={presence} announce={announce} />
    </span>
  );
}

/** The dot and its word, for a profile: "● Online". */
export function PresenceLabel({ presence }: { presence: Presence }) {
  if (!presence) return null;
  return (
    <span className="presence-label">
      <span className={`presence-dot is-${presence} is-inline`} aria-hidden="true" />
      {PRESENCE_LABELS[presence]}
    </span>
  );
}
