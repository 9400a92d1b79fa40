import { readdirSync, readFileSync } from 'node:fs';

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

/** CPU seconds (user + system) a process has used so far; 0 once it is gone. */
export function processCpu(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th overall.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) * TICK_S;
  } catch {
    return 0;
  }
}

/** Processes whose command line contains `pattern`: PostgreSQL backends show their database there. */
function matchingPids(pattern: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(pattern)) pids.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/**
 * CPU of this process and `pids`, plus every process whose command line contains `pattern` (the database
 * server's backends for the bench databases: their work is the app's work, not foreign load).
 */
export function sampleCpu(pids: number[], pattern?: string): Sample {
  const self = process.cpuUsage();
  const all = pattern ? [...new Set([...pids, ...matchingPids(pattern)])] : pids;
  const ours = (self.user + self.system) / 1e6 + all.reduce((sum, pid) => sum + processCpu(pid), 0);
  return { at: performance.now(), busy: machineBusy(), ours };
}

/** CPU used by other processes between two samples, as a share of the whole machine (0–1). */
export function foreignLoad(before: Sample, after: Sample, cores: number): number {
  const wall = (after.at - before.at) / 1000;
  const foreign = after.busy - before.busy - (after.ours - before.ours);
  return wall > 0 ? Math.max(0, foreign / (wall * cores)) : 0;
}
