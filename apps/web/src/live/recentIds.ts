/** The last `limit` ids seen, oldest forgotten first: enough to drop what a resume replays twice. */
export class RecentIds {
  private readonly limit: number;
  private readonly order: string[] = [];
  private readonly seen = new Set<string>();

  constructor(limit: number) {
    this.limit = limit;
  }

  /** Remembers the id; false when it was already there. */
  add(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    this.order.push(id);
    while (this.order.length > this.limit) {
      const oldest = this.order.shift();
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }
}

/**
 * Exponential backoff with jitter: between half and all of base·2^attempt, capped. The random half
 * spreads the reconnects of every open tab after a server restart.
 */
export function backoffDelay(attempt: number, baseMs = 500, maxMs = 30_000, random = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
