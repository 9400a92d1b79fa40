import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConnectRequest, ConnectResult, FleetSocket } from './fleet-process.ts';
import { Worker } from './processes.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

export type { ConnectResult, FleetSocket };

/** The bench's handle on the client fleet process (fleet-process.ts). */
export class Fleet {
  private readonly worker = new Worker(join(HERE, 'fleet-process.ts'));
  /** Keys every socket has received, with the time of the last delivery. */
  private readonly complete = new Map<string, number>();
  private readonly waiters = new Map<string, (at: number) => void>();

  constructor() {
    this.worker.on('complete', (message) => {
      const key = String(message.key);
      const at = Number(message.at);
      this.complete.set(key, at);
      this.waiters.get(key)?.(at);
      this.waiters.delete(key);
    });
  }

  get pid(): number {
    return this.worker.pid;
  }

  connect(
    url: string,
    options: { origin: string; channel: string; sockets: FleetSocket[]; concurrency?: number },
  ): Promise<ConnectResult> {
    const request: ConnectRequest = { type: 'connect', url, concurrency: 64, ...options };
    return this.worker.request<ConnectResult>({ ...request }, 'connected');
  }

  /**
   * Resolves with the time of the last delivery once every socket has the event `key`, or undefined
   * after `timeoutMs` (some socket never got it: `collect` tells how many did).
   */
  whenDelivered(key: string, timeoutMs: number): Promise<number | undefined> {
    const done = this.complete.get(key);
    if (done !== undefined) return Promise.resolve(done);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(key);
        resolve(undefined);
      }, timeoutMs);
      this.waiters.set(key, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
  }

  /** Every arrival since the last collect, per event key, and the size of an event frame. */
  async collect(): Promise<{ deliveries: Map<string, Float64Array>; frameBytes: number }> {
    const answer = await this.worker.request<{
      deliveries: (readonly [string, Float64Array])[];
      frameBytes: number;
    }>({ type: 'collect' }, 'collected');
    this.complete.clear();
    return { deliveries: new Map(answer.deliveries), frameBytes: answer.frameBytes };
  }

  async disconnect(): Promise<void> {
    await this.worker.request({ type: 'disconnect' }, 'disconnected');
  }

  stop(): Promise<void> {
    return this.worker.stop();
  }
}
