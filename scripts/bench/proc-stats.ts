import { readFileSync } from 'node:fs';

/** CPU and memory of a process as Linux's /proc tells them. */
export interface ProcStats {
  /** User plus system CPU time since the process started, in seconds. */
  cpuSeconds: number;
  /** Peak resident set size (VmHWM), in MB. */
  peakRssMB: number;
}

// USER_HZ: the unit of utime and stime in /proc/<pid>/stat. 100 on every Linux this runs on
// (getconf CLK_TCK); Node has no binding to ask sysconf.
const CLOCK_TICKS_PER_SECOND = 100;

/** Reads /proc/<pid>/stat and /proc/<pid>/status; null once the process is gone. */
export function procStats(pid: number): ProcStats | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
    return { cpuSeconds: (utime + stime) / CLOCK_TICKS_PER_SECOND, peakRssMB: hwm ? Number(hwm[1]) / 1024 : Number.NaN };
  } catch {
    return null;
  }
}
