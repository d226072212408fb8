/**
 * Writes are rate-limited per account (and failed logins per client address): a token bucket that holds
 * `perMinute` writes and refills at that rate, so a burst up to the limit passes and a steady flood is cut
 * to the limit. In memory: one server process is one limit (several processes each apply their own).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Take one unit for `key`: 0 when allowed, else the seconds to wait before the next one is. */
  take(key: string): number {
    if (this.perMinute <= 0) return 0;
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.perMinute, at: t };
    b.tokens = Math.min(this.perMinute, b.tokens + ((t - b.at) / 60_000) * this.perMinute);
    b.at = t;
    if (b.tokens < 1) {
      this.buckets.set(key, b);
      return Math.max(1, Math.ceil(((1 - b.tokens) * 60) / this.perMinute));
    }
    b.tokens -= 1;
    this.buckets.set(key, b);
    // Forget full buckets now and then, so the map does not grow with every address ever seen.
    if (this.buckets.size > 10_000) for (const [k, v] of this.buckets) if (v.tokens >= this.perMinute - 1) this.buckets.delete(k);
    return 0;
  }
}
