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
