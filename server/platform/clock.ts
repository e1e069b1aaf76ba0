/**
 * The time the server acts on. Production reads the system clock; a demo or training installation may shift
 * it (an administrator moves a practice campaign past a 公示 period, say) and tests do the same. The offset
 * lives in memory only: a restart returns to the real time.
 */
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  get offsetDays(): number {
    return this.offsetMs / 86_400_000;
  }

  /** Shifts the clock by whole days from the real time (0 returns to it). */
  setOffsetDays(days: number): void {
    this.offsetMs = Math.round(days) * 86_400_000;
  }
}
