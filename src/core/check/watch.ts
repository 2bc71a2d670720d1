/**
 * "Watch until green": when to check again while records are still wrong, and
 * when resolver caches may at the latest stop returning the old answer. Pure
 * arithmetic so the widget stays thin and the schedule is unit-tested.
 */

/** Seconds to wait before re-check number `attempt` (1 = the first re-check): 15, 30, 60, 120, then every 300. */
export function watchDelaySeconds(attempt: number): number {
  const steps = [15, 30, 60, 120];
  if (!Number.isFinite(attempt) || attempt < 1) return steps[0] ?? 15;
  return steps[Math.floor(attempt) - 1] ?? 300;
}

/**
 * The latest time (ms since epoch) a resolver that cached the answer seen at
 * `checkedAt` may keep serving it: checkedAt + TTL. Undefined without a TTL.
 */
export function cacheExpiresAt(checkedAt: number, ttlSeconds: number | undefined): number | undefined {
  if (ttlSeconds === undefined || !Number.isFinite(ttlSeconds) || ttlSeconds < 0) return undefined;
  return checkedAt + Math.min(ttlSeconds, 2_147_483_647) * 1000;
}
