import { readFileSync } from 'node:fs';

// Linux reports CPU time in clock ticks; USER_HZ is 100 on every mainstream kernel build.
const TICK_S = 0.01;

interface Sample {
  at: number;
  /** Busy CPU seconds of the whole machine (all cores). */
  busy: number;
  /** CPU seconds of the bench process and the given children. */
  ours: number;
}

function machineBusy(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [, ...fields] = line.trim().split(/\s+/).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  return (user + nice + system + irq + softirq + steal) * TICK_S;
}

function processCpu(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th overall.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) * TICK_S;
  } catch {
    return 0;
  }
}

export function sampleCpu(pids: number[]): Sample {
  const self = process.cpuUsage();
  const ours = (self.user + self.system) / 1e6 + pids.reduce((sum, pid) => sum + processCpu(pid), 0);
  return { at: performance.now(), busy: machineBusy(), ours };
}

/** CPU used by other processes between two samples, as a share of the whole machine (0–1). */
export function foreignLoad(before: Sample, after: Sample, cores: number): number {
  const wall = (after.at - before.at) / 1000;
  const foreign = after.busy - before.busy - (after.ours - before.ours);
  return wall > 0 ? Math.max(0, foreign / (wall * cores)) : 0;
}
