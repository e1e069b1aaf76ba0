import fs from 'node:fs';

/** Resident set size (VmRSS) and its peak (VmHWM) of a process, in bytes, from /proc. */
export function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** Resets the peak (VmHWM) to the current RSS, so a scenario measures its own peak (Linux ≥ 4.0). */
export function resetPeak(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * Samples RSS every `everyMs` until stopped: the baseline at start, the peak seen (max of the samples and
 * the kernel's VmHWM after a reset) and the last value.
 */
export function sampleRss(pid: number, everyMs = 100) {
  const peakReset = resetPeak(pid);
  const start = memoryOf(pid).rss;
  let peak = start;
  let last = start;
  const timer = setInterval(() => {
    try {
      last = memoryOf(pid).rss;
      peak = Math.max(peak, last);
    } catch {
      // the process ended
    }
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      let hwm = 0;
      try {
        const m = memoryOf(pid);
        last = m.rss;
        if (peakReset) hwm = m.hwm;
      } catch {
        // ended
      }
      peak = Math.max(peak, hwm, last);
      return { start, peak, end: last, growth: peak - start };
    },
  };
}

/**
 * CPU time (user + system) a process has used so far, in milliseconds, from /proc/<pid>/stat. Less
 * sensitive than wall time to other work on a shared machine: what the process did, not how long it waited.
 */
export function cpuMsOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at the closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** USER_HZ: 100 on every Linux configuration Node supports. */
const CLOCK_TICKS_PER_SECOND = 100;
