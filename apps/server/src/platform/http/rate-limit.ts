import type { FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { AppError } from './errors.ts';

export interface RateLimitRule {
  /** Distinguishes rules, so two rules on one route count separately. */
  name: string;
  max: number;
  windowMs: number;
  /** What is counted: by default the client IP; sign-in also counts per account. */
  key?: (request: FastifyRequest) => string;
}

/**
 * A rule counted per signed-in person (per address only for the anonymous, whom `auth` refuses before the
 * limit is reached anyway), so colleagues behind one address do not share a budget.
 */
export const perActor = (name: string, max: number, windowMs = 60_000): RateLimitRule => ({
  name,
  max,
  windowMs,
  key: (request) => request.actor?.id ?? request.ip,
});

export interface RateLimitStore {
  /** Counts one hit in the key's fixed window; returns the count so far and when the window ends. */
  hit(key: string, windowMs: number): Promise<{ count: number; resetAt: number }>;
  /** The count in the key's current window, without counting. */
  peek(key: string): Promise<number>;
}

export function memoryRateLimitStore(): RateLimitStore {
  const windows = new Map<string, { count: number; resetAt: number }>();
  let lastSweep = Date.now();
  return {
    async hit(key, windowMs) {
      const now = Date.now();
      if (now - lastSweep > 60_000) {
        for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
        lastSweep = now;
      }
      const current = windows.get(key);
      if (!current || current.resetAt <= now) {
        const fresh = { count: 1, resetAt: now + windowMs };
        windows.set(key, fresh);
        return fresh;
      }
      current.count += 1;
      return current;
    },
    async peek(key) {
      const current = windows.get(key);
      return current && current.resetAt > Date.now() ? current.count : 0;
    },
  };
}

/**
 * Shared across app nodes: one counter per key and window in Redis. While Redis cannot be reached, each
 * node counts in memory instead, so limits still hold (per node) and requests are not refused for it.
 */
export function redisRateLimitStore(redis: Redis, prefix: string): RateLimitStore {
  const fallback = memoryRateLimitStore();
  return {
    async hit(key, windowMs) {
      const redisKey = `${prefix}rl:${key}`;
      try {
        const result = await redis
          .multi()
          .incr(redisKey)
          .pexpire(redisKey, windowMs, 'NX')
          .pttl(redisKey)
          .exec();
        const count = Number(result?.[0]?.[1] ?? 1);
        const ttl = Number(result?.[2]?.[1] ?? windowMs);
        return { count, resetAt: Date.now() + (ttl > 0 ? ttl : windowMs) };
      } catch {
        return fallback.hit(key, windowMs);
      }
    },
    async peek(key) {
      try {
        return Number((await redis.get(`${prefix}rl:${key}`)) ?? 0);
      } catch {
        return fallback.peek(key);
      }
    },
  };
}

/** A preHandler enforcing the rules in order; the first exceeded one answers 429 with Retry-After. */
export function rateLimiter(store: RateLimitStore, rules: RateLimitRule[]) {
  return async (request: FastifyRequest): Promise<void> => {
    for (const rule of rules) {
      const subject = rule.key ? rule.key(request) : `ip:${request.ip}`;
      const { count, resetAt } = await store.hit(`${rule.name}:${subject}`, rule.windowMs);
      if (count > rule.max) {
        const retryAfter = String(Math.max(1, Math.ceil((resetAt - Date.now()) / 1000)));
        throw new AppError(
          429,
          'rate_limited',
          'Too many requests',
          'Too many attempts. Try again later.',
          undefined,
          {
            'retry-after': retryAfter,
          },
        );
      }
    }
  };
}

export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError(429, 'rate_limited', 'Too many requests', 'Too many attempts. Try again later.', undefined, {
    'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))),
  });

/**
 * Counts only failures (e.g. wrong passwords for one account, from any address): `check` refuses once the
 * limit is reached, `fail` records one. Successful attempts never count, so nobody is locked out by others'
 * correct logins, and the limit bounds guessing per account however many addresses the guesser uses.
 */
export function failureLimiter(store: RateLimitStore, rule: { name: string; max: number; windowMs: number }) {
  return {
    async check(subject: string): Promise<void> {
      if ((await store.peek(`${rule.name}:${subject}`)) >= rule.max)
        throw tooManyRequests(rule.windowMs / 1000);
    },
    async fail(subject: string): Promise<void> {
      await store.hit(`${rule.name}:${subject}`, rule.windowMs);
    },
  };
}
