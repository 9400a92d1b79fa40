import type { PresenceState } from '@atrium/contracts';

/**
 * Presence from open sockets across tabs and nodes. The gateway reports each socket's life; readers get
 * one state per person. In memory on one node; aggregated through Redis when REDIS_URL is set.
 */
export interface PresenceStore {
  /** A socket of the person opened (active) or reported activity. */
  socketActive(personId: string, socketId: string): void;
  /** The socket's client reported no input for a while. */
  socketIdle(personId: string, socketId: string): void;
  socketClosed(personId: string, socketId: string): void;
  /** Current state of each person asked about (offline when unknown). */
  statesOf(personIds: readonly string[]): Promise<Map<string, PresenceState>>;
  close(): Promise<void>;
}
