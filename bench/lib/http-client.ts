import http from 'node:http';
import { type Percentiles, percentiles } from './stats.ts';

/**
 * Request loops with sub-millisecond timing (autocannon's histogram counts whole milliseconds, too coarse
 * for a 1 ms service-time goal): a sequential `-c 1` loop and an open-loop fixed-rate scheduler.
 */
export interface RequestSpec {
  method?: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoopResult {
  /** Requests answered (any status). */
  total: number;
  requestsPerSecond: number;
  latencyMs: Percentiles;
  non2xx: number;
  errors: number;
  statuses: Record<string, number>;
}

interface Answer {
  status: number;
  ms: number;
}

function send(agent: http.Agent, base: URL, spec: RequestSpec, startedAt: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...spec.headers };
    if (spec.body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(spec.body);
    }
    const request = http.request(
      { host: base.hostname, port: base.port, path: spec.path, method: spec.method ?? 'GET', headers, agent },
      (response) => {
        response.on('data', () => {});
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, ms: performance.now() - startedAt }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(spec.body);
  });
}

function summarize(answers: Answer[], errors: number, seconds: number): LoopResult {
  const statuses: Record<string, number> = {};
  let non2xx = 0;
  for (const a of answers) {
    statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    if (a.status < 200 || a.status > 299) non2xx++;
  }
  return {
    total: answers.length,
    requestsPerSecond: answers.length / seconds,
    latencyMs: percentiles(answers.map((a) => a.ms)),
    non2xx,
    errors,
    statuses,
  };
}

/** One request at a time over one keep-alive connection, for `seconds` (after `warmupSeconds`). */
export async function sequential(
  url: string,
  requestFor: (i: number) => RequestSpec,
  options: { seconds: number; warmupSeconds?: number; maxRequests?: number },
): Promise<LoopResult> {
  const base = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let i = 0;
  try {
    const warmupEnd = performance.now() + (options.warmupSeconds ?? 0) * 1000;
    while (performance.now() < warmupEnd)
      await send(agent, base, requestFor(i++), performance.now()).catch(() => {});
    const answers: Answer[] = [];
    let errors = 0;
    const started = performance.now();
    const end = started + options.seconds * 1000;
    const max = options.maxRequests ?? Number.POSITIVE_INFINITY;
    while (performance.now() < end && answers.length + errors < max) {
      try {
        answers.push(await send(agent, base, requestFor(i++), performance.now()));
      } catch {
        errors++;
      }
    }
    return summarize(answers, errors, (performance.now() - started) / 1000);
  } finally {
    agent.destroy();
  }
}

/**
 * Open loop: requests start on a fixed schedule (`rate` per second) whether or not earlier ones have
 * answered, and each latency counts from its scheduled start, so a stall shows up in the percentiles
 * instead of silently slowing the load down (coordinated omission).
 */
export async function openLoop(
  url: string,
  requestFor: (i: number) => RequestSpec,
  options: { rate: number; seconds: number; maxSockets?: number; stop?: AbortSignal },
): Promise<LoopResult & { scheduled: number; lateStartsMs: Percentiles }> {
  const base = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 256 });
  const answers: Answer[] = [];
  const lateness: number[] = [];
  let errors = 0;
  const interval = 1000 / options.rate;
  const scheduled = Math.floor(options.rate * options.seconds);
  const pending: Promise<void>[] = [];
  const started = performance.now();
  let next = 0;
  try {
    await new Promise<void>((done) => {
      const tick = () => {
        const now = performance.now();
        while (next < scheduled && started + next * interval <= now) {
          const due = started + next * interval;
          lateness.push(now - due);
          pending.push(
            send(agent, base, requestFor(next), due).then(
              (a) => void answers.push(a),
              () => void errors++,
            ),
          );
          next++;
        }
        // `stop` ends the schedule early: load that lasts as long as something else does.
        if (next >= scheduled || options.stop?.aborted) return done();
        // A 1 ms timer rather than a busy loop: the client must not take a core from the server. Starts
        // due meanwhile go out together on the next tick, and their wait counts in their latency.
        setTimeout(tick, 1);
      };
      tick();
    });
    await Promise.all(pending);
    const seconds = (performance.now() - started) / 1000;
    return { ...summarize(answers, errors, seconds), scheduled: next, lateStartsMs: percentiles(lateness) };
  } finally {
    agent.destroy();
  }
}
