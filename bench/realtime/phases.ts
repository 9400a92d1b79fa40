import { processCpu } from '../lib/cpu.ts';
import { type Percentiles, percentiles } from '../lib/stats.ts';
import { clockMs } from './clock.ts';
import type { Fleet } from './fleet.ts';
import type { BroadcastTarget, Fired } from './targets.ts';

/** Broadcasts one at a time, each delivered to every socket before the next: latencies. */
export interface LatencyPhase {
  posts: number;
  delivered: number;
  expected: number;
  /** Over every delivery of every post. */
  sendToDelivery: Percentiles;
  commitToDelivery: Percentiles;
  /** Over posts: each post's last delivery. */
  sendToLast: Percentiles;
  commitToLast: Percentiles;
  /** The server's CPU (user + system) over the phase. */
  cpuMs: number;
  cpuPerDeliveryUs: number;
  frameBytes: number;
}

/** Broadcasts back to back: sustained deliveries per second and CPU per delivery. */
export interface BurstPhase {
  posts: number;
  delivered: number;
  expected: number;
  /** First send to last delivery. */
  seconds: number;
  deliveriesPerSecond: number;
  cpuMs: number;
  cpuPerDeliveryUs: number;
}

const waitFor = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Time allowed for one broadcast to reach `sockets` sockets before it counts as partly lost. */
const deliveryTimeoutMs = (sockets: number) => 5_000 + sockets;

/** A few broadcasts that are not measured: JIT, caches and the server's first-time paths. */
export async function warmUp(
  target: BroadcastTarget,
  fleet: Fleet,
  sockets: number,
  first: number,
  count = 3,
) {
  for (let i = 0; i < count; i++) {
    const fired = await target.fire(first + i);
    await fleet.whenDelivered(fired.key, deliveryTimeoutMs(sockets));
  }
  await fleet.collect();
}

export async function latencyPhase(
  target: BroadcastTarget,
  fleet: Fleet,
  options: { sockets: number; posts: number; first: number },
): Promise<LatencyPhase> {
  const fired: Fired[] = [];
  const cpuBefore = processCpu(target.pid);
  let lost = 0;
  for (let i = 0; i < options.posts; i++) {
    const f = await target.fire(options.first + i);
    fired.push(f);
    const last = await fleet.whenDelivered(f.key, deliveryTimeoutMs(options.sockets));
    if (last === undefined && ++lost >= 3) break;
    // A short pause, so one broadcast's stragglers and the next one's request do not overlap.
    await waitFor(20);
  }
  const cpuMs = (processCpu(target.pid) - cpuBefore) * 1000;
  const { deliveries, frameBytes } = await fleet.collect();
  const send: number[] = [];
  const commit: number[] = [];
  const sendLast: number[] = [];
  const commitLast: number[] = [];
  let delivered = 0;
  for (const f of fired) {
    const times = deliveries.get(f.key) ?? new Float64Array();
    delivered += times.length;
    let last = Number.NEGATIVE_INFINITY;
    for (const t of times) {
      send.push(t - f.sendAt);
      commit.push(t - f.commitAt);
      if (t > last) last = t;
    }
    if (times.length > 0) {
      sendLast.push(last - f.sendAt);
      commitLast.push(last - f.commitAt);
    }
  }
  return {
    posts: fired.length,
    delivered,
    expected: fired.length * options.sockets,
    sendToDelivery: percentiles(send),
    commitToDelivery: percentiles(commit),
    sendToLast: percentiles(sendLast),
    commitToLast: percentiles(commitLast),
    cpuMs,
    cpuPerDeliveryUs: delivered > 0 ? (cpuMs * 1000) / delivered : 0,
    frameBytes,
  };
}

export async function burstPhase(
  target: BroadcastTarget,
  fleet: Fleet,
  options: { sockets: number; posts: number; first: number },
): Promise<BurstPhase> {
  const cpuBefore = processCpu(target.pid);
  const { keys, startedAt } = await target.burst(options.first, options.posts);
  const deadline = clockMs() + deliveryTimeoutMs(options.sockets) + options.posts * options.sockets * 0.05;
  let lastAt = startedAt;
  for (const key of keys) {
    const at = await fleet.whenDelivered(key, Math.max(1, deadline - clockMs()));
    if (at !== undefined && at > lastAt) lastAt = at;
  }
  const cpuMs = (processCpu(target.pid) - cpuBefore) * 1000;
  const { deliveries } = await fleet.collect();
  let delivered = 0;
  for (const key of keys) {
    const times = deliveries.get(key);
    if (!times) continue;
    delivered += times.length;
    for (const t of times) if (t > lastAt) lastAt = t;
  }
  const seconds = (lastAt - startedAt) / 1000;
  return {
    posts: keys.length,
    delivered,
    expected: keys.length * options.sockets,
    seconds,
    deliveriesPerSecond: seconds > 0 ? delivered / seconds : 0,
    cpuMs,
    cpuPerDeliveryUs: delivered > 0 ? (cpuMs * 1000) / delivered : 0,
  };
}

/**
 * Broadcasts one after another for `seconds`, each sent once the previous one reached every socket: the
 * server is always broadcasting, without a backlog piling up (P11 measures requests meanwhile).
 */
export async function sustainedPhase(
  target: BroadcastTarget,
  fleet: Fleet,
  options: { sockets: number; seconds: number; first: number },
): Promise<{ posts: number; delivered: number; expected: number }> {
  const end = clockMs() + options.seconds * 1000;
  const keys: string[] = [];
  while (clockMs() < end) {
    const fired = await target.fire(options.first + keys.length);
    keys.push(fired.key);
    await fleet.whenDelivered(fired.key, deliveryTimeoutMs(options.sockets));
  }
  const { deliveries } = await fleet.collect();
  const delivered = keys.reduce((sum, key) => sum + (deliveries.get(key)?.length ?? 0), 0);
  return { posts: keys.length, delivered, expected: keys.length * options.sockets };
}

/** Server CPU per broadcast with no socket connected: what a post costs before any delivery. */
export async function cpuPerBroadcast(
  target: BroadcastTarget,
  count: number,
  first: number,
): Promise<number> {
  for (let i = 0; i < 3; i++) await target.fire(first + i);
  const before = processCpu(target.pid);
  for (let i = 3; i < count + 3; i++) await target.fire(first + i);
  // The outbox hands the last post on just after its answer.
  await waitFor(100);
  return ((processCpu(target.pid) - before) * 1000) / count;
}
