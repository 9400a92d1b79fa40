import { cpus } from 'node:os';
import { foreignLoad, sampleCpu } from './cpu.ts';
import { pct } from './report.ts';

/** Foreign load above which a measurement is repeated (PERFORMANCE.md protocol, step 1). */
export const NOISY = 0.1;

export interface WithLoad<T> {
  value: T;
  /** Share of the machine other processes used meanwhile (0–1). */
  foreignLoad: number;
}

let ownedPattern: string | undefined;

/** Processes whose command line contains this count as ours too (PostgreSQL backends of the bench databases). */
export function countAsOurs(pattern: string | undefined): void {
  ownedPattern = pattern;
}

/** Runs `work` while accounting the CPU of this process and `pids`; the rest of the machine is foreign. */
export async function withForeignLoad<T>(pids: number[], work: () => Promise<T>): Promise<WithLoad<T>> {
  const before = sampleCpu(pids, ownedPattern);
  const value = await work();
  const after = sampleCpu(pids, ownedPattern);
  return { value, foreignLoad: foreignLoad(before, after, cpus().length) };
}

/**
 * Repeats a measurement while other processes took more than 10% of the machine, up to `attempts`
 * times, and keeps the quietest one. `noise` extracts the foreign load of one attempt.
 */
export async function quietest<T>(
  label: string,
  attempts: number,
  run: () => Promise<T>,
  noise: (result: T) => number,
  log: (line: string) => void,
): Promise<T & { attempts: number }> {
  let best: T | undefined;
  let made = 0;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    made = attempt;
    const result = await run();
    if (best === undefined || noise(result) < noise(best)) best = result;
    if (noise(result) <= NOISY) break;
    if (attempt < attempts)
      log(`${label}: other processes used ${pct(noise(result))} of the machine; repeating.`);
  }
  if (best === undefined) throw new Error(`${label}: no measurement`);
  return { ...best, attempts: made };
}
