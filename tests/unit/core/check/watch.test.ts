import { describe, expect, it } from 'vitest';
import { cacheExpiresAt, watchDelaySeconds } from '~/core/check/watch';

describe('watchDelaySeconds', () => {
  it.each([
    // The first re-check comes soon: a fix is often published within seconds.
    { attempt: 1, seconds: 15 },
    // Then the wait doubles…
    { attempt: 2, seconds: 30 },
    { attempt: 3, seconds: 60 },
    { attempt: 4, seconds: 120 },
    // …and settles at five minutes, however long the page stays open.
    { attempt: 5, seconds: 300 },
    { attempt: 500, seconds: 300 },
    // Nonsense attempts fall back to the first step rather than 0 (no busy loop).
    { attempt: 0, seconds: 15 },
    { attempt: -3, seconds: 15 },
    { attempt: Number.NaN, seconds: 15 },
  ])('waits $seconds s before re-check $attempt', ({ attempt, seconds }) => {
    expect(watchDelaySeconds(attempt)).toBe(seconds);
  });
});

describe('cacheExpiresAt', () => {
  it.each([
    // A 600 s TTL seen at t=0 may be served until t=600 s.
    { at: 0, ttl: 600, expires: 600_000 },
    { at: 1_000, ttl: 0, expires: 1_000 },
    // No TTL (the resolver failed): nothing to say.
    { at: 0, ttl: undefined, expires: undefined },
    { at: 0, ttl: -1, expires: undefined },
    // A TTL with the top bit set is capped, never negative.
    { at: 0, ttl: 4_294_967_295, expires: 2_147_483_647_000 },
  ])('$ttl s seen at $at → $expires', ({ at, ttl, expires }) => {
    expect(cacheExpiresAt(at, ttl)).toBe(expires);
  });
});
