import type { PresenceState } from '@atrium/contracts';
import type { PresenceStore } from './presence.ts';

/** This node's sockets per person and whether each is active: online if any is, away if all idle. */
export class LocalPresence {
  private readonly sockets = new Map<string, Map<string, 'active' | 'idle'>>();

  set(personId: string, socketId: string, state: 'active' | 'idle'): boolean {
    const before = this.stateOf(personId);
    let mine = this.sockets.get(personId);
    if (!mine) {
      mine = new Map();
      this.sockets.set(personId, mine);
    }
    mine.set(socketId, state);
    return before !== this.stateOf(personId);
  }

  remove(personId: string, socketId: string): boolean {
    const before = this.stateOf(personId);
    const mine = this.sockets.get(personId);
    mine?.delete(socketId);
    if (mine?.size === 0) this.sockets.delete(personId);
    return before !== this.stateOf(personId);
  }

  stateOf(personId: string): PresenceState {
    const mine = this.sockets.get(personId);
    if (!mine || mine.size === 0) return 'offline';
    for (const state of mine.values()) if (state === 'active') return 'online';
    return 'away';
  }

  people(): string[] {
    return [...this.sockets.keys()];
  }
}

/** Presence for a single node. */
export function createLocalPresenceStore(onChange: (personId: string) => void): PresenceStore {
  const local = new LocalPresence();
  return {
    socketActive: (p, s) => local.set(p, s, 'active') && onChange(p),
    socketIdle: (p, s) => local.set(p, s, 'idle') && onChange(p),
    socketClosed: (p, s) => local.remove(p, s) && onChange(p),
    statesOf: async (ids) => new Map(ids.map((id) => [id, local.stateOf(id)])),
    close: async () => {},
  };
}
