import type { LiveEventName, LiveServerFrame } from '@atrium/contracts';

export interface LiveEvent {
  id: string;
  name: LiveEventName;
  channel: string;
  data: Record<string, unknown>;
}

export type LiveStatus = 'connecting' | 'open' | 'disconnected' | 'closed';
export type LiveEventListener = (event: LiveEvent) => void;

/** Listen to every event, whatever its channel. */
export const ANY_CHANNEL = '*';

/** A server frame, or null for anything that is not one (never throws). */
export function parseFrame(text: unknown): LiveServerFrame | null {
  if (typeof text !== 'string') return null;
  try {
    const frame: unknown = JSON.parse(text);
    return frame && typeof frame === 'object' && 'type' in frame ? (frame as LiveServerFrame) : null;
  } catch {
    return null;
  }
}

/** Listeners by channel (ANY_CHANNEL for all); one failing listener does not stop the others. */
export class Listeners {
  private readonly byChannel = new Map<string, Set<LiveEventListener>>();

  on(channel: string, listener: LiveEventListener): () => void {
    let set = this.byChannel.get(channel);
    if (!set) {
      set = new Set();
      this.byChannel.set(channel, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.byChannel.delete(channel);
    };
  }

  notify(event: LiveEvent): void {
    for (const channel of [event.channel, ANY_CHANNEL]) {
      for (const listener of this.byChannel.get(channel) ?? []) {
        try {
          listener(event);
        } catch (error) {
          console.error('live listener failed', error);
        }
      }
    }
  }
}
