import { LIVE_LIMITS } from '@atrium/contracts';

/** Stay well under the server's limit: going over it closes the socket (1008). */
const BUDGET = Math.floor(LIVE_LIMITS.maxFramesPerWindow * 0.8);
const WINDOW_MS = LIVE_LIMITS.rateWindowMs;

/** Outgoing frames, sent at once while within the rate budget and held back (in order) beyond it. */
export class FrameQueue {
  private readonly write: (text: string) => void;
  private readonly waiting: string[] = [];
  private sentAt: number[] = [];
  private timer: number | undefined;

  constructor(write: (text: string) => void) {
    this.write = write;
  }

  push(text: string): void {
    this.waiting.push(text);
    this.flush();
  }

  /** A new connection starts with an empty queue and a fresh budget. */
  reset(): void {
    window.clearTimeout(this.timer);
    this.timer = undefined;
    this.waiting.length = 0;
    this.sentAt = [];
  }

  private flush(): void {
    const now = Date.now();
    this.sentAt = this.sentAt.filter((time) => now - time < WINDOW_MS);
    while (this.waiting.length > 0 && this.sentAt.length < BUDGET) {
      const text = this.waiting.shift();
      if (text === undefined) break;
      this.sentAt.push(now);
      this.write(text);
    }
    const oldest = this.sentAt[0];
    if (this.waiting.length > 0 && this.timer === undefined && oldest !== undefined) {
      this.timer = window.setTimeout(
        () => {
          this.timer = undefined;
          this.flush();
        },
        WINDOW_MS - (now - oldest) + 10,
      );
    }
  }
}
