/** Unsubscribing waits a moment: a component re-mounting (or the next page) often wants the channel back. */
const UNSUBSCRIBE_DELAY_MS = 2_000;

/**
 * Reference counts of the channels the tab's components hold. The first holder subscribes, the last
 * release unsubscribes (after a short delay); the socket is told through the callbacks.
 */
export class ChannelRefs {
  private readonly counts = new Map<string, number>();
  private readonly timers = new Map<string, number>();
  private readonly onFirst: (channel: string) => void;
  private readonly onLast: (channel: string) => void;

  constructor(onFirst: (channel: string) => void, onLast: (channel: string) => void) {
    this.onFirst = onFirst;
    this.onLast = onLast;
  }

  /** Holds the channel until the returned release is called (calling it twice releases once). */
  acquire(channel: string): () => void {
    const count = this.counts.get(channel) ?? 0;
    this.counts.set(channel, count + 1);
    const pending = this.timers.get(channel);
    if (pending !== undefined) {
      window.clearTimeout(pending);
      this.timers.delete(channel);
    } else if (count === 0) {
      this.onFirst(channel);
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release(channel);
    };
  }

  /** The channels someone holds now (to subscribe again on a new connection). */
  held(): string[] {
    return [...this.counts].filter(([, count]) => count > 0).map(([channel]) => channel);
  }

  clear(): void {
    for (const timer of this.timers.values()) window.clearTimeout(timer);
    this.timers.clear();
  }

  private release(channel: string): void {
    const count = (this.counts.get(channel) ?? 1) - 1;
    this.counts.set(channel, count);
    if (count > 0) return;
    const timer = window.setTimeout(() => {
      this.timers.delete(channel);
      if ((this.counts.get(channel) ?? 0) > 0) return;
      this.counts.delete(channel);
      this.onLast(channel);
    }, UNSUBSCRIBE_DELAY_MS);
    this.timers.set(channel, timer);
  }
}
